"""Every claim of the article with an n-dimensional reading, settled for n >= 2 (spectral
norm unless stated): the precise statement, then the proof's key steps or the exact
counterexample, then one verdict line ``<reading id>: <status>`` per reading.

Run:  .venv/bin/python proofs/ndim_claims.py
Exit status is non-zero if a reading misses its recorded verdict.
"""

from __future__ import annotations

import sys

from symrnn.claims import READINGS, run_claims

#: evidence keys worth printing for each counterexample family
_SHOW = ("U", "U_f", "h_{t-1}", "c_{t-1}", "o_{t-1}", "J", "term_eq9", "dc_t/dc_{t-1}",
         "product", "J^2", "norm_lower_sq", "norm_term_eq9_lower_sq", "steps")


def _family(instance: dict) -> str:
    return ", ".join(f"{k} = {instance[k]}" for k in _SHOW if k in instance)


def main() -> int:
    ids = [r.id for r in READINGS if r.label.startswith("n-D")]
    results = [rr for r in run_claims(ids) for rr in r.readings]
    for rr in results:
        v = rr.verdict
        print(f"  [{rr.reading.id}] {rr.reading.statement}")
        print(f"      method: {v.method}")
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
        for name, lem in ev.get("lemmas", {}).items():
            print(f"      lemma {name} ({lem['status']}): {lem['statement']}")
    print()
    for rr in results:
        print(f"{rr.reading.id}: {rr.verdict.status}")
    return 0 if all(rr.as_expected for rr in results) else 1


if __name__ == "__main__":
    sys.exit(main())
