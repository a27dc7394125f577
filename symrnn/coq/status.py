"""Per reading (or per claim): was a Coq theorem exported, and did ``coqc`` check it?

>>> from symrnn.coq.status import coq_status
>>> coq_status(check=False)["eq6/1d"]
'exported'
>>> coq_status(check=False)["vanish-meaning/measured"]
'not exported'
"""

from __future__ import annotations

import tempfile
from typing import Literal

from ._check import check_coq
from ._export import export_coq
from ._model import claim_of

__all__ = ["coq_status", "fold_claims"]

_RANK = ("not exported", "exported", "checked", "failed")


def fold_claims(statuses: dict[str, str]) -> dict[str, str]:
    """Reading statuses folded per claim: ``"failed"`` if any reading failed, else the
    best of ``"checked"``/``"exported"``, else ``"not exported"``."""
    out: dict[str, str] = {}
    for rid, st in statuses.items():
        c = claim_of(rid)
        out[c] = max(out.get(c, "not exported"), st, key=_RANK.index)
    return out


def coq_status(check: bool, *, by: Literal["reading", "claim"] = "reading") -> dict[str, str]:
    """Reading id (or claim id) -> ``"checked"``, ``"exported"``, ``"failed"`` or
    ``"not exported"``.

    With ``check=False`` only the export is generated (``"exported"``); with ``check=True``
    it is also checked by ``coqc`` (raises :class:`CoqUnavailableError` when Coq is missing):
    a reading is ``"checked"`` when every file with a theorem of it checks, else
    ``"failed"``. ``by="claim"`` folds the readings of each claim: ``"failed"`` if any
    failed, else ``"checked"``/``"exported"`` if any has a theorem, else ``"not exported"``.
    """
    from ..claims import reading_ids

    with tempfile.TemporaryDirectory(prefix="symrnn-coq-") as tmp:
        export = export_coq(tmp)
        result = check_coq(tmp, timeout=900) if check else None
    files = export.files()
    out: dict[str, str] = {}
    for rid in reading_ids():
        if rid not in export.readings:
            out[rid] = "not exported"
        elif result is None:
            out[rid] = "exported"
        else:
            ok = all(result.files.get(f) == "checked" for f in files[rid])
            out[rid] = "checked" if ok else "failed"
    return out if by == "reading" else fold_claims(out)
