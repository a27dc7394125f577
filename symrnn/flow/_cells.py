r"""Batched cells for the flow measurements: one parameter set *per run*, forward and J^T v.

:mod:`symrnn.numeric` batches inputs under one shared parameter set. Measuring many seeds at
once needs the opposite: run ``b`` has its own weights. :func:`pack` stacks the per-run
parameter dicts of :func:`symrnn.numeric.init_params` along a leading run axis ``B``. For the
article's cells (:data:`GROUPS`) it also pre-concatenates the matrices that act on the same
vector, so that one step is one batched matrix product per gate group:

.. math::

    \begin{pmatrix} a_f & a_i & a_o & a_c \end{pmatrix}
      = \begin{pmatrix} x_t & h_{t-1} \end{pmatrix}
        \begin{pmatrix} W_f^\top & W_i^\top & W_o^\top & W_c^\top \\
                        U_f^\top & U_i^\top & U_o^\top & U_c^\top \end{pmatrix}
      + \begin{pmatrix} b_f & b_i & b_o & b_c \end{pmatrix}.

The forward rules are the article's (eq5, eq7, eq11, eq12, eq14 and the reset-after GRU; see
:mod:`symrnn.numeric._cells`), written for arrays of shape ``(B, 1, n)``; the cache they return
uses the key names of :mod:`symrnn.numeric._cells`, so the vector-Jacobian product is the
hand-written backward pass of the cell's kernel (:func:`symrnn.numeric.kernel`) applied to
cotangents of shape ``(B, q, n)`` — ``q`` probe vectors per run, broadcast against the ``(B, 1, n)`` cache, with the
per-run matrices ``U_*`` of shape ``(B, n, n)``. Every other cell runs its numeric kernel
(:func:`symrnn.numeric.kernel`, compiled from its equations) on the stacked parameters, whose
matrix-vector products broadcast over the run axis. A single shared parameter set (a trained
model measured along many sequences) runs the kernel as it is, unpacked. Tests compare both
directions with :func:`symrnn.numeric.step` and :func:`symrnn.numeric.jacobian` run by run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from ..cells import Cell
from ..numeric import kernel, relu, sigmoid, tanh

__all__ = ["pack", "forward", "vjp", "GROUPS"]

Array = NDArray[np.float64]
State = tuple[Array, ...]
Cache = dict[str, Array]
Packed = dict[str, Array]

# gate groups: (packed name, gates whose W_*, U_* act on (x_t, h_{t-1}), bias names)
GROUPS: dict[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]] = {
    "rnn": (("a", ("",), ("b",)),),
    "relu_rnn": (("a", ("",), ("b",)),),
    "lstm": (("fioc", ("f", "i", "o", "c"), ("b_f", "b_i", "b_o", "b_c")),),
    "gru": (("zr", ("z", "r"), ("b_z", "b_r")),),
    "mgu": (("r", ("r",), ("b_r",)),),
    "variant": (("zrh", ("z", "r", "h"), ("b_z", "b_r", "b_c")),),
    "gru_torch": (("zr", ("z", "r"), ("b_z", "b_r")),),
}


def _name(kind: str, gate: str) -> str:
    return kind + (f"_{gate}" if gate else "")


def pack(cell: str | Cell, runs: Sequence[Mapping[str, Array]]) -> Packed:
    """Stack per-run parameters along a leading run axis (and concatenate gate groups).

    Arguments:
        cell: a cell :func:`symrnn.numeric.kernel` accepts (already validated).
        runs: ``B`` parameter dicts of :func:`symrnn.numeric.init_params` for the same ``m, n``.

    Returns:
        For a cell of :data:`GROUPS`, a dict with, per gate group ``G``, ``WU_G`` of shape
        ``(B, m + n, k n)`` and ``b_G`` of shape ``(B, 1, k n)`` (``k`` gates); every recurrent
        matrix under its own name with shape ``(B, n, n)`` (for the hand-written backward
        pass); and, for the GRU family, ``WhT`` ``(B, m, n)``, ``UhT`` ``(B, n, n)`` and the
        candidate's biases ``(B, 1, n)``. For any other cell, every parameter under its own
        name: matrices ``(B, rows, columns)``, vectors ``(B, 1, n)``.
    """
    if not isinstance(cell, str) or cell not in GROUPS:
        return {name: np.stack([p[name] if p[name].ndim == 2 else p[name][None, :] for p in runs])
                for name in runs[0]}
    out: Packed = {}
    for group, gates, biases in GROUPS[cell]:
        out["WU_" + group] = np.stack([
            np.concatenate([np.vstack([p[_name("W", g)].T, p[_name("U", g)].T]) for g in gates], axis=1)
            for p in runs
        ])
        out["b_" + group] = np.stack([np.concatenate([p[b] for b in biases])[None, :] for p in runs])
    for name in runs[0]:
        if name.startswith("U"):
            out[name] = np.stack([p[name] for p in runs])
    if cell in ("gru", "mgu", "gru_torch"):
        out["WhT"] = np.stack([p["W_h"].T for p in runs])
        out["UhT"] = np.stack([p["U_h"].T for p in runs])
        out["b_h"] = np.stack([p["b_h"][None, :] for p in runs])
    if cell == "gru_torch":
        out["bu_h"] = np.stack([p["bu_h"][None, :] for p in runs])
    return out


def _affine(p: Packed, group: str, x: Array, h: Array) -> Array:
    """``(x_t, h_{t-1}) @ WU + b`` for one gate group: ``(B, 1, m), (B, 1, n) -> (B, 1, k n)``."""
    return np.concatenate((x, h), axis=-1) @ p["WU_" + group] + p["b_" + group]


def _rnn(p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    h = tanh(_affine(p, "a", x, state[0]))  # eq5
    return (h,), {"h": h}


def _relu_rnn(p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    a = _affine(p, "a", x, state[0])
    return (relu(a),), {"a": a}


def _lstm(p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    h_prev, c_prev = state
    n = h_prev.shape[-1]
    a = _affine(p, "fioc", x, h_prev)  # eq7
    gates = sigmoid(a[..., : 3 * n])
    f, i, o = gates[..., :n], gates[..., n : 2 * n], gates[..., 2 * n :]
    c_hat = tanh(a[..., 3 * n :])
    c = f * c_prev + i * c_hat
    tanh_c = tanh(c)
    return (o * tanh_c, c), {"f": f, "i": i, "o": o, "c_hat": c_hat, "tanh_c": tanh_c}


def _gru(p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    (h_prev,) = state
    n = h_prev.shape[-1]
    zr = sigmoid(_affine(p, "zr", x, h_prev))  # eq11
    z, r = zr[..., :n], zr[..., n:]
    r_h = r * h_prev
    h_hat = tanh(x @ p["WhT"] + r_h @ p["UhT"] + p["b_h"])
    return ((1 - z) * h_prev + z * h_hat,), {"z": z, "r": r, "h_hat": h_hat, "r_h": r_h}


def _mgu(p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    (h_prev,) = state
    r = sigmoid(_affine(p, "r", x, h_prev))  # eq12
    r_h = r * h_prev
    h_hat = tanh(x @ p["WhT"] + r_h @ p["UhT"] + p["b_h"])
    return ((1 - r) * h_prev + r * h_hat,), {"r": r, "h_hat": h_hat, "r_h": r_h}


def _variant(p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    h_prev, c_prev = state
    n = h_prev.shape[-1]
    a = _affine(p, "zrh", x, h_prev)  # eq14
    zr = sigmoid(a[..., : 2 * n])
    z, r = zr[..., :n], zr[..., n:]
    c_hat = tanh(a[..., 2 * n :])
    c = (1 - z) * c_prev + z * c_hat
    return (r * c, c), {"z": z, "r": r, "c_hat": c_hat, "c": c}


def _gru_torch(p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    (h_prev,) = state
    n = h_prev.shape[-1]
    zr = sigmoid(_affine(p, "zr", x, h_prev))
    z, r = zr[..., :n], zr[..., n:]
    u = h_prev @ p["UhT"] + p["bu_h"]
    n_ = tanh(x @ p["WhT"] + p["b_h"] + r * u)
    return ((1 - z) * n_ + z * h_prev,), {"z": z, "r": r, "u": u, "n": n_}


_FORWARD: dict[str, Callable[[Packed, Array, State], tuple[State, Cache]]] = {
    "rnn": _rnn,
    "relu_rnn": _relu_rnn,
    "lstm": _lstm,
    "gru": _gru,
    "mgu": _mgu,
    "variant": _variant,
    "gru_torch": _gru_torch,
}


def _is_packed(cell: str | Cell, p: Packed) -> bool:
    return isinstance(cell, str) and cell in _FORWARD and any(k.startswith("WU_") for k in p)


def forward(cell: str | Cell, p: Packed, x: Array, state: State) -> tuple[State, Cache]:
    """One step for every run.

    Arguments:
        cell: a cell :func:`symrnn.numeric.kernel` accepts.
        p: packed parameters (:func:`pack`), or one shared parameter set.
        x: inputs, shape ``(B, 1, m)``.
        state: ``(h,)`` or ``(h, c)``, each of shape ``(B, 1, n)``.

    Returns:
        The new state (same structure and shapes) and the cache the backward pass reads.
    """
    if _is_packed(cell, p):
        return _FORWARD[cell](p, x, state)  # type: ignore[index]
    return kernel(cell).forward(p, x, state)


def vjp(cell: str | Cell, p: Packed, x: Array, prev: State, cache: Cache, d: State) -> State:
    r"""Cotangents pulled back one step: :math:`d \mapsto J_t^\top d` for ``q`` probes per run.

    Arguments:
        x, prev, cache: the step's input ``(B, 1, m)``, previous state ``(B, 1, n)`` each, and
            the cache of :func:`forward` at them.
        d: cotangents of the new state, each block of shape ``(B, q, n)``.

    Returns:
        Cotangents of the previous state, each block ``(B, q, n)``.
    """
    return kernel(cell).backward(p, x, prev, cache, d)[0]
