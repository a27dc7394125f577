"""The verdict every checker returns: proved, refuted, or unknown — never a guess."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import sympy

__all__ = ["Verdict", "Status", "STATUSES"]

Status = Literal["proved", "refuted", "unknown"]
STATUSES: tuple[str, ...] = ("proved", "refuted", "unknown")


@dataclass(frozen=True)
class Verdict:
    """The outcome of checking one statement.

    Arguments:
        status: ``"proved"`` only from an exact or rigorous argument; ``"refuted"`` only with
            a witness whose rigorous evaluation excludes the statement; else ``"unknown"``.
        method: how the status was reached, for a human reader.
        witness: for a refuted identity, exact rational values of the free symbols at which a
            ball-arithmetic evaluation of ``lhs - rhs`` excludes zero.
        evidence: JSON-serialisable data backing the status (enclosures, certificates,
            counterexamples, errata).
        statement: the precise statement that was checked.
    """

    status: Status
    method: str
    witness: dict[sympy.Symbol, sympy.Rational] | None = None
    evidence: dict[str, Any] = field(default_factory=dict)
    statement: str = ""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"status={self.status!r} is not one of {STATUSES}")
        if self.status == "refuted" and self.witness is None and not self.evidence:
            raise ValueError("a refuted verdict needs a witness or evidence")

    @property
    def proved(self) -> bool:
        return self.status == "proved"

    @property
    def refuted(self) -> bool:
        return self.status == "refuted"

    def to_json(self) -> dict[str, Any]:
        """A JSON-serialisable form (witness values as exact ``"p/q"`` strings)."""
        out: dict[str, Any] = {"status": self.status, "method": self.method}
        if self.statement:
            out["statement"] = self.statement
        if self.witness is not None:
            out["witness"] = {str(k): str(v) for k, v in self.witness.items()}
        if self.evidence:
            out["evidence"] = self.evidence
        return out

    def _repr_latex_(self) -> str:
        from .._display import display, math, text

        rows = [rf"\textbf{{{self.status}}}\ " + text(f"({self.method})")]
        if self.statement:
            rows.append(text(self.statement))
        if self.witness:
            rows.append(text("witness: ") + r",\ ".join(f"{math(k)} = {math(v)}"
                                                       for k, v in self.witness.items()))
        return display(rows)

    def __str__(self) -> str:
        text = f"{self.status} ({self.method})"
        if self.witness:
            pts = ", ".join(f"{k}={v}" for k, v in self.witness.items())
            text += f" at {pts}"
        return text
