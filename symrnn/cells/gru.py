r"""The GRU, eq (11); its single-gate version, eq (12); and PyTorch's convention.

.. math::

    z_t &= \sigma(W_z x_t + U_z h_{t-1} + b_z) \\
    r_t &= \sigma(W_r x_t + U_r h_{t-1} + b_r) \\
    \hat h_t &= \tanh(W_h x_t + U_h (r_t \circ h_{t-1}) + b_h) \\
    h_t &= (1 - z_t) \circ h_{t-1} + z_t \circ \hat h_t \qquad (11)

The single-gate version (12) merges r_t and z_t into r_t. The article writes the
candidate's bias as b_c; it is named b_h here, like its W_h and U_h (a naming slip with no
effect on the mathematics, reported as an erratum).

Two conventions are in use for the reset gate and the update gate's orientation:

* **reset before the product** (Cho et al. 2014, the article's eq (11)):
  ĥ = tanh(W_h x + U_h (r∘h) + b_h), and h_t = (1 − z) h_{t-1} + z ĥ;
* **reset after the product** (PyTorch, cuDNN, Keras ``reset_after=True``):
  n = tanh(W_h x + b_h + r∘(U_h h + bu_h)), and h_t = (1 − z) n + z h_{t-1}:
  z keeps the old state, the opposite orientation. This is ``gru_torch``.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (11)–(13).
K. Cho et al., "Learning phrase representations using RNN encoder-decoder", EMNLP 2014.
PyTorch documentation, ``torch.nn.GRU``.
"""

from __future__ import annotations

from sympy import tanh

from ..activations import sigmoid
from ._base import Cell, Param, State, params_for, t_sym

__all__ = ["gru", "mgu", "gru_torch"]

_h = State("h")
x, h_prev, h = t_sym("x"), _h.prev, _h.new
z, r, h_hat, n_t = t_sym("z"), t_sym("r"), t_sym("hhat"), t_sym("n")

_gru_params = params_for("z", "r", "h")
(W_z, U_z, b_z, W_r, U_r, b_r, W_h, U_h, b_h) = (p.symbol for p in _gru_params)

gru = Cell(
    name="gru",
    title="GRU (reset before the product)",
    equation="eq11",
    states=(_h,),
    gates=(z, r, h_hat),
    definitions=(
        (z, sigmoid(W_z * x + U_z * h_prev + b_z)),
        (r, sigmoid(W_r * x + U_r * h_prev + b_r)),
        (h_hat, tanh(W_h * x + U_h * (r * h_prev) + b_h)),
        (h, (1 - z) * h_prev + z * h_hat),
    ),
    params=_gru_params,
    reference="Su 2020, eq (11); Cho et al. 2014.",
    notes="reset applied before the matrix product; z_t weights the candidate",
)

_mgu_params = params_for("r", "h")
mgu = Cell(
    name="mgu",
    title="single-gate GRU",
    equation="eq12",
    states=(_h,),
    gates=(r, h_hat),
    definitions=(
        (r, sigmoid(W_r * x + U_r * h_prev + b_r)),
        (h_hat, tanh(W_h * x + U_h * (r * h_prev) + b_h)),
        (h, (1 - r) * h_prev + r * h_hat),
    ),
    params=_mgu_params,
    reference="Su 2020, eq (12); cf. Zhou et al., 'Minimal gated unit', 2016.",
    notes="r_t plays both roles: reset inside the candidate and update gate",
)

bu_h = Param("bu_h", "bias")
gru_torch = Cell(
    name="gru_torch",
    title="GRU (PyTorch/cuDNN reset-after convention)",
    equation="",
    states=(_h,),
    gates=(z, r, n_t),
    definitions=(
        (z, sigmoid(W_z * x + U_z * h_prev + b_z)),
        (r, sigmoid(W_r * x + U_r * h_prev + b_r)),
        (n_t, tanh(W_h * x + b_h + r * (U_h * h_prev + bu_h.symbol))),
        (h, (1 - z) * n_t + z * h_prev),
    ),
    params=_gru_params + (bu_h,),
    reference="PyTorch torch.nn.GRU; cuDNN; Keras GRU(reset_after=True).",
    notes="reset applied after the matrix product; z_t keeps the old state",
)
