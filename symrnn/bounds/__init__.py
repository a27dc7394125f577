"""symrnn.bounds: rigorous bounds over whole domains (issue 4).

Every bound of the article proved in Arb ball arithmetic over its whole domain — unbounded
domains through analytic tail lemmas, never a truncated range — with JSON certificates that
:func:`check_certificate` re-verifies from scratch. The claim registry
(:mod:`symrnn.claims.readings`) names the checks of each reading.
"""

from .certificate import CheckResult as CheckResult
from .certificate import check_certificate as check_certificate
from .invariants import multilinear_range as multilinear_range
from .tanh_in_u import tanh_in_u_sup as tanh_in_u_sup
from .terms import TermSup as TermSup
from .terms import comparison_table as comparison_table
from .terms import term_suprema as term_suprema
from .xsech2 import Supremum as Supremum
from .xsech2 import prove_xsech2_bound as prove_xsech2_bound
from .xsech2 import xsech2_supremum as xsech2_supremum

__all__ = [
    "CheckResult", "Supremum", "TermSup",
    "check_certificate", "comparison_table", "multilinear_range", "prove_xsech2_bound",
    "tanh_in_u_sup", "term_suprema", "xsech2_supremum",
]
