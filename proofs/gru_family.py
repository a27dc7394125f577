"""Section 5 of the article: the GRU (11), its single-gate version (12), the Jacobian (13),
and the proposed variant (14).

Checks the catalog against (11), (12), (14); derives and checks (13); and derives what
the article leaves undone: ∂h_t/∂h_{t-1} for (12), and ∂c_t/∂c_{t-1} for (14) with
h_{t-1} = r_{t-1} c_{t-1}, each split into main and secondary terms (each derivation is
checked against SymPy's independent differentiation).

Run:  .venv/bin/python proofs/gru_family.py
Exit status is non-zero if a claim misses its expected verdict.
"""

from __future__ import annotations

import sys

from symrnn import article_derivative, check_identity
from symrnn.claims.script import run_group

IDS = ["eq11", "eq12", "eq13", "eq14"]


def main() -> int:
    status = 0
    for cell in ("gru", "mgu", "variant"):
        d = article_derivative(cell)
        print(f"\n{cell}:")
        print(d)
        v = check_identity(d.expand(d.expr), d.direct())
        print(f"  derivation against SymPy's diff of the written-out cell: {v.status}")
        status |= not v.proved
    return run_group(IDS) or int(status)


if __name__ == "__main__":
    sys.exit(main())
