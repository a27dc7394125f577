"""Benchmark of symrnn.flow against the issue-7 target, and the measured rates it produces.

Target: :func:`symrnn.flow.measure_flow` for every cell at T = 10,000, n = 64, 16 seeds
(scheme ``orthogonal``, scale 1) in under 60 s wall-clock on this 2-core machine, with peak
memory under 2 GiB. Reported, in one run:

1. wall-clock and CPU seconds of the single ``measure_flow`` call covering all cells;
2. the process's peak resident memory (``resource.getrusage``: everything, interpreter and
   libraries included) and, in a second call for the LSTM alone (the largest state), the peak
   of Python/numpy allocations traced by ``tracemalloc``;
3. the table of measured per-step rates, half-lives and exploding shares (empirical).

BLAS keeps its default threads (the target is wall-clock on the machine). Run::

    .venv/bin/python benchmarks/bench_flow.py            # full sizes, Markdown report
    .venv/bin/python benchmarks/bench_flow.py --quick    # tiny sizes, a smoke test
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import time
import tracemalloc

from symrnn.flow import measure_flow
from symrnn.numeric import HANDWRITTEN

GIB = 1024**3


def _f(v: float | None, spec: str) -> str:
    """A summary number; ``None`` is a non-finite value (``-inf``: an exact zero product)."""
    return "-inf" if v is None else format(v, spec)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="tiny sizes (smoke test)")
    args = ap.parse_args()
    T, n, seeds = (200, 8, 2) if args.quick else (10_000, 64, 16)

    wall, cpu = time.perf_counter(), time.process_time()
    result = measure_flow(HANDWRITTEN, ["orthogonal"], T=T, n=n, seeds=seeds, seed=0)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux

    tracemalloc.start()
    measure_flow(["lstm"], ["orthogonal"], T=T, n=n, seeds=seeds, seed=0)
    traced = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    print("## Gradient flow (issue 7)")
    print()
    print(f"Measured in one run of `.venv/bin/python benchmarks/bench_flow.py"
          f"{' --quick' if args.quick else ''}`. Target: all cells at T = 10,000, n = 64, 16 "
          "seeds in < 60 s wall-clock, peak memory < 2 GiB.")
    print()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, {platform.platform()}")
    print()
    print("| measure_flow, all 7 cells, scheme orthogonal, scale 1 | value |")
    print("|---|---|")
    print(f"| T, n = m, seeds, probes | {T}, {n}, {seeds}, {result.settings['probes']} |")
    print(f"| wall-clock | {wall:.1f} s (target < 60 s: {'met' if wall < 60 else 'NOT met'}) |")
    print(f"| CPU time | {cpu:.1f} s |")
    print(f"| peak resident memory of the process | {rss / GIB:.3f} GiB "
          f"(target < 2 GiB: {'met' if rss < 2 * GIB else 'NOT met'}) |")
    print(f"| peak traced allocations, lstm alone | {traced / 2**20:.1f} MiB |")
    print()
    print("Measured (empirical, not proof): per-step rate = top Lyapunov exponent of the "
          "Jacobian product; half-life = ln 2 / -rate; exploded = norm at distance T > 1e3.")
    print()
    print("| cell | rate/step median [min, max] | half-life (steps) | exploded | vanished |")
    print("|---|---|---|---|---|")
    for g in result.groups:
        s = g.summary()
        print(f"| {g.cell} | {_f(s['rate_median'], '.4f')} [{_f(s['rate_min'], '.4f')}, "
              f"{_f(s['rate_max'], '.4f')}] | {_f(s['half_life_median'], '.2f')} | {s['share_exploded']:.0%} "
              f"| {s['share_vanished']:.0%} |")


if __name__ == "__main__":
    main()
