"""The classic norm results (Pascanu, Mikolov & Bengio 2013, arXiv:1211.5063 v2):
``pascanu-norm-bound`` and ``pascanu-vanishing-sufficient`` proved; the eigenvalue version
``pascanu-eigenvalue-version`` refuted by an exact tanh-RNN fixed point whose gradient grows.

Run:  .venv/bin/python proofs/ndim_pascanu.py
Exit status is non-zero if a reading misses its recorded verdict.
"""

from __future__ import annotations

import sys

from symrnn.claims import run_claims
from symrnn.claims.script import report
from symrnn.ndim import NEW_CLAIMS


def main() -> int:
    results = run_claims([c["id"] for c in NEW_CLAIMS])
    for r in results:
        ev = r.verdict.evidence
        for act, g in ev.get("gammas", {}).items():
            print(f"      {act}: φ' = {g['derivative']}, γ = {g['gamma']} ({g['bound']})")
        if "counterexample" in ev:
            c = ev["counterexample"]
            print(f"      U = {c['U']}, U^2 = {c['U^2']} (spectral radius {c['spectral_radius_U']})")
            print(f"      b = {c['b']}, fixed point h* = {c['h*']}: {c['fixed_point']}")
            print(f"      J = diag(1 - h*^2) U = {c['J']}; p(lambda) = {c['char_poly']}, "
                  f"p(13/10) = {c['p(13/10)']} < 0")
            print(f"      eigenvalues of J: {c['eigenvalues']}; Arb re-check of J: "
                  f"{c['contains_exact']}")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
