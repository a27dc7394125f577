"""Benchmark: a new cell of LSTM size analysed from its TOML file (issue 6 target: < 5 s).

Run: ``.venv/bin/python benchmarks/bench_custom.py``. Each measurement runs in a fresh
subprocess (no caches warm): parse + define, derivation, decomposition and bounds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 5.0

_CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from symrnn.custom import analyze, load_cell, run_property_test
t1 = time.perf_counter()
cell = load_cell(sys.argv[1])
t2 = time.perf_counter()
a = analyze(cell)
t3 = time.perf_counter()
p = run_property_test(cell, n=4, m=3, trials=1)
t4 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "load": t2 - t1, "derivation": a.seconds["derivation"],
                  "decomposition_and_bounds": a.seconds["decomposition_and_bounds"],
                  "analysis": t3 - t2, "property_test": t4 - t3, "terms": len(a.terms),
                  "passed": p.passed}))
"""


def measure(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    path = ROOT / "examples" / "cells" / "lstm.toml"
    runs = [measure(path) for _ in range(3)]
    best = min(runs, key=lambda r: r["load"] + r["analysis"])
    total = best["load"] + best["analysis"]
    print(f"cell file: {path.relative_to(ROOT)} ({best['terms']} terms)")
    for k in ("import", "load", "derivation", "decomposition_and_bounds", "analysis",
              "property_test"):
        print(f"  {k:<26} {best[k]:8.3f} s")
    print(f"load + analysis (best of 3 fresh processes): {total:.3f} s; target < {TARGET} s: "
          f"{'met' if total < TARGET else 'NOT met'}")
    return 0 if total < TARGET and best["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
