"""What every proof script does: run a group of claims, print the steps, one verdict line
per claim (``id: status``), and return the exit status (0 only if all are as expected)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .registry import ClaimResult, run_claims

__all__ = ["run_group", "print_result"]


def print_result(r: ClaimResult) -> None:
    """The human-readable account of one checked claim."""
    v = r.verdict
    print(f"\n[{r.claim.id}] {r.claim.en}")
    print(f"  article: {r.claim.zh}")
    if v.statement:
        print(f"  checked: {v.statement}")
    print(f"  method:  {v.method}")
    if v.witness:
        print("  witness: " + ", ".join(f"{k} = {val}" for k, val in v.witness.items()))
    for key in ("printed", "derived", "equal_in_gate_notation", "cases", "terms", "difference"):
        if key in v.evidence:
            value = v.evidence[key]
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            print(f"  {key}: {text}")
    for e in r.claim.errata:
        effect = "changes" if e["changes_mathematics"] else "does not change"
        print(f"  erratum ({e['kind']}): {e['text']}; it {effect} the mathematics")
    print(f"  -> {v.status} (expected {r.claim.expected}) in {r.seconds:.2f} s")


def run_group(ids: Sequence[str]) -> int:
    """Check ``ids``, print each account and then the verdict lines; the exit status."""
    results = run_claims(ids)
    for r in results:
        print_result(r)
    print()
    for r in results:
        print(f"{r.claim.id}: {r.verdict.status}")
    return 0 if all(r.as_expected for r in results) else 1
