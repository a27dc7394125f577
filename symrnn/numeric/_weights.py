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

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError, ShapeError
from ..cells import Cell
from ._kernels import kernel
from ._validate import check_params as _check_params
from ._validate import check_size

__all__ = ["check_params"]

Array = NDArray[np.float64]


def _dims(name: str, value: object, ndim: int) -> tuple[int, ...]:
    shape = np.shape(value)  # type: ignore[arg-type]
    if len(shape) != ndim:
        kind = {1: "a vector (n,)", 2: "a matrix"}[ndim]
        raise ShapeError(f"params[{name!r}] has shape {shape}; expected {kind}")
    return shape


def check_params(
    cell: str | Cell, params: Mapping[str, object], m: int | None = None, n: int | None = None
) -> tuple[dict[str, Array], int, int]:
    """Validate ``params`` for ``cell``, reading ``m`` and ``n`` from the arrays.

    Arguments:
        cell: a catalog name or a :class:`~symrnn.cells.Cell`.
        params: a mapping from parameter name to array.
        m, n: the input and hidden sizes, if known (otherwise taken from the first input
            matrix and the first recurrent matrix or vector).

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
    for spec in k.param_specs:
        if spec.name not in params:
            continue
        if n is None and spec.kind != "input_matrix":
            n = _dims(spec.name, params[spec.name], 1 if spec.kind == "bias" else 2)[0]
        if m is None and spec.kind == "input_matrix":
            m = _dims(spec.name, params[spec.name], 2)[1]
    if m is None or n is None:  # every name missing: the rule below names them
        m, n = m or 1, n or 1
    m, n = check_size("m", m), check_size("n", n)
    return _check_params(k.name, k.param_specs, params, m, n), m, n
