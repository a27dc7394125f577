"""Section 3's bound claims in 1-D: ``tanh-bounded-in-U``, ``relu-unbounded`` and
``clip-prevents-explosion``, every reading (the n-D ones are in ndim_claims.py).

Computes sup_U |(1 - tanh^2(a + U h)) U| = S(|a|)/|h| exactly (S(0) = g* ~ 0.4477) with
certificates re-checked, refutes the readings "uniform in a" and "below 1" with witnesses,
then the exact relu witnesses and what clipping U into [-1, 1] does and does not buy.

Run:  .venv/bin/python proofs/bounds_tanh_in_u.py
Exit status is non-zero if a reading misses its recorded verdict.
"""

from __future__ import annotations

import sys

from symrnn.claims import run_claims
from symrnn.claims.script import readings_of, report

IDS = ["tanh-bounded-in-U", "relu-unbounded", "clip-prevents-explosion"]


def main() -> int:
    results = run_claims(readings_of(IDS))
    tanh = results[0].verdict.evidence
    for k, step in enumerate(tanh["steps"], 1):
        print(f"  {k}. {step}")
    print(f"  a = 0: sup = g*/|h|, g* in {tanh['a=0']['sup_times_|h|']}")
    for s in tanh["samples"]:
        print(f"  a = {s['a']}, h = {s['h']}: sup = {s['enclosure']} at U = {s['maximiser_U']} "
              f"(certificate re-checked: {s['checker']})")
    relu = results[1].verdict.evidence
    print(f"  relu: dh_t/dh_(t-1) = {relu['relu_derivative']}; family: {relu['family']}")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
