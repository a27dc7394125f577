"""symrnn.coq: an independent check of symrnn's results in the Coq proof assistant (issue 9).

:func:`export_coq` writes a self-contained Coq development generated from the claim
registry, the derivations and the bound results — derivative identities, bounds over whole
domains, state invariants — and :func:`check_coq` runs ``coqc`` on it.
:func:`coq_status` gives, per claim, "checked" / "exported" / "failed" / "not exported".
"""

from ._check import CoqCheck as CoqCheck
from ._check import CoqUnavailableError as CoqUnavailableError
from ._check import check_coq as check_coq
from ._check import coqc_available as coqc_available
from ._export import Export as Export
from ._export import export_coq as export_coq
from .status import coq_status as coq_status

__all__ = ["CoqCheck", "CoqUnavailableError", "Export", "check_coq", "coq_status",
           "coqc_available", "export_coq"]
