"""Benchmark of symrnn.ndim against the issue-5 performance targets.

Measures, in one run on this machine:

1. the dimension-free proofs of every cell's matrix forms (target: all cells < 5 s), in a
   fresh process (imports included) and warm with the generic-entry cache cleared;
2. the explicit entrywise check of the LSTM at n = 1, 2, 4, 8, 16 (target: n = 8 < 2 s),
   for ∂c_t/∂c_{t-1} alone and for all five LSTM blocks;
3. the naive SymPy baseline: ``simplify`` of each entry of (derived − matrix form) of the
   LSTM's ∂c_t/∂c_{t-1} in plain SymPy (σ(x) written 1/(1 + e^{-x}), derived by ``diff`` of
   the written-out c_t[k]) — each n in a subprocess with a time budget; the ratio to item 2
   at the largest n the baseline reaches;
4. every n-D claim, the three Pascanu claims and all matrix-form proofs together, as
   ``symrnn verify`` runs them, in a fresh process.

Timings are minima over repeats. Run::

    .venv/bin/python benchmarks/bench_ndim.py             # full run, Markdown report
    .venv/bin/python benchmarks/bench_ndim.py --quick     # small budget, a smoke test
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import time
from collections.abc import Callable

FRESH_PROOFS = """
import time
t0 = time.perf_counter()
from symrnn.ndim import MATRIX_FORM_CHECKS
t1 = time.perf_counter()
assert all(f().proved for f in MATRIX_FORM_CHECKS.values())
print(t1 - t0, time.perf_counter() - t1)
"""

FRESH_ALL = """
import time
t0 = time.perf_counter()
from symrnn.claims import get_claim, get_reading
from symrnn.ndim import CHECKS_ND, MATRIX_FORM_CHECKS, NEW_CLAIMS
t1 = time.perf_counter()
ok = all(f().status == get_reading(k).expected for k, f in CHECKS_ND.items())
ok &= all(r.check().status == r.expected for c in NEW_CLAIMS for r in get_claim(c["id"]).readings)
ok &= all(f().proved for f in MATRIX_FORM_CHECKS.values())
print(t1 - t0, time.perf_counter() - t1, ok)
"""

BASELINE = """
import sys, time, sympy
from symrnn.activations import sigmoid
from symrnn.ndim import matrix_form
from symrnn.ndim.elementwise import ExplicitCell, form_matrix
from symrnn.cells import get_cell
n = int(sys.argv[1])
block = matrix_form("lstm", "article")
t = time.perf_counter()
plain = lambda e: e.replace(sigmoid, lambda x: 1 / (1 + sympy.exp(-x)))
ex = ExplicitCell(get_cell("lstm"), n, dict(block.substitutions))
values = {s: plain(v) for s, v in ex.gate_values().items()}
wrt = [ex.entry(block.wrt, l) for l in range(1, n + 1)]
derived = [[sympy.diff(plain(ex.vec(block.of, k, True)), w) for w in wrt] for k in range(1, n + 1)]
form = [[e.xreplace(values) for e in row] for row in form_matrix(block, n, ex=ex)]
ok = all(sympy.simplify(derived[k][l] - form[k][l]) == 0 for k in range(n) for l in range(n))
print(time.perf_counter() - t, ok)
"""


def timed(f: Callable[[], object], repeats: int) -> float:
    f()
    ts = []
    for _ in range(repeats):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return min(ts)


def fresh(code: str, *args: str, timeout: float = 600) -> list[str] | None:
    try:
        out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                             text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    return out.stdout.split()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small budget: a smoke test")
    ap.add_argument("--budget", type=float, default=200.0,
                    help="seconds allowed to the naive baseline at each n (default 200)")
    args = ap.parse_args()
    repeats = 1 if args.quick else 3
    budget = 8.0 if args.quick else args.budget

    from symrnn.cells import cell_names
    from symrnn.ndim import FORM_KEYS, check_elementwise, dimension_free, matrix_form, prove_cell

    lines = ["## n-dimensional (issue 5)", "",
             f"One run of `benchmarks/bench_ndim.py{' --quick' if args.quick else ''}` on "
             f"{platform.machine()}, Python {platform.python_version()}; minimum of "
             f"{repeats} repeat(s).", ""]

    # 1. dimension-free proofs
    imp, run = (float(x) for x in fresh(FRESH_PROOFS) or ["nan", "nan"])

    def all_cells() -> None:
        dimension_free._entry.cache_clear()
        for c in cell_names():
            prove_cell(c)

    warm = timed(all_cells, repeats)
    lines += ["### Dimension-free proofs (every n), target < 5 s for all cells", "",
              "| measurement | seconds |", "|---|---|",
              f"| fresh process: import | {imp:.3f} |",
              f"| fresh process: all {len(cell_names())} cells, "
              f"{sum(len(FORM_KEYS[c]) for c in cell_names())} blocks | {run:.3f} |",
              f"| warm, generic-entry cache cleared | {warm:.3f} |", ""]

    # 2. explicit entrywise check
    lines += ["### Entrywise check at explicit n (LSTM), target n = 8 < 2 s", "",
              "| n | ∂c_t/∂c_{t-1} (s) | all 5 LSTM blocks (s) |", "|---|---|---|"]
    fast: dict[int, float] = {}
    for n in (1, 2, 4, 8) if args.quick else (1, 2, 3, 4, 8, 16):
        art = timed(lambda n=n: check_elementwise(matrix_form("lstm", "article"), n), repeats)
        blocks = timed(lambda n=n: [check_elementwise(matrix_form("lstm", k), n)
                                    for k in FORM_KEYS["lstm"]], repeats)
        fast[n] = art
        lines.append(f"| {n} | {art:.4f} | {blocks:.4f} |")
    lines.append("")

    # 3. naive baseline
    lines += [f"### Naive SymPy baseline (`simplify` per entry of LSTM ∂c_t/∂c_{{t-1}}), "
              f"budget {budget:.0f} s per n", "", "| n | seconds | all entries 0 | ratio to "
              "entrywise check |", "|---|---|---|---|"]
    reached = None
    for n in (1, 2, 3, 4):
        got = fresh(BASELINE, str(n), timeout=budget)
        if got is None:
            lines.append(f"| {n} | > {budget:.0f} (stopped) | — | — |")
            break
        secs = float(got[0])
        reached = (n, secs)
        ratio = secs / fast[n] if n in fast else float("nan")
        lines.append(f"| {n} | {secs:.2f} | {got[1]} | {ratio:.0f}x |")
    lines.append("")
    if reached:
        n, secs = reached
        lines.append(f"At n = {n}, the largest n the baseline reached within the budget, the "
                     f"entrywise check is {secs / fast[n]:.0f}x faster ({fast[n]:.4f} s vs "
                     f"{secs:.2f} s).")
        lines.append("")

    # 4. everything verify runs
    got = fresh(FRESH_ALL) or ["nan", "nan", "False"]
    lines += ["### All n-D checks as `symrnn verify` runs them (fresh process)", "",
              "| import (s) | CHECKS_ND + Pascanu + MATRIX_FORM_CHECKS (s) | all as expected |",
              "|---|---|---|", f"| {float(got[0]):.3f} | {float(got[1]):.3f} | {got[2]} |", ""]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
