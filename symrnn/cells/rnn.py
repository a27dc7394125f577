r"""The simple RNN, eq (5), and its relu version.

.. math::

    h_t = \tanh(W x_t + U h_{t-1} + b) \qquad (5)

The relu version replaces tanh by relu; the article contrasts the two in Section 3.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (5)–(6).
J. L. Elman, "Finding structure in time", Cognitive Science 14 (1990).
"""

from __future__ import annotations

from sympy import tanh

from ..activations import relu
from ._base import Cell, State, params_for, t_sym

__all__ = ["rnn", "relu_rnn"]

_h = State("h")
_params = params_for("")
W, U, b = (p.symbol for p in _params)
x, h_prev, h = t_sym("x"), _h.prev, _h.new

rnn = Cell(
    name="rnn",
    title="simple RNN (tanh)",
    equation="eq5",
    states=(_h,),
    gates=(),
    definitions=((h, tanh(W * x + U * h_prev + b)),),
    params=_params,
    reference="Su 2020, eq (5); Elman 1990.",
)

relu_rnn = Cell(
    name="relu_rnn",
    title="simple RNN (relu)",
    equation="",
    states=(_h,),
    gates=(),
    definitions=((h, relu(W * x + U * h_prev + b)),),
    params=_params,
    reference="Su 2020, Section 3 (relu-unbounded); Le, Jaitly & Hinton 2015 (IRNN).",
)
