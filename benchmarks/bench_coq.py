"""Benchmark of the Coq export (issues 9, 14): check time, coverage of the readings, and
symrnn's certificates against Coq's own ``interval`` tactic.

Measures, in one run on this machine:

1. symrnn's own certified proofs (``symrnn.bounds``: mean-value branch-and-bound in Arb
   ball arithmetic) of x(1 - tanh^2 x) < 0.45 and < 0.447744 on [0, 30];
2. Coq's ``interval`` on the same two statements, each a one-lemma file checked by
   ``coqc`` (wall time, with the time of an empty file with the same imports shown), with the
   tactic options the export uses (``i_bisect x, i_taylor x``) and with bisection alone;
3. the wall time of ``coqc`` checking the whole export (``make -j2``; goal < 60 s), the
   machine's load while it ran, the CPU seconds per file, and the coverage: mathematical
   readings with a Coq theorem, theorems, files;
4. with ``--assumptions``: the time of ``Print Assumptions`` on every theorem.

Run::

    .venv/bin/python benchmarks/bench_coq.py            # full run, Markdown report
    .venv/bin/python benchmarks/bench_coq.py --quick    # one repeat, a smoke test
    .venv/bin/python benchmarks/bench_coq.py --assumptions  # also time Print Assumptions
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import tempfile
import time
from fractions import Fraction

from symrnn.bounds._branch import prove_upper_bound
from symrnn.bounds.xsech2 import PRECISION, _dg, _g
from symrnn.claims import get_reading, reading_ids
from symrnn.coq import check_coq, coqc_available, export_coq
from symrnn.verify.arb import working_precision

BOUNDS = ("0.45", "0.447744")
HI = 30
TACTICS = {"bisect+taylor": "interval with (i_bisect x, i_taylor x)",
           "bisect": "interval with (i_bisect x)"}
HEADER = "From Coq Require Import Reals.\nFrom Interval Require Import Tactic.\nOpen Scope R_scope.\n"


def symrnn_proof(bound: str) -> tuple[float, int]:
    """Seconds and boxes for symrnn's certified proof of g < bound on [0, HI]."""
    start = time.perf_counter()
    with working_precision(PRECISION):
        cover = prove_upper_bound(_g, Fraction(0), Fraction(HI), Fraction(bound), df=_dg)
    seconds = time.perf_counter() - start
    if cover is None:
        raise SystemExit(f"symrnn could not prove the bound {bound} on [0, {HI}]")
    return seconds, len(cover.boxes)


def coqc_seconds(source: str, directory: str, name: str) -> float | None:
    """coqc's wall time on ``source``; None when the proof fails to check."""
    path = os.path.join(directory, f"{name}.v")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(source)
    start = time.perf_counter()
    proc = subprocess.run(["coqc", path], cwd=directory, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    return seconds if proc.returncode == 0 else None


def coq_proof(bound: str, tactic: str, directory: str) -> str:
    return (HEADER + f"Lemma b (x : R) : 0 <= x <= {HI} -> "
            f"x * (1 - ((exp x - exp (- x)) / (exp x + exp (- x))) ^ 2) <= {bound}.\n"
            f"Proof. intros. {tactic}. Qed.\n")


def _coq_cell(runs: list[float | None]) -> str:
    if any(r is None for r in runs):
        return "fails (\"Numerical evaluation failed to conclude\")"
    return f"{min(r for r in runs if r is not None):.2f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="one repeat (smoke test)")
    ap.add_argument("--assumptions", action="store_true",
                    help="also time Print Assumptions on every theorem")
    args = ap.parse_args()
    if not coqc_available():
        raise SystemExit("coqc not found: install coq, libcoq-interval, libcoq-coquelicot")
    repeats = 1 if args.quick else 3
    print(f"## Coq (issues 9, 14)\n\nMachine: {platform.machine()}, Python "
          f"{platform.python_version()}, `{subprocess.run(['coqc', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}`; "
          f"minimum over {repeats} repeat(s).\n")
    print(f"x(1 - tanh^2 x) <= B on [0, {HI}]:\n")
    print("| B | symrnn (Arb, mean-value B&B) | boxes | Coq `interval` (bisect+taylor) | "
          "Coq `interval` (bisect) |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        empty = min(coqc_seconds(HEADER, tmp, "empty") or 0.0 for _ in range(repeats))
        for bound in BOUNDS:
            ours = [symrnn_proof(bound) for _ in range(repeats)]
            coq = {k: [coqc_seconds(coq_proof(bound, t, tmp), tmp, f"b{k[:3]}")
                       for _ in range(repeats)] for k, t in TACTICS.items()}
            best = min(s for s, _ in ours)
            print(f"| {bound} | {best * 1e3:.1f} ms | {ours[0][1]} | "
                  + " | ".join(_coq_cell(coq[k]) for k in TACTICS)
                  + " |")
        print(f"\ncoqc on an empty file with the same imports (Reals + Interval): {empty:.2f} s, "
              "included in the Coq times above.\n")
        times, loads = [], []
        for _ in range(repeats):
            d = tempfile.mkdtemp(dir=tmp)
            export = export_coq(d)
            before = os.getloadavg()[0]
            result = check_coq(d, timeout=900)
            loads.append((before, os.getloadavg()[0]))
            if not result.ok:
                raise SystemExit(f"the export failed to check: {result.errors}")
            times.append(result.seconds)
        n = sum(len(g.theorems) for g in export.groups)
        math = [r for r in reading_ids() if get_reading(r).kind == "mathematics"]
        covered = [r for r in math if r in export.readings]
        print(f"Whole export ({len(result.files)} files, {n} theorems): `make -j2` in "
              f"{min(times):.1f} s (median {statistics.median(times):.1f} s; goal < 60 s); "
              f"load average before/after the fastest run: {loads[times.index(min(times))][0]:.1f}/"
              f"{loads[times.index(min(times))][1]:.1f} on {os.cpu_count()} cores.\n")
        print(f"Coverage: {len(covered)} of {len(math)} mathematical readings have a Coq theorem "
              f"({len(export.readings)} readings in all); without one: "
              + ", ".join(f"`{r}`" for r in math if r not in covered) + ".\n")
        print("CPU seconds per file (`coqc` alone, sequential, dependencies built):\n")
        print("| file | theorems | CPU s |\n|---|---|---|")
        cpu = _cpu_per_file(d, ["Defs"] + [g.stem for g in export.groups])
        counts = {g.stem: len(g.theorems) for g in export.groups}
        for stem, sec in cpu.items():
            print(f"| {stem}.v | {counts.get(stem, '-')} | {sec:.2f} |")
        print(f"| total | {n} | {sum(cpu.values()):.2f} |")
        if args.assumptions:
            from symrnn.coq import record_assumptions

            start = time.perf_counter()
            found = record_assumptions(d)
            print(f"\nPrint Assumptions on all {len(found)} theorems and lemmas (2 coqc processes): "
                  f"{time.perf_counter() - start:.0f} s.")


def _cpu_per_file(directory: str, stems: list[str]) -> dict[str, float]:
    """User+system CPU seconds of ``coqc`` on each file, in dependency order."""
    out = {}
    for stem in stems:
        before = os.times()
        subprocess.run(["coqc", "-R", ".", "Symrnn", f"{stem}.v"], cwd=directory,
                       capture_output=True, check=True)
        after = os.times()
        out[stem] = (after.children_user - before.children_user
                     + after.children_system - before.children_system)
    return out


if __name__ == "__main__":
    main()
