"""The article's formulas (4): tanh and σ through each other, and their derivatives.

Checks eq4a–eq4d with symrnn's sound identity checker: each is proved by an exact normal
form (tanh and σ rewritten through exp), or refuted with a certified witness.

Run:  .venv/bin/python proofs/formulas.py
Exit status is non-zero if a claim misses its expected verdict.
"""

from __future__ import annotations

import sys

from symrnn.claims import formula4
from symrnn.claims.script import run_group

IDS = ["eq4a", "eq4b", "eq4c", "eq4d"]


def main() -> int:
    for eq in IDS:
        lhs, rhs = formula4(eq)
        print(f"{eq}:  {lhs}  =?  {rhs}")
    return run_group(IDS)


if __name__ == "__main__":
    sys.exit(main())
