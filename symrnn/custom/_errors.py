"""Errors of user-defined cells (the classes live in :mod:`symrnn._errors`, with the rest
of the family).

Every error carries ``field`` — the place in the definition it is about (``"gates.f"``,
``"updates.c"``, ``"params.W_f"``) — so the TOML layer can add the file's line number.
"""

from __future__ import annotations

from .._errors import CellDefinitionError, CellFileError, SymrnnError

__all__ = ["CellDefinitionError", "CellFileError", "fail"]


def fail(cls: type[SymrnnError], field: str, message: str) -> SymrnnError:
    """An exception of ``cls`` for ``field`` (raise the result)."""
    err = cls(f"{field}: {message}" if field else message)
    err.field = field  # type: ignore[attr-defined]
    return err
