"""Errors of user-defined cells: one subclass of :class:`~symrnn.SymrnnError` per file layer.

Every error carries ``field`` — the place in the definition it is about (``"gates.f"``,
``"updates.c"``, ``"params.W_f"``) — so the TOML layer can add the file's line number.
"""

from __future__ import annotations

from .._errors import SymrnnError

__all__ = ["CellDefinitionError", "CellFileError", "fail"]


class CellDefinitionError(SymrnnError, ValueError):
    """A cell definition that breaks a rule: unknown symbol, missing update, cycle, ..."""

    field: str = ""


class CellFileError(CellDefinitionError):
    """A cell file that cannot be read: bad TOML, a forbidden expression, a bad field.

    ``line`` is the 1-based line of the offending field (0 when unknown).
    """

    line: int = 0


def fail(cls: type[SymrnnError], field: str, message: str) -> SymrnnError:
    """An exception of ``cls`` for ``field`` (raise the result)."""
    err = cls(f"{field}: {message}" if field else message)
    err.field = field  # type: ignore[attr-defined]
    return err
