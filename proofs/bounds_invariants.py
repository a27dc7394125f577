"""State-range invariants: ``gru-h-bounded`` (eq11, eq12, and eq14's c_t) and
``lstm-c-unbounded`` (the tight growth |c_t| < |c_0| + t, a fixed-weight LSTM whose c_t
diverges on growing input, and boundedness on bounded input), every 1-D reading.

Run:  .venv/bin/python proofs/bounds_invariants.py
Exit status is non-zero if a reading misses its recorded verdict.
"""

from __future__ import annotations

import sys

from symrnn.claims import run_claims
from symrnn.claims.script import readings_of, report


def main() -> int:
    results = run_claims(readings_of(["gru-h-bounded", "lstm-c-unbounded"]))
    gru = results[0].verdict.evidence
    for name, row in gru["updates"].items():
        print(f"  {name} = {row['update']}: range over {row['box']} is [{row['range'][0]}, "
              f"{row['range'][1]}]")
    print(f"  {gru['induction']}")
    growth = results[1].readings[0].verdict.evidence
    print(f"  c_t = {growth['update']}: one-step range given |c_(t-1)| <= M is "
          f"{growth['one_step_range_given_|c_{t-1}|<=M']}; {growth['growth_bound']}")
    print(f"  tight: {growth['family_closed_form']}")
    div = results[1].readings[1].verdict.evidence
    print(f"  divergence: {div['weights']}, {div['inputs']}: {div['update']}, {div['bound']}")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
