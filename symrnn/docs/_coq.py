"""What the report says about the Coq check, behind one function: :func:`coq_records`.

The Coq export (:mod:`symrnn.coq`) gives, per *reading*, the theorem names, whether
``coqc`` checked them, and what ``Print Assumptions`` reported for each theorem in the recorded
run (:func:`symrnn.coq.coq_assumptions`); only :func:`coq_records` reads the export.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

__all__ = ["PRIMITIVE_TAG", "CoqRecord", "CoqReport", "coq_records", "record_for"]


@dataclass(frozen=True)
class CoqRecord:
    """One claim's (or reading's) Coq theorems: status ``"checked"``, ``"exported"``,
    ``"failed"`` or ``"not exported"``, the theorem names, the assumptions Coq reports
    (empty when not recorded) and, when not exported, why."""

    status: str
    theorems: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    why: str = ""


@dataclass(frozen=True)
class CoqReport:
    """Records keyed by reading id; ``ran`` is whether coqc ran, ``available`` whether it is
    installed, ``seconds`` the check time."""

    records: dict[str, CoqRecord]
    ran: bool
    available: bool
    seconds: float = 0.0


#: Interval's primitive floating-point and 63-bit integer operations: dozens of axioms, shown
#: as one entry (the export's README lists each).
_PRIMITIVE = ("FloatAxioms.", "PrimFloat.", "PrimInt63.", "Uint63.")

#: How :func:`_compact` names the group of Interval's primitive axioms: the tag and their
#: count (the printing says it in the report's language).
PRIMITIVE_TAG = "primitive:"


def _compact(axioms: set[str]) -> tuple[str, ...]:
    """The axioms by their short names (``sig_forall_dec`` for
    ``ClassicalDedekindReals.sig_forall_dec``: qualified names do not fit a table column; the
    export's README lists them qualified), Interval's primitive operations as one entry."""
    prim = sorted(a for a in axioms if a.startswith(_PRIMITIVE))
    rest = sorted({a.rsplit(".", 1)[-1] for a in axioms if not a.startswith(_PRIMITIVE)})
    return tuple(rest) + ((f"{PRIMITIVE_TAG}{len(prim)}",) if prim else ())


def coq_records(check: bool) -> CoqReport:
    """Export the Coq development and, when ``check`` and Coq is installed, check it; one
    record per reading (theorems, status, the union of their recorded assumptions)."""
    from ..coq import check_coq, coqc_available, export_coq

    available = coqc_available()
    with tempfile.TemporaryDirectory(prefix="symrnn-docs-coq-") as tmp:
        export = export_coq(tmp)
        result = check_coq(tmp, timeout=900) if check and available else None
    files = export.files()
    records: dict[str, CoqRecord] = {}
    for rid, names in export.readings.items():
        if result is None:
            status = "exported"
        else:
            status = "checked" if all(result.files.get(f) == "checked" for f in files[rid]) \
                else "failed"
        axioms = set().union(*(export.assumptions.get(n, ()) for n in names))
        records[rid] = CoqRecord(status, names, _compact(axioms))
    for rid, why in export.not_exported.items():
        records[rid] = CoqRecord("not exported", why=why)
    return CoqReport(records, result is not None, available,
                     result.seconds if result is not None else 0.0)


def record_for(report: CoqReport | None, reading_id: str) -> CoqRecord:
    """The record of a reading ("not exported" without a report or a theorem)."""
    if report is None or reading_id not in report.records:
        return CoqRecord("not exported")
    return report.records[reading_id]
