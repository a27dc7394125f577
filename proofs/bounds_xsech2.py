"""Prove the article's |(1 - tanh^2 c) c| < 0.45 for every real c (claim ``xsech2-bound``).

Computes the exact supremum g* = c* - 1/(4c*) (2c* tanh c* = 1) as a certified ball of width
< 1e-15, prints the proof's steps (symmetry, critical-point equation, uniqueness, value,
tail), proves < 0.45 independently by a mean-value branch-and-bound + tail lemma, re-checks
both certificates with the independent checker, and shows that the false bound 0.447 is
refuted by a witness.

Run:  .venv/bin/python proofs/bounds_xsech2.py
Exit status is non-zero if the reading misses its recorded verdict.
"""

from __future__ import annotations

import sys
from fractions import Fraction

from symrnn.claims import run_claims
from symrnn.claims.script import report
from symrnn.bounds.xsech2 import prove_xsech2_bound


def main() -> int:
    results = run_claims(["xsech2-bound/1d"])
    ev = results[0].verdict.evidence
    print("g(c) = (1 - tanh^2 c) c")
    for k, step in enumerate(ev["steps"], 1):
        print(f"  {k}. {step}")
    sup = ev["supremum"]
    print(f"  sup |g| = {sup['enclosure']}  in [{sup['lower']}, {sup['upper']}]")
    print(f"  maximiser c* = +-{sup['maximiser']} (attained: {sup['attained']})")
    bp = ev["bound_proof"]
    print(f"  tail: {bp['tail']['statement']}")
    print(f"        T = {bp['tail']['T']}, |g| <= {bp['tail']['bound_upper']} for |c| >= T")
    print(f"  branch-and-bound: {bp['boxes']} boxes on [0, T], largest upper end "
          f"{bp['max_box_upper']} < 0.45")
    print(f"  checker: supremum certificate {ev['checker']['supremum']['ok']}, "
          f"bound certificate {ev['checker']['bound']['ok']}")
    false = prove_xsech2_bound("0.447")
    print(f"  the false bound 0.447: {false.status} at c = {float(Fraction(false.evidence['witness_c'])):.15f}"
          f", g(c) in {false.evidence['value_enclosure']}")
    return report(results) or int(not false.refuted)


if __name__ == "__main__":
    sys.exit(main())
