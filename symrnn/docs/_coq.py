"""What the report says about the Coq check, behind one function: :func:`coq_records`.

Today the Coq export (:mod:`symrnn.coq`) gives, per *claim*, the theorem names and whether
``coqc`` checked them; it does not yet record ``Print Assumptions`` per theorem. Issue 14
moves both to *readings*; only :func:`coq_records` reads the export, so switching is a
change here alone.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

__all__ = ["CoqRecord", "CoqReport", "coq_records", "record_for"]


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
    """Records keyed by claim id (and, once issue 14 lands, by reading id); ``ran`` is
    whether coqc ran, ``available`` whether it is installed, ``seconds`` the check time."""

    records: dict[str, CoqRecord]
    ran: bool
    available: bool
    seconds: float = 0.0
    per_reading: bool = False


def coq_records(check: bool) -> CoqReport:
    """Export the Coq development and, when ``check`` and Coq is installed, check it."""
    from ..coq import check_coq, coqc_available, export_coq

    available = coqc_available()
    with tempfile.TemporaryDirectory(prefix="symrnn-docs-coq-") as tmp:
        export = export_coq(tmp)
        result = check_coq(tmp) if check and available else None
    files = export.files()
    records: dict[str, CoqRecord] = {}
    for cid, names in export.exported.items():
        if result is None:
            status = "exported"
        else:
            status = "checked" if all(result.files.get(f) == "checked" for f in files[cid]) \
                else "failed"
        records[cid] = CoqRecord(status, names)
    for cid, why in export.not_exported.items():
        records[cid] = CoqRecord("not exported", why=why)
    return CoqReport(records, result is not None, available,
                     result.seconds if result is not None else 0.0)


def record_for(report: CoqReport | None, reading_id: str, claim_id: str,
               principal: bool) -> CoqRecord:
    """The record of a reading: its own when the export is per reading; else its claim's
    for the principal reading (the claim-level theorems state the principal reading)."""
    if report is None:
        return CoqRecord("not exported")
    if reading_id in report.records:
        return report.records[reading_id]
    if not report.per_reading and principal and claim_id in report.records:
        return report.records[claim_id]
    return CoqRecord("not exported")
