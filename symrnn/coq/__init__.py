"""symrnn.coq: an independent check of symrnn's results in the Coq proof assistant (issues 9, 14).

:func:`export_coq` writes a self-contained Coq development generated from the claim
registry, the cells, the derivations and the bound results — one theorem or more per
mathematical reading — and :func:`check_coq` runs ``coqc`` on it.
:func:`coq_theorems` gives, per reading id, the names of the theorems that state it (no Coq
needed); :func:`coq_why_not` why a reading has none; :func:`coq_assumptions` what
``Print Assumptions`` reported for every theorem in the recorded run;
:func:`coq_status` gives, per reading, "checked" / "exported" / "failed" / "not exported".
"""

from typing import TYPE_CHECKING

from .._lazy import attach, names_of

if TYPE_CHECKING:
    from ._assumptions import coq_assumptions as coq_assumptions
    from ._check import CoqCheck as CoqCheck
    from ._check import CoqUnavailableError as CoqUnavailableError
    from ._check import check_coq as check_coq
    from ._check import coqc_available as coqc_available
    from ._check import record_assumptions as record_assumptions
    from ._export import Export as Export
    from ._export import export_coq as export_coq
    from ._readings import coq_theorems as coq_theorems
    from ._readings import why_not as coq_why_not
    from .status import coq_status as coq_status

__all__ = ["CoqCheck", "CoqUnavailableError", "Export", "check_coq", "coq_assumptions",
           "coq_status", "coq_theorems", "coq_why_not", "coqc_available", "export_coq",
           "record_assumptions"]

_IMPORTS = {
    "._assumptions": "coq_assumptions",
    "._check": "CoqCheck CoqUnavailableError check_coq coqc_available record_assumptions",
    "._export": "Export export_coq",
    "._readings": "coq_theorems coq_why_not=why_not",
    ".status": "coq_status",
}
__getattr__, __dir__ = attach(__name__, names_of(_IMPORTS), globals())
