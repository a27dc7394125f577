r"""The LSTM, eq (7).

.. math::

    f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) \\
    i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) \\
    o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) \\
    \hat c_t &= \tanh(W_c x_t + U_c h_{t-1} + b_c) \\
    c_t &= f_t \circ c_{t-1} + i_t \circ \hat c_t \\
    h_t &= o_t \circ \tanh(c_t) \qquad (7)

The state is the pair (h, c). The article studies ∂c_t/∂c_{t-1} with
h_{t-1} = o_{t-1} tanh(c_{t-1}) (the "c-path", eq (8)–(10)); see
:func:`symrnn.derivation.article_derivative`.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (7)–(10).
S. Hochreiter, J. Schmidhuber, "Long short-term memory", Neural Computation 9 (1997);
F. Gers, J. Schmidhuber, F. Cummins, "Learning to forget", Neural Computation 12 (2000).
"""

from __future__ import annotations

from sympy import tanh

from ..activations import sigmoid
from ._base import Cell, State, params_for, prev_sym, t_sym

__all__ = ["lstm"]

_params = params_for("f", "i", "o", "c")
(W_f, U_f, b_f, W_i, U_i, b_i, W_o, U_o, b_o, W_c, U_c, b_c) = (p.symbol for p in _params)
x = t_sym("x")
h_prev, c_prev = prev_sym("h"), prev_sym("c")
f, i, o, c_hat = t_sym("f"), t_sym("i"), t_sym("o"), t_sym("chat")
c, h = t_sym("c"), t_sym("h")

lstm = Cell(
    name="lstm",
    title="LSTM",
    equation="eq7",
    states=(State("h"), State("c")),
    gates=(f, i, o, c_hat),
    definitions=(
        (f, sigmoid(W_f * x + U_f * h_prev + b_f)),
        (i, sigmoid(W_i * x + U_i * h_prev + b_i)),
        (o, sigmoid(W_o * x + U_o * h_prev + b_o)),
        (c_hat, tanh(W_c * x + U_c * h_prev + b_c)),
        (c, f * c_prev + i * c_hat),
        (h, o * tanh(c)),
    ),
    params=_params,
    reference="Su 2020, eq (7); Hochreiter & Schmidhuber 1997; Gers et al. 2000.",
)

#: o_{t-1}: the previous step's output gate, through which h_{t-1} = o_{t-1} tanh(c_{t-1}).
o_prev = prev_sym("o")
