"""Every claim of the article with an n-dimensional reading, settled for n >= 2 (spectral
norm unless stated): the precise statement, then the proof's key steps or the exact
counterexample, then one verdict line ``<id>: <status>`` per claim.

Run:  .venv/bin/python proofs/ndim_claims.py
Exit status is non-zero if a claim misses its expected n-D verdict.
"""

from __future__ import annotations

import sys

from symrnn.ndim import CHECKS_ND, EXPECTED_ND

#: evidence keys worth printing for each counterexample family
_SHOW = ("U", "U_f", "h_{t-1}", "c_{t-1}", "o_{t-1}", "J", "term_eq9", "dc_t/dc_{t-1}",
         "product", "J^2", "norm_lower_sq", "norm_term_eq9_lower_sq", "steps")


def _family(instance: dict) -> str:
    return ", ".join(f"{k} = {instance[k]}" for k in _SHOW if k in instance)


def main() -> int:
    failed = 0
    for cid, check in CHECKS_ND.items():
        v = check()
        print(f"  [{cid}] {v.statement}")
        ev = v.evidence
        if "matrix_form" in ev:
            print(f"      form: {ev['matrix_form']}")
        if "all_factors_left_reading" in ev:
            wrong = ev["all_factors_left_reading"]
            w = wrong["witness"] or {}
            print(f"      all-left reading {wrong['form']}: {wrong['status']} "
                  f"(entry {w.get('entry')}, difference {w.get('derived_minus_form')})")
        if "family" in ev:
            print(f"      family: {ev['family']}")
        for inst in ev.get("instances", [])[:2]:
            print(f"      instance: {_family(inst)}; Arb re-check contains exact: "
                  f"{inst['contains_exact']}")
        if "explosion_half" in ev:
            print(f"      counterexample: {_family(ev['explosion_half'])}")
        print(f"{cid}: {v.status}")
        failed |= v.status != EXPECTED_ND[cid]
    return int(failed)


if __name__ == "__main__":
    sys.exit(main())
