"""State-range invariants: ``gru-h-bounded`` (eq11, eq12, and eq14's c_t) and
``lstm-c-unbounded`` (the tight growth |c_t| < |c_0| + t, a family approaching it, and a
fixed-weight LSTM whose c_t diverges).

Run:  .venv/bin/python proofs/bounds_invariants.py
Exit status is non-zero if a claim misses its expected verdict.
"""

from __future__ import annotations

import sys

from symrnn.bounds.claims import CHECKS, EXPECTED


def main() -> int:
    failed = 0
    v = CHECKS["gru-h-bounded"]()
    for name, row in v.evidence["updates"].items():
        print(f"  {name} = {row['update']}: range over {row['box']} is [{row['range'][0]}, "
              f"{row['range'][1]}]")
    print(f"  {v.evidence['induction']}")
    print(f"gru-h-bounded: {v.status}")
    failed |= v.status != EXPECTED["gru-h-bounded"]

    v = CHECKS["lstm-c-unbounded"]()
    ev = v.evidence
    print(f"  c_t = {ev['update']}: one-step range given |c_(t-1)| <= M is "
          f"{ev['one_step_range_given_|c_{t-1}|<=M']}; {ev['growth_bound']}")
    fam = ev["family"]
    print(f"  family W = U = 0, biases {fam['b_f=b_i=b_c']}: c_{fam['t']} = {fam['c_t']} "
          f"(gap to t <= {fam['gap_to_t_upper']})")
    fw = ev["fixed_weight_divergence"]
    print(f"  fixed weights ({fw['weights']}): c_t >= ({fw['rate']}) t, rate >= "
          f"{fw['rate_lower']}; c_50 = {fw['c_50']}")
    print(f"lstm-c-unbounded: {v.status}")
    failed |= v.status != EXPECTED["lstm-c-unbounded"]
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
