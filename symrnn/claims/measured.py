"""The measured readings: claims about what training sees, settled by measurement only.

A measured reading's verdict is always ``"unknown"``: measurements (:mod:`symrnn.flow`)
are shown beside the formal verdicts as empirical evidence, never in their place.
"""

from __future__ import annotations

from collections.abc import Callable

from ..verify.verdict import Verdict

__all__ = ["measured_only"]


def measured_only(claim_id: str) -> Callable[[], Verdict]:
    """The check of a measured reading: ``"unknown"``, pointing to the measurement."""
    def check() -> Verdict:
        return Verdict("unknown", "measured, not proved: see the empirical evidence "
                       "(symrnn verify --json, symrnn flow)",
                       evidence={"measured_by": "symrnn.flow.claims_empirical", "claim": claim_id})
    return check
