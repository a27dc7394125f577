"""The one exception family of symrnn.

Every error a user can trigger is a :class:`SymrnnError`. Messages name the offending
input (``name=value``), the rule it broke and how to fix it, in the style of Hypothesis'
argument validation.
"""

from __future__ import annotations

__all__ = [
    "SymrnnError",
    "InvalidExpressionError",
    "UnsupportedFunctionError",
    "ReservedNameError",
    "UnknownCellError",
    "UnknownClaimError",
    "InvalidArgumentError",
    "ShapeError",
    "CellDefinitionError",
    "CellFileError",
    "LimitError",
    "TimeLimitError",
    "OutputPathError",
]


class SymrnnError(Exception):
    """Base class of every error raised by symrnn on bad input."""


class InvalidExpressionError(SymrnnError, TypeError):
    """An argument that must be a SymPy expression is something else."""


class UnsupportedFunctionError(SymrnnError, ValueError):
    """An expression uses a function outside the supported set."""


class ReservedNameError(SymrnnError, ValueError):
    """A symbol's name clashes with a name symrnn reserves (``sigmoid``, ``tanh``, ...)."""


class UnknownCellError(SymrnnError, KeyError):
    """A cell name that is not in the catalog."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class UnknownClaimError(SymrnnError, KeyError):
    """A claim id that is not in the registry."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class InvalidArgumentError(SymrnnError, ValueError):
    """An argument with a value outside its allowed range (empty interval, NaN, ...)."""


class ShapeError(SymrnnError, ValueError):
    """An array whose shape does not match what the cell expects."""


class CellDefinitionError(SymrnnError, ValueError):
    """A user cell definition that breaks a rule: unknown symbol, missing update, cycle, ...

    ``field`` names the place in the definition (``"gates.f"``, ``"updates.c"``).
    """

    field: str = ""


class CellFileError(CellDefinitionError):
    """A cell file that cannot be read: bad TOML, a forbidden expression, a bad field.

    ``line`` is the 1-based line of the offending field (0 when unknown).
    """

    line: int = 0


class LimitError(SymrnnError, ValueError):
    """An input over one of symrnn's resource limits (:mod:`symrnn._limits`), refused
    before the expensive work starts. The message names the limit and its value; every
    limit is listed in the user guide (docs/guide.md, "Limits")."""


class TimeLimitError(LimitError):
    """A computation that ran past its wall-clock budget (``--timeout``, ``timeout=``)."""


class OutputPathError(SymrnnError, ValueError):
    """An output path (``--out``) that cannot be written: an existing file where a directory
    is wanted, a directory without write permission, ..."""
