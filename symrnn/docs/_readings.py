"""The readings of a claim result, as the report reads them.

The claim registry gives each claim one or more *readings* (``ClaimResult.readings``,
issue 12). Until a registry without readings is gone, a claim result is read here as the
1-D verdict (its principal reading, ``"<id>/1d"``) and the n-D verdict (``"<id>/nd"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..claims import ClaimResult
from ..verify.verdict import Verdict

__all__ = ["ReadingView", "readings_of", "all_readings"]


@dataclass(frozen=True)
class ReadingView:
    """One reading and its result: what the report needs of ``ReadingResult``."""

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


def _from_reading_result(rr: Any) -> ReadingView:
    rd = rr.reading
    return ReadingView(rd.id, rd.claim_id, rd.label, rd.statement, rd.statement_latex,
                       rd.expected, rd.kind, rd.principal, rr.verdict)


def readings_of(r: ClaimResult) -> tuple[ReadingView, ...]:
    """The readings of a claim result, principal first."""
    if hasattr(r, "readings"):
        views = [_from_reading_result(rr) for rr in r.readings]
        return tuple(sorted(views, key=lambda v: not v.principal))
    c = r.claim
    kind = "measurement" if c.method == "empirical" else \
        "definition" if c.method == "catalog" else "mathematics"
    out = [ReadingView(f"{c.id}/1d", c.id, "1-D", r.verdict.statement, "", c.expected, kind,
                       True, r.verdict)]
    if r.verdict_nd is not None:
        out.append(ReadingView(f"{c.id}/nd", c.id, "n-D", r.verdict_nd.statement, "",
                               c.expected_nd, "mathematics", False, r.verdict_nd))
    return tuple(out)


def all_readings(results: Sequence[ClaimResult]) -> list[ReadingView]:
    """Every reading of every result, in the registry's order."""
    return [v for r in results for v in readings_of(r)]
