r"""Backpropagation through time: :func:`bptt`, for every cell.

For a loss :math:`L = \langle g, s_T \rangle` on the state after step :math:`T` (summed over
the batch), :func:`bptt` returns :math:`\partial L/\partial s_0` and :math:`\partial L/\partial
\theta` for every parameter: a forward sweep keeps each step's cache, a backward sweep applies
the cell's one-step adjoint (:class:`~symrnn.numeric.CellKernel.backward`: hand-written for the
article's cells, the tape's for the others) from :math:`t = T` down to 1, and each parameter's
gradient is summed in one product after the sweep.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Optional, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .._errors import ShapeError
from ..cells import Cell
from ._step import StateLike, StateOut, pack_state, prepare
from ._validate import check_state

__all__ = ["bptt", "BPTTResult"]

Array = NDArray[np.float64]


class BPTTResult(NamedTuple):
    """What :func:`bptt` returns.

    Attributes:
        state: the final state :math:`s_T` (structure and shapes of ``state0``).
        grad_state0: :math:`\\partial L/\\partial s_0` (structure and shapes of ``state0``).
        grad_params: :math:`\\partial L/\\partial \\theta`, one array per parameter, each of
            the parameter's shape (summed over the batch).
    """

    state: StateOut
    grad_state0: StateOut
    grad_params: dict[str, Array]


def bptt(
    cell: str | Cell,
    params: Mapping[str, ArrayLike],
    xs: ArrayLike,
    state0: StateLike,
    cotangent: Union[StateLike, None] = None,
) -> BPTTResult:
    """Gradients of :math:`L = \\langle g, s_T\\rangle` by backpropagation through time.

    >>> import numpy as np
    >>> from symrnn.numeric import bptt
    >>> p = {"W": np.zeros((1, 1)), "U": np.array([[0.5]]), "b": np.zeros(1)}
    >>> bptt("rnn", p, np.zeros((1, 1)), np.zeros(1)).grad_state0  # (1 - tanh(0)^2) * 0.5, eq6
    array([0.5])

    Arguments:
        cell: a catalog name or a :class:`~symrnn.cells.Cell`.
        params: parameter arrays, as for :func:`step`.
        xs: inputs, shape ``(T, m)`` or ``(T, B, m)``.
        state0: initial state ``h`` (``(n,)`` or ``(B, n)``), or the tuple of the cell's states.
        cotangent: :math:`g = \\partial L/\\partial s_T`, with the structure of the state;
            default: ones on ``h`` and zeros on the other states (so :math:`L = \\sum h_T`).

    Returns:
        A :class:`BPTTResult` ``(state, grad_state0, grad_params)``.
    """
    prep = prepare(cell, params, xs, state0, leading=1)
    k, p = prep.kernel, prep.params
    prevs, caches = [], []
    state = prep.state
    for x in prep.x:
        prevs.append(state)
        state, cache = k.forward(p, x, state)
        caches.append(cache)

    if cotangent is None:
        d: tuple[Array, ...] = (np.ones_like(state[0]),) + tuple(np.zeros_like(s) for s in state[1:])
    else:
        d = check_state(k.name, k.state_names, cotangent, label="cotangent")
        if d[0].shape != state[0].shape:
            raise ShapeError(
                f"cotangent has shape {d[0].shape}; expected {state[0].shape}, the shape of the state"
            )

    terms: dict[str, list[tuple[Array, Optional[Array]]]] = {s.name: [] for s in k.param_specs}
    for t in range(len(caches) - 1, -1, -1):
        d, step_terms = k.backward(p, prep.x[t], prevs[t], caches[t], d)
        for name, da, v in step_terms:
            terms[name].append((da, v))

    grads = {name: _accumulate(pairs, p[name].shape) for name, pairs in terms.items()}
    return BPTTResult(pack_state(state), pack_state(d), grads)


def _accumulate(pairs: list[tuple[Array, Optional[Array]]], shape: tuple[int, ...]) -> Array:
    """Σ_t da_t^T v_t for a matrix (summed over time and batch), Σ_t da_t for a vector; zero
    for a parameter the loss does not reach."""
    if not pairs:
        return np.zeros(shape)
    da = np.concatenate([np.asarray(a).reshape(-1, shape[0]) for a, _ in pairs])
    if len(shape) == 1:
        return da.sum(axis=0)
    v = np.concatenate([np.asarray(b).reshape(-1, shape[1]) for _, b in pairs])
    return da.T @ v
