"""symrnn.ndim: the article's analysis in n dimensions.

* :func:`matrix_form` — each cell's Jacobian blocks in matrix form, as papers write them;
* :func:`prove_block`, :func:`prove_cell` — proofs for every n (generic entry (k, l));
* :func:`check_elementwise` — the explicit entrywise check for n ≤ 16;
* :data:`CHECKS_ND`, :data:`NEW_CLAIMS`, :data:`MATRIX_FORM_CHECKS` — the checks of the n-D readings.
"""

from .claims_nd import CHECKS_ND as CHECKS_ND
from .claims_nd import MATRIX_FORM_CHECKS as MATRIX_FORM_CHECKS
from .claims_nd import NEW_CLAIMS as NEW_CLAIMS
from .dimension_free import NotAPathError as NotAPathError
from .dimension_free import generic_entry as generic_entry
from .dimension_free import paths_equal as paths_equal
from .dimension_free import prove_block as prove_block
from .dimension_free import prove_cell as prove_cell
from .elementwise import MAX_N as MAX_N
from .elementwise import check_elementwise as check_elementwise
from .elementwise import find_witness as find_witness
from .matrix_form import FORM_KEYS as FORM_KEYS
from .matrix_form import BlockForm as BlockForm
from .matrix_form import D as D
from .matrix_form import I as I  # noqa: E741
from .matrix_form import M as M
from .matrix_form import Path as Path
from .matrix_form import Plus as Plus
from .matrix_form import Times as Times
from .matrix_form import block_form as block_form
from .matrix_form import matrix_form as matrix_form

__all__ = [
    "CHECKS_ND", "MATRIX_FORM_CHECKS", "NEW_CLAIMS", "FORM_KEYS", "MAX_N", "BlockForm", "D", "I", "M", "NotAPathError", "Path", "Plus", "Times",
    "block_form", "check_elementwise", "find_witness", "generic_entry", "matrix_form",
    "paths_equal", "prove_block", "prove_cell",
]
