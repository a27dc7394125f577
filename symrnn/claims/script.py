"""What every proof script does: run a group of claims or readings, print the steps, one
verdict line per reading (``reading-id: status``), and return the exit status (0 only if
every reading reached its recorded verdict)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .registry import ClaimResult, get_claim, run_claims

__all__ = ["run_group", "print_result", "readings_of", "report"]

_SHOWN = ("printed", "derived", "equal_in_gate_notation", "cases", "terms", "difference",
          "steps", "why")


def print_result(r: ClaimResult) -> None:
    """The human-readable account of one checked claim, reading by reading."""
    print(f"\n[{r.claim.id}] {r.claim.en}")
    if r.claim.zh:
        print(f"  article: {r.claim.zh}")
    for rr in r.readings:
        v = rr.verdict
        print(f"  reading {rr.reading.id}" + (" (principal)" if rr.reading.principal else ""))
        print(f"    statement: {rr.reading.statement}")
        print(f"    method:    {v.method}")
        if v.witness:
            print("    witness:   " + ", ".join(f"{k} = {val}" for k, val in v.witness.items()))
        for key in _SHOWN:
            if key in v.evidence:
                value = v.evidence[key]
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                print(f"    {key}: {text}")
        print(f"    -> {v.status} (expected {rr.reading.expected}) in {rr.seconds:.2f} s")
    for e in r.claim.errata:
        effect = "changes" if e["changes_mathematics"] else "does not change"
        print(f"  erratum ({e['kind']}): {e['text']}; it {effect} the mathematics")


def run_group(ids: Sequence[str]) -> int:
    """Check ``ids`` (claim or reading ids), print each account and then one verdict line
    per reading; the exit status."""
    return report(run_claims(ids))


def readings_of(claim_ids: Sequence[str], nd: bool = False) -> list[str]:
    """The reading ids of these claims: the 1-D ones, or with ``nd=True`` the n-D ones."""
    return [r.id for c in claim_ids for r in get_claim(c).readings
            if r.label.startswith("n-D") == nd]


def report(results: Sequence[ClaimResult]) -> int:
    """Print each account, then one verdict line per reading; the exit status."""
    for r in results:
        print_result(r)
    print()
    for r in results:
        for rr in r.readings:
            print(f"{rr.reading.id}: {rr.verdict.status}")
    return 0 if all(r.as_expected for r in results) else 1
