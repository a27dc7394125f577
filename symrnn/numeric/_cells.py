r"""Hand-written numpy forms of the catalog cells, batched, float64.

These are written from the article's equations, independently of the SymPy catalog in
:mod:`symrnn.cells` (tests compare the two). Each ``forward_<cell>`` takes parameters ``p``
(validated arrays), an input ``x`` of shape ``(m,)`` or ``(B, m)`` and the previous state as a
tuple of arrays of shape ``(n,)`` or ``(B, n)``, and returns the new state tuple and a *cache*:
the gates and intermediate values the hand-written backward pass (:mod:`._bptt`) needs. A
matrix-vector product :math:`W x` is ``x @ W.T``, so one code path serves both shapes.

Cells (σ is the logistic function, ∘ the elementwise product):

* ``rnn`` (eq5): :math:`h_t = \tanh(W x_t + U h_{t-1} + b)`; ``relu_rnn`` the same with relu.
* ``lstm`` (eq7): :math:`f, i, o = \sigma(W_* x_t + U_* h_{t-1} + b_*)`,
  :math:`\hat c_t = \tanh(W_c x_t + U_c h_{t-1} + b_c)`,
  :math:`c_t = f \circ c_{t-1} + i \circ \hat c_t`, :math:`h_t = o \circ \tanh c_t`.
* ``gru`` (eq11): :math:`z, r = \sigma(\cdot)`,
  :math:`\hat h_t = \tanh(W_h x_t + U_h (r \circ h_{t-1}) + b_h)`,
  :math:`h_t = (1 - z) \circ h_{t-1} + z \circ \hat h_t`.
* ``mgu`` (eq12): eq11 with the single gate :math:`r` in place of both :math:`z` and :math:`r`.
* ``variant`` (eq14): :math:`\hat c_t = \tanh(W_h x_t + U_h h_{t-1} + b_c)`,
  :math:`c_t = (1 - z) \circ c_{t-1} + z \circ \hat c_t`, :math:`h_t = r \circ c_t`.
* ``gru_torch`` (PyTorch/cuDNN/Keras reset-after):
  :math:`n = \tanh(W_h x_t + b_h + r \circ (U_h h_{t-1} + b^u_h))`,
  :math:`h_t = (1 - z) \circ n + z \circ h_{t-1}` — note :math:`z` keeps the *old* state here,
  the opposite orientation to eq11.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, equations (5), (7),
(11), (12), (14). K. Cho et al., "Learning Phrase Representations using RNN Encoder-Decoder",
2014 (reset-after form as implemented by cuDNN and ``torch.nn.GRUCell``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np
from numpy.typing import NDArray

from ._stable import relu, sigmoid, tanh

__all__ = ["FORWARD", "Cache", "State"]

Array = NDArray[np.float64]
State = tuple[Array, ...]
Cache = dict[str, Array]
Params = Mapping[str, Array]


def _affine(p: Params, gate: str, x: Array, h_prev: Array, bias: str | None = None) -> Array:
    """:math:`W_* x + U_* h_{t-1} + b_*` for ``gate`` ``*`` (plain ``W, U, b`` when empty)."""
    s = f"_{gate}" if gate else ""
    return x @ p["W" + s].T + h_prev @ p["U" + s].T + p[bias or "b" + s]


def forward_rnn(p: Params, x: Array, state: State) -> tuple[State, Cache]:
    """eq5: :math:`h_t = \\tanh(W x_t + U h_{t-1} + b)`."""
    (h_prev,) = state
    h = tanh(_affine(p, "", x, h_prev))
    return (h,), {"h": h}


def forward_relu_rnn(p: Params, x: Array, state: State) -> tuple[State, Cache]:
    """eq5 with relu: :math:`h_t = \\mathrm{relu}(W x_t + U h_{t-1} + b)`."""
    (h_prev,) = state
    a = _affine(p, "", x, h_prev)
    return (relu(a),), {"a": a}


def forward_lstm(p: Params, x: Array, state: State) -> tuple[State, Cache]:
    """eq7, the LSTM; state ``(h, c)``."""
    h_prev, c_prev = state
    f = sigmoid(_affine(p, "f", x, h_prev))
    i = sigmoid(_affine(p, "i", x, h_prev))
    o = sigmoid(_affine(p, "o", x, h_prev))
    c_hat = tanh(_affine(p, "c", x, h_prev))
    c = f * c_prev + i * c_hat
    tanh_c = tanh(c)
    h = o * tanh_c
    return (h, c), {"f": f, "i": i, "o": o, "c_hat": c_hat, "tanh_c": tanh_c}


def forward_gru(p: Params, x: Array, state: State) -> tuple[State, Cache]:
    """eq11, the GRU with the reset gate applied before the product :math:`U_h (r \\circ h)`."""
    (h_prev,) = state
    z = sigmoid(_affine(p, "z", x, h_prev))
    r = sigmoid(_affine(p, "r", x, h_prev))
    h_hat = tanh(x @ p["W_h"].T + (r * h_prev) @ p["U_h"].T + p["b_h"])
    h = (1 - z) * h_prev + z * h_hat
    return (h,), {"z": z, "r": r, "h_hat": h_hat, "r_h": r * h_prev}


def forward_mgu(p: Params, x: Array, state: State) -> tuple[State, Cache]:
    """eq12, the single-gate GRU (``r`` plays both parts)."""
    (h_prev,) = state
    r = sigmoid(_affine(p, "r", x, h_prev))
    h_hat = tanh(x @ p["W_h"].T + (r * h_prev) @ p["U_h"].T + p["b_h"])
    h = (1 - r) * h_prev + r * h_hat
    return (h,), {"r": r, "h_hat": h_hat, "r_h": r * h_prev}


def forward_variant(p: Params, x: Array, state: State) -> tuple[State, Cache]:
    """eq14, the article's proposed variant; state ``(h, c)``."""
    h_prev, c_prev = state
    z = sigmoid(_affine(p, "z", x, h_prev))
    r = sigmoid(_affine(p, "r", x, h_prev))
    c_hat = tanh(_affine(p, "h", x, h_prev, bias="b_c"))
    c = (1 - z) * c_prev + z * c_hat
    h = r * c
    return (h, c), {"z": z, "r": r, "c_hat": c_hat, "c": c}


def forward_gru_torch(p: Params, x: Array, state: State) -> tuple[State, Cache]:
    """The reset-after GRU of PyTorch and cuDNN (``z`` keeps the old state)."""
    (h_prev,) = state
    z = sigmoid(_affine(p, "z", x, h_prev))
    r = sigmoid(_affine(p, "r", x, h_prev))
    u = h_prev @ p["U_h"].T + p["bu_h"]
    n = tanh(x @ p["W_h"].T + p["b_h"] + r * u)
    h = (1 - z) * n + z * h_prev
    return (h,), {"z": z, "r": r, "u": u, "n": n}


FORWARD: dict[str, Callable[[Params, Array, State], tuple[State, Cache]]] = {
    "rnn": forward_rnn,
    "relu_rnn": forward_relu_rnn,
    "lstm": forward_lstm,
    "gru": forward_gru,
    "mgu": forward_mgu,
    "variant": forward_variant,
    "gru_torch": forward_gru_torch,
}
