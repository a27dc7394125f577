"""Benchmark of the Coq export (issue 9) against Coq's own ``interval`` tactic.

Measures, in one run on this machine:

1. symrnn's own certified proofs (``symrnn.bounds``: mean-value branch-and-bound in Arb
   ball arithmetic) of x(1 - tanh^2 x) < 0.45 and < 0.447744 on [0, 30];
2. Coq's ``interval`` on the same two statements, each a one-lemma file checked by
   ``coqc`` (wall time, with the time of an empty file with the same imports shown), with the
   tactic options the export uses (``i_bisect x, i_taylor x``) and with bisection alone;
3. the wall time of ``coqc`` checking the whole export (``make -j2``; goal < 2 min).

Run::

    .venv/bin/python benchmarks/bench_coq.py            # full run, Markdown report
    .venv/bin/python benchmarks/bench_coq.py --quick    # one repeat, a smoke test
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
    args = ap.parse_args()
    if not coqc_available():
        raise SystemExit("coqc not found: install coq, libcoq-interval, libcoq-coquelicot")
    repeats = 1 if args.quick else 3
    print(f"## Coq (issue 9)\n\nMachine: {platform.machine()}, Python "
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
        times = []
        for _ in range(repeats):
            d = tempfile.mkdtemp(dir=tmp)
            export = export_coq(d)
            result = check_coq(d, timeout=600)
            if not result.ok:
                raise SystemExit(f"the export failed to check: {result.errors}")
            times.append(result.seconds)
        n = sum(len(g.theorems) for g in export.groups)
        print(f"Whole export ({len(result.files)} files, {n} theorems, {len(export.exported)} "
              f"claims): `make -j2` in {min(times):.1f} s (median {statistics.median(times):.1f}"
              " s; goal < 120 s).")


if __name__ == "__main__":
    main()
