"""The cell catalog: every cell of the article, and the ones people actually train.

>>> from symrnn.cells import get_cell
>>> get_cell("lstm").gates
(f_t, i_t, o_t, chat_t)
"""

from __future__ import annotations

from .._errors import UnknownCellError
from ._base import Cell, CellPath, Param, State
from .gru import gru, gru_torch, mgu
from .lstm import lstm
from .rnn import relu_rnn, rnn
from .extended import EXTENDED
from .variant import variant

__all__ = ["ARTICLE_CELLS", "CATALOG", "Cell", "CellPath", "Param", "State", "cell_names",
           "get_cell"]

#: The article's cells (and gru_torch), in the article's order.
ARTICLE_CELLS: tuple[str, ...] = ("rnn", "relu_rnn", "lstm", "gru", "mgu", "variant", "gru_torch")

CATALOG: dict[str, Cell] = {
    c.name: c for c in (rnn, relu_rnn, lstm, gru, mgu, variant, gru_torch)
}
CATALOG.update(EXTENDED)


def cell_names() -> tuple[str, ...]:
    """The catalog's cell names, in catalog order."""
    return tuple(CATALOG)


def get_cell(cell: str | Cell) -> Cell:
    """The catalog cell called ``cell`` (a :class:`Cell` is returned unchanged)."""
    if isinstance(cell, Cell):
        return cell
    try:
        return CATALOG[cell]
    except (KeyError, TypeError):
        raise UnknownCellError(
            f"unknown cell {cell!r}; known cells: {', '.join(CATALOG)}"
        ) from None
