"""Benchmark: ``symrnn verify`` as a cold process — every claim and reading, serial and with
a process pool — and the foundation's claims against the naive approach (plain
``sympy.simplify(lhs − rhs)`` on the same identities), in one run.

Run:  .venv/bin/python benchmarks/bench_verify.py [--budget SECONDS] [--skip-naive]

Prints Markdown for docs/benchmarks.md, with the load average (the machine is shared:
compare the numbers of one run with each other). The naive route runs each claim in its
own process with a time budget; a claim that exceeds it counts as the budget (so the
ratio is a lower bound) and is marked.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time

IDS = ["eq2", "eq3", "eq4a", "eq4b", "eq4c", "eq4d", "eq6", "eq8", "eq9", "eq10a", "eq10b",
       "eq13"]

NAIVE = r'''
import sys, time, sympy
from symrnn import article_derivative, printed, formula4
from symrnn.cells._base import t_sym
from symrnn.claims.unroll import UNROLL_CASES, unrolled
cid = sys.argv[1]
def pairs():
    if cid.startswith("eq4"):
        return [formula4(cid)]
    if cid in ("eq2", "eq3"):
        out = []
        for name, t in UNROLL_CASES:
            u = unrolled(name, t)
            for th in u.cell.param_symbols:
                if cid == "eq2":
                    rhs = u.dh_dprev(t) * u.total(t - 1, th) + u.dh_dtheta(t, th)
                else:
                    rhs = sum(sympy.Mul(*(u.dh_dprev(j) for j in range(k + 1, t + 1)))
                              * u.dh_dtheta(k, th) for k in range(1, t + 1))
                out.append((u.total(t, th), rhs))
        return out
    cell = {"eq6": "rnn", "eq13": "gru"}.get(cid, "lstm")
    d = article_derivative(cell)
    if cid in ("eq6", "eq13"):
        return [(d.direct(), d.expand(printed(cid)))]
    if cid == "eq8":
        return [(d.direct(), d.expand(d.expr))]
    gate = {"eq9": "f", "eq10a": "i", "eq10b": "chat"}[cid]
    coeff = {"eq9": d.wrt, "eq10a": t_sym("chat"), "eq10b": t_sym("i")}[cid]
    lhs = coeff * sympy.diff(d.values()[t_sym(gate)], d.wrt)
    return [(d.expand(lhs), d.expand(printed(cid)))]
ps = pairs()
start = time.perf_counter()
ok = all(sympy.simplify(a - b) == 0 for a, b in ps)
print(time.perf_counter() - start, ok)
'''


def cold_verify(repeats: int, *args: str) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "symrnn", "verify", *args],
                       check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


SPLIT = r'''
import time
t0 = time.process_time()
from symrnn.claims import READINGS
t1 = time.process_time()
for r in READINGS:
    r.run()
print(t1 - t0, time.process_time() - t1, len(READINGS))
'''


def all_readings(repeats: int) -> list[str]:
    """Every claim and reading, cold: wall clock serial and pooled, CPU split."""
    serial = cold_verify(repeats, "--jobs", "1")
    pooled = cold_verify(repeats, "--jobs", "2")
    cpu_import, cpu_checks, n = subprocess.run([sys.executable, "-c", SPLIT], check=True,
                                               capture_output=True, text=True).stdout.split()
    return [
        f"`symrnn verify` (every claim and all {n} readings) as a cold process, best of "
        f"{repeats}: **{serial:.2f} s** with `--jobs 1`, **{pooled:.2f} s** with `--jobs 2` "
        f"(target < 3 s). CPU time in one process: import {float(cpu_import):.2f} s, the "
        f"checks {float(cpu_checks):.2f} s.",
        "",
    ]


def naive(cid: str, budget: float) -> tuple[float, str]:
    try:
        out = subprocess.run([sys.executable, "-c", NAIVE, cid], capture_output=True,
                             text=True, timeout=budget + 30)
    except subprocess.TimeoutExpired:
        return budget, "over budget"
    seconds, ok = out.stdout.split()
    t = float(seconds)
    if t > budget:
        return budget, "over budget"
    return t, "simplified to 0" if ok == "True" else "did not simplify to 0"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=float, default=60.0, help="seconds per naive claim")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--skip-naive", action="store_true", help="only the all-readings timing")
    args = ap.parse_args()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.2f} at the start\n")
    print("\n".join(all_readings(args.repeats)))
    if args.skip_naive:
        return
    ours = cold_verify(args.repeats, "--only", *IDS)
    rows = [(cid, *naive(cid, args.budget)) for cid in IDS]
    total = sum(t for _, t, _ in rows)
    print(f"`symrnn verify --only {' '.join(IDS)}` as a cold process (imports included), "
          f"best of {args.repeats}: **{ours:.2f} s** (target < 3 s).\n")
    print("| claim | naive `simplify(lhs − rhs)` (s) | outcome |")
    print("|---|---|---|")
    for cid, t, note in rows:
        print(f"| {cid} | {t:.2f} | {note} |")
    lower = any(note == "over budget" for _, _, note in rows)
    print(f"\nNaive total: {'≥ ' if lower else ''}{total:.1f} s (budget {args.budget:.0f} s "
          f"per claim, SymPy's work only, imports and expression building excluded). "
          f"Ratio naive / symrnn: {'≥ ' if lower else ''}{total / ours:.1f}.")


if __name__ == "__main__":
    main()
