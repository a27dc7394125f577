r"""One step of any cell, forward and backward: the kernel behind every public function.

A :class:`CellKernel` is what :func:`~symrnn.numeric.step`, :func:`~symrnn.numeric.unroll`,
:func:`~symrnn.numeric.bptt` (and :mod:`symrnn.flow`) run after validation:

* the article's seven cells (:data:`HANDWRITTEN`: eq5, eq5 with relu, eq7, eq11, eq12, eq14 and
  PyTorch's reset-after GRU) use the hand-written numpy forms of :mod:`._cells` and
  :mod:`._bptt`, which stay the independent side of the property tests;
* every other catalog cell, and any user :class:`~symrnn.cells.Cell`, is compiled from its
  symbolic definitions into a tape (:mod:`._tape`).

Both kinds follow one convention: parameters named as in the cell (``W_*`` of shape
``(n, m)``, ``U_*`` of shape ``(n, n)``, vectors of shape ``(n,)``), inputs ``(m,)`` or
``(B, m)``, the state a tuple of arrays of shape ``(n,)`` or ``(B, n)``. Kernels do not
validate: the public functions do, once, with :mod:`._validate`.

>>> kernel("lstm").state_names, kernel("lstm").handwritten
(('h', 'c'), True)
>>> kernel("min_gru").handwritten, [s.name for s in kernel("min_gru").param_specs]
(False, ['W_z', 'b_z', 'W_h', 'b_h'])
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

import numpy as np
from numpy.typing import NDArray

from .._errors import UnknownCellError
from ..cells import ARTICLE_CELLS, CATALOG, Cell
from ._backward import BACKWARD
from ._cells import FORWARD
from ._params import ParamSpec, specs_of

__all__ = ["CellKernel", "kernel", "HANDWRITTEN", "CELL_NAMES"]

Array = NDArray[np.float64]
State = tuple[Array, ...]
Term = tuple[str, Array, Optional[Array]]

#: The cells with hand-written numpy forms (the article's, and PyTorch's GRU).
HANDWRITTEN: tuple[str, ...] = ARTICLE_CELLS
#: Every catalog cell; all of them run in :mod:`symrnn.numeric`.
CELL_NAMES: tuple[str, ...] = tuple(CATALOG)


@dataclass(frozen=True)
class CellKernel:
    """The unvalidated per-step functions of one cell.

    Attributes:
        name: the cell's name.
        cell: the symbolic cell (its Jacobian is compiled from it).
        param_specs: the parameters, in the cell's order, with their kinds (shapes).
        state_names: ``("h",)``, ``("h", "c")``, ...: the state tuple's order.
        handwritten: True for the article's cells (:data:`HANDWRITTEN`).
        forward: ``forward(params, x, state) -> (new_state, cache)``.
        backward: ``backward(params, x, prev_state, cache, d_new) -> (d_prev, terms)``, the
            vector-Jacobian product of one step; ``terms`` are ``(name, cotangent, operand)``
            per use of a parameter (a matrix's gradient is the sum of ``cotangent^T operand``,
            a vector's the sum of ``cotangent`` over the batch).
    """

    name: str
    cell: Cell
    param_specs: tuple[ParamSpec, ...]
    state_names: tuple[str, ...]
    handwritten: bool
    forward: Callable[[Mapping[str, Array], Array, State], tuple[State, Any]]
    backward: Callable[[Mapping[str, Array], Array, State, Any, State], tuple[State, list[Term]]]


@lru_cache(maxsize=None)
def _catalog_kernel(name: str) -> CellKernel:
    cell = CATALOG[name]
    if name in HANDWRITTEN:
        return CellKernel(name, cell, specs_of(cell), cell.state_names, True, FORWARD[name],
                          BACKWARD[name])
    return _compiled_kernel(cell)


@lru_cache(maxsize=None)
def _compiled_kernel(cell: Cell) -> CellKernel:
    from ._tape import tape

    t = tape(cell)
    return CellKernel(cell.name, cell, specs_of(cell), cell.state_names, False, t.forward,
                      t.backward)


@lru_cache(maxsize=None)
def _user_kernel(cell: Cell) -> CellKernel:
    from ..custom.define import check_cell  # the definition rules, once per cell

    return _compiled_kernel(check_cell(cell))


def kernel(cell: str | Cell) -> CellKernel:
    """The :class:`CellKernel` of a catalog name or a :class:`~symrnn.cells.Cell`.

    A catalog name, or the catalog's own ``Cell`` object, gives the catalog kernel; any other
    ``Cell`` is checked once by the rules of :func:`symrnn.define_cell` and compiled.

    Raises:
        UnknownCellError: for a name that is not in the catalog.
        SymrnnError: for a ``Cell`` that breaks a definition rule.
    """
    if isinstance(cell, str) and cell in CATALOG:
        return _catalog_kernel(cell)
    if isinstance(cell, Cell):
        if CATALOG.get(cell.name) == cell:
            return _catalog_kernel(cell.name)
        return _user_kernel(cell)
    raise UnknownCellError(
        f"cell={cell!r} is not in the catalog; use one of {CELL_NAMES} or a symrnn.Cell "
        "(symrnn.define_cell, symrnn.load_cell)"
    )
