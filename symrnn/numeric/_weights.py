"""A parameter set checked on its own, before any input or state is at hand.

:func:`check_params` reads the sizes ``m`` (input) and ``n`` (hidden) off the arrays, then
applies the same rule as every numeric call (:func:`._validate.check_params`): exactly the
cell's names, finite real arrays of their kinds' shapes. Importers and the flow measurement
use it to refuse a bad parameter set with a message naming the parameter.

>>> import numpy as np
>>> p, m, n = check_params("rnn", {"W": np.zeros((2, 3)), "U": np.eye(2), "b": np.zeros(2)})
>>> (m, n), sorted(p)
((3, 2), ['U', 'W', 'b'])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError
from ..cells import Cell
from ._kernels import kernel
from ._validate import check_params as _check_params
from ._validate import check_size

__all__ = ["check_params"]

Array = NDArray[np.float64]


def _mode(values: list[int]) -> int | None:
    """The most common value (the first seen on a tie), or None."""
    return max(values, key=lambda v: (values.count(v), -values.index(v))) if values else None


def check_params(
    cell: str | Cell, params: Mapping[str, Any], m: int | None = None, n: int | None = None
) -> tuple[dict[str, Array], int, int]:
    """Validate ``params`` for ``cell``, reading ``m`` and ``n`` from the arrays.

    Arguments:
        cell: a catalog name or a :class:`~symrnn.cells.Cell`.
        params: a mapping from parameter name to array.
        m, n: the input and hidden sizes, if known; otherwise the sizes most of the arrays
            agree on (every parameter's first axis is ``n``, an input matrix's second is
            ``m``), so the message names the odd one out.

    Returns:
        ``(params, m, n)``: float64 arrays under exactly the cell's names, and the sizes.

    Raises:
        SymrnnError: naming the parameter (a missing or unexpected name, a wrong shape, a
            non-finite value).
    """
    k = kernel(cell)
    if not isinstance(params, Mapping):
        raise InvalidArgumentError(
            f"params of type {type(params).__name__} is not a mapping from names to arrays"
        )
    present = [s for s in k.param_specs if s.name in params]
    shapes = {s.name: np.shape(params[s.name]) for s in present}  # type: ignore[arg-type]
    if n is None:
        n = _mode([shapes[s.name][0] for s in present if shapes[s.name]]) or 1
    if m is None:
        m = _mode([shapes[s.name][1] for s in present
                   if s.kind == "input_matrix" and len(shapes[s.name]) == 2]) or 1
    m, n = check_size("m", m), check_size("n", n)
    return _check_params(k.name, k.param_specs, params, m, n,
                         sizes_from="the shapes of most parameters"), m, n
