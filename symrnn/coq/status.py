"""Per claim: was a Coq proof exported, and did ``coqc`` check it?

>>> from symrnn.coq.status import coq_status
>>> coq_status(check=False)["eq6"]
'exported'
"""

from __future__ import annotations

import tempfile

from ..claims import CLAIMS
from ._check import check_coq
from ._export import export_coq

__all__ = ["coq_status"]


def coq_status(check: bool) -> dict[str, str]:
    """Claim id -> ``"checked"``, ``"exported"``, ``"failed"`` or ``"not exported"``.

    With ``check=False`` only the export is generated (``"exported"``); with ``check=True``
    it is also checked by ``coqc`` (raises :class:`CoqUnavailableError` when Coq is missing):
    a claim is ``"checked"`` when every file with a theorem of it checks, else ``"failed"``.
    """
    with tempfile.TemporaryDirectory(prefix="symrnn-coq-") as tmp:
        export = export_coq(tmp)
        result = check_coq(tmp) if check else None
    files = export.files()
    out: dict[str, str] = {}
    for claim in CLAIMS:
        if claim.id not in export.exported:
            out[claim.id] = "not exported"
        elif result is None:
            out[claim.id] = "exported"
        else:
            ok = all(result.files.get(f) == "checked" for f in files[claim.id])
            out[claim.id] = "checked" if ok else "failed"
    return out
