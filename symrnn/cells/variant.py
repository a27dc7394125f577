r"""The article's proposed variant, eq (14): GRU's economy, LSTM's gradient.

.. math::

    z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) \\
    r_t &= \sigma(W_r x_t + U_r h_{t-1} + b_r) \\
    \hat c_t &= \tanh(W_h x_t + U_h h_{t-1} + b_c) \\
    c_t &= (1 - z_t) \circ c_{t-1} + z_t \circ \hat c_t \\
    h_t &= r_t \circ c_t \qquad (14)

The state is the pair (h, c); the article gives no Jacobian for it. The analogue of the
LSTM's c-path is ∂c_t/∂c_{t-1} with h_{t-1} = r_{t-1} c_{t-1}.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (14).
"""

from __future__ import annotations

from sympy import tanh

from ..activations import sigmoid
from ._base import Cell, State, params_for, prev_sym, t_sym

__all__ = ["variant"]

_params = params_for("z", "r", "h", input_bias={"h": "b_c"})
(W_z, U_z, b_z, W_r, U_r, b_r, W_h, U_h, b_c) = (p.symbol for p in _params)
x, h_prev, c_prev = t_sym("x"), prev_sym("h"), prev_sym("c")
z, r, c_hat, c, h = t_sym("z"), t_sym("r"), t_sym("chat"), t_sym("c"), t_sym("h")

variant = Cell(
    name="variant",
    title="the article's variant (eq 14)",
    equation="eq14",
    states=(State("h"), State("c")),
    gates=(z, r, c_hat),
    definitions=(
        (z, sigmoid(W_z * x + U_z * h_prev + b_z)),
        (r, sigmoid(W_r * x + U_r * h_prev + b_r)),
        (c_hat, tanh(W_h * x + U_h * h_prev + b_c)),
        (c, (1 - z) * c_prev + z * c_hat),
        (h, r * c),
    ),
    params=_params,
    reference="Su 2020, eq (14).",
)

#: r_{t-1}: the previous step's output gate, through which h_{t-1} = r_{t-1} c_{t-1}.
r_prev = prev_sym("r")
