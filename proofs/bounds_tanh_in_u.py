"""Prove that eq6's (1 - h_t^2) U is bounded in U for fixed h_{t-1} != 0 (``tanh-bounded-in-U``),
and the relu/clipping claims (``relu-unbounded``, ``clip-prevents-explosion``).

Computes sup_U |(1 - tanh^2(a + U h)) U| = S(|a|)/|h| exactly (S(0) = g* ~ 0.4477) with
certificates re-checked, then the exact relu witnesses and the clipping products.

Run:  .venv/bin/python proofs/bounds_tanh_in_u.py
Exit status is non-zero if a claim misses its expected verdict.
"""

from __future__ import annotations

import sys

from symrnn.bounds.claims import CHECKS, EXPECTED


def main() -> int:
    failed = 0
    v = CHECKS["tanh-bounded-in-U"]()
    for k, step in enumerate(v.evidence["steps"], 1):
        print(f"  {k}. {step}")
    print(f"  a = 0: sup = g*/|h|, g* in {v.evidence['a=0']['sup_times_|h|']}")
    for s in v.evidence["samples"]:
        print(f"  a = {s['a']}, h = {s['h']}: sup = {s['enclosure']} at U = {s['maximiser_U']} "
              f"(certificate re-checked: {s['checker']})")
    print(f"tanh-bounded-in-U: {v.status}")
    failed |= v.status != EXPECTED["tanh-bounded-in-U"]

    v = CHECKS["relu-unbounded"]()
    print(f"  tanh: dh_t/dh_(t-1) = {v.evidence['tanh_derivative']}")
    print(f"  relu: dh_t/dh_(t-1) = {v.evidence['relu_derivative']}")
    print(f"  family: {v.evidence['family']}")
    for w in v.evidence["witnesses"]:
        print(f"    M = {w['M']}: U = {w['U']}, pre-activation {w['preactivation']}, "
              f"derivative {w['dh_t/dh_{t-1}']}")
    print(f"relu-unbounded: {v.status}")
    failed |= v.status != EXPECTED["relu-unbounded"]

    v = CHECKS["clip-prevents-explosion"]()
    print(f"  {v.evidence['per_factor_bound']}")
    w = v.evidence["vanishing_witness"]
    print(f"  vanishing despite clipping: relu, U = {w['U']}, t = {w['t']}: coefficient "
          f"{w['coefficient']}")
    print(f"  n-D caveat: U = {v.evidence['n_dim_caveat']['U']}, U^10 = "
          f"{v.evidence['n_dim_caveat']['U^10']}")
    print(f"clip-prevents-explosion: {v.status}")
    failed |= v.status != EXPECTED["clip-prevents-explosion"]
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
