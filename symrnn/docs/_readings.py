"""The readings of a claim result, as the report reads them.

Each claim of the registry has one or more *readings* (:mod:`symrnn.claims.readings`), its
precise meanings, each with its own verdict; the first is the principal one. A
:class:`ReadingView` flattens a ``ReadingResult`` into what the report prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..claims import ClaimResult
from ..claims.readings import ReadingResult
from ..verify.verdict import Verdict

__all__ = ["ReadingView", "readings_of", "all_readings"]


@dataclass(frozen=True)
class ReadingView:
    """One reading and its result: what the report needs of a ``ReadingResult``."""

    id: str
    claim_id: str
    label: str
    statement: str
    statement_latex: str
    expected: str
    kind: str
    principal: bool
    verdict: Verdict

    @property
    def as_expected(self) -> bool:
        return self.verdict.status == self.expected

    @classmethod
    def of(cls, rr: ReadingResult) -> "ReadingView":
        rd = rr.reading
        return cls(rd.id, rd.claim_id, rd.label, rd.statement, rd.statement_latex,
                   rd.expected, rd.kind, rd.principal, rr.verdict)


def readings_of(r: ClaimResult) -> tuple[ReadingView, ...]:
    """The readings of a claim result, in the registry's order (principal first)."""
    return tuple(ReadingView.of(rr) for rr in r.readings)


def all_readings(results: Sequence[ClaimResult]) -> list[ReadingView]:
    """Every reading of every result, in the registry's order."""
    return [v for r in results for v in readings_of(r)]
