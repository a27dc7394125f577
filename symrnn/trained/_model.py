"""A trained model as symrnn sees it: a cell and its parameters.

:class:`Weights` is what the importers return (:func:`symrnn.from_torch`,
:func:`symrnn.load_params`) and what :func:`symrnn.save_params` and
:func:`symrnn.check_weights` take. It unpacks as ``cell, params``, so the numeric API reads
it directly:

>>> import numpy as np
>>> w = Weights("rnn", {"W": np.zeros((2, 3)), "U": np.eye(2), "b": np.zeros(2)})
>>> cell, params = w
>>> cell, w.m, w.n
('rnn', 3, 2)
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from ..cells import Cell
from ..numeric import check_params

__all__ = ["Weights", "weights"]


class Weights(NamedTuple):
    """One model: ``cell`` (a catalog name, or a :class:`~symrnn.cells.Cell`) and ``params``
    (float64 arrays under the cell's parameter names: ``W_*`` ``(n, m)``, ``U_*`` ``(n, n)``,
    vectors ``(n,)``)."""

    cell: str | Cell
    params: dict[str, NDArray[np.float64]]

    @property
    def m(self) -> int:
        """The input size."""
        return check_params(self.cell, self.params)[1]

    @property
    def n(self) -> int:
        """The hidden size."""
        return check_params(self.cell, self.params)[2]


def weights(cell: str | Cell, params: object) -> Weights:
    """A validated :class:`Weights` (every parameter present, finite, of its shape)."""
    checked, _, _ = check_params(cell, params)  # type: ignore[arg-type]
    return Weights(cell, checked)
