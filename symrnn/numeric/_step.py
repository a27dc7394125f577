"""Public one-step and sequence evaluation: :func:`step` and :func:`unroll`.

Both validate their arguments once (shapes, names, finiteness) and then call the cell's
kernel (:mod:`._kernels`): the hand-written forms of :mod:`._cells` for the article's cells,
a tape compiled from the symbolic definitions for the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..cells import Cell
from ._kernels import CellKernel, kernel
from ._validate import check_input, check_params, check_state

__all__ = ["step", "unroll", "Prepared", "prepare", "pack_state"]

Array = NDArray[np.float64]
StateLike = Union[ArrayLike, tuple[ArrayLike, ...]]
StateOut = Union[Array, tuple[Array, ...]]


class Prepared(NamedTuple):
    """Validated arguments: the kernel, params, input(s), state tuple, sizes ``m`` and ``n``."""

    kernel: CellKernel
    params: dict[str, Array]
    x: Array
    state: tuple[Array, ...]
    m: int
    n: int


def prepare(
    cell: str | Cell, params: Mapping[str, ArrayLike], x: ArrayLike, state: StateLike,
    leading: int = 0,
) -> Prepared:
    """Validate a call; ``leading=1`` when ``x`` is a sequence ``xs`` of shape ``(T, ...)``."""
    k = kernel(cell)
    states = check_state(k.name, k.state_names, state, label="state0" if leading else "state")
    name = "xs" if leading else "x"
    xa = check_input(name, x, states[0].shape, leading=leading)
    m, n = xa.shape[-1], states[0].shape[-1]
    p = check_params(k.name, k.param_specs, params, m, n)
    return Prepared(k, p, xa, states, m, n)


def pack_state(state: tuple[Array, ...]) -> StateOut:
    """``h`` alone for single-state cells, the tuple ``(h, c)`` otherwise."""
    return state[0] if len(state) == 1 else state


def step(
    cell: str | Cell, params: Mapping[str, ArrayLike], x: ArrayLike, state: StateLike
) -> StateOut:
    """One step of ``cell``: the new state from input ``x`` and the previous state.

    >>> import numpy as np
    >>> from symrnn.numeric import init_params
    >>> p = init_params("rnn", m=1, n=1, scheme="zero")
    >>> step("rnn", p, np.array([1.0]), np.array([0.5]))
    array([0.])

    Arguments:
        cell: a catalog name (:data:`CELL_NAMES`) or a :class:`~symrnn.cells.Cell`.
        params: a mapping from parameter name to array (see :func:`init_params`), exactly
            the cell's parameters.
        x: input, shape ``(m,)`` or batched ``(B, m)``.
        state: ``h`` of shape ``(n,)`` or ``(B, n)``; the tuple of the cell's states
            (:func:`state_names`), e.g. ``(h, c)`` for ``lstm`` and ``variant``.

    Returns:
        The new state, with the structure and shapes of ``state``.
    """
    prep = prepare(cell, params, x, state)
    new, _ = prep.kernel.forward(prep.params, prep.x, prep.state)
    return pack_state(new)


def unroll(
    cell: str | Cell, params: Mapping[str, ArrayLike], xs: ArrayLike, state0: StateLike
) -> StateOut:
    """Run ``cell`` over a sequence and return every state, the initial one included.

    Arguments:
        xs: inputs, shape ``(T, m)`` or ``(T, B, m)``.
        state0: initial state, as for :func:`step`.

    Returns:
        ``h`` of shape ``(T + 1, n)`` or ``(T + 1, B, n)`` (``hs[0]`` is ``state0``), or the
        tuple ``(hs, cs)`` for two-state cells.
    """
    prep = prepare(cell, params, xs, state0, leading=1)
    forward = prep.kernel.forward
    states = [prep.state]
    for x in prep.x:
        states.append(forward(prep.params, x, states[-1])[0])
    return pack_state(tuple(np.stack(s) for s in zip(*states)))
