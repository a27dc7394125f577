"""Benchmark of symrnn.bounds against the issue-4 performance targets.

Measures, in one run on this machine:

1. the certified supremum of |(1 - tanh^2 c) c| to width <= 1e-15 (target < 50 ms) by the
   library's route (exact critical-point analysis + interval Newton), and by mean-value
   branch-and-bound alone;
2. plain interval bisection (natural interval extension, no derivative) on the same
   problem: timed to widths 1e-3 ... 1e-6, and run to 1e-15 under a box budget, which it
   does not meet (near a smooth maximum it keeps O(w^-1/2) boxes per level); the ratio to
   the certified route is recorded, with the extrapolated cost at 1e-15;
3. the proof of < 0.45 over all of R (target < 10 ms): mean-value cover + tail lemma, and
   the same with plain bisection, and their ratio;
4. the principal readings of the ten bound claims together (target < 2 s), warm and in a
   fresh process.

Timings are the minimum over repeats (the median is printed too). Run::

    .venv/bin/python benchmarks/bench_bounds.py            # full run, Markdown report
    .venv/bin/python benchmarks/bench_bounds.py --quick    # fewer repeats, a smoke test
"""

from __future__ import annotations

import argparse
import math
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from fractions import Fraction

from symrnn.bounds.xsech2 import prove_xsech2_bound, xsech2_sup_by_bisection, xsech2_supremum

BOUND_CLAIMS = ("xsech2-bound", "tanh-bounded-in-U", "relu-unbounded", "clip-prevents-explosion",
                "four-gates", "secondary-terms-small", "forget-dominant", "gru-less-stable",
                "gru-h-bounded", "lstm-c-unbounded")

FRESH = f"""
import time
t0 = time.perf_counter()
from symrnn.claims import get_claim
CHECKS = {{c: get_claim(c).principal.check for c in {BOUND_CLAIMS!r}}}
t1 = time.perf_counter()
for f in CHECKS.values():
    f()
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def timed(f: Callable[[], object], repeats: int) -> tuple[float, float, object]:
    """(min, median) seconds per call, and the last result."""
    out = f()
    ts = []
    for _ in range(repeats):
        t = time.perf_counter()
        out = f()
        ts.append(time.perf_counter() - t)
    return min(ts), statistics.median(ts), out


def ms(s: float) -> str:
    return f"{s * 1e3:.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    rep = 3 if args.quick else 20
    lines = [f"Machine: {platform.machine()}, Python {platform.python_version()}, "
             f"{platform.platform()}", ""]

    # 1. certified supremum
    t_cold = time.perf_counter()
    xsech2_supremum()
    t_cold = time.perf_counter() - t_cold
    n_min, n_med, sup = timed(xsech2_supremum, rep)
    m_min, m_med, mres = timed(lambda: xsech2_sup_by_bisection(Fraction(1, 10**15)), rep)
    js = sup.to_json()
    width = Fraction(js["upper"]) - Fraction(js["lower"])
    lines += [
        "| certified sup of \\|(1−tanh²c)c\\| | time (min / median) | width | boxes |",
        "|---|---|---|---|",
        f"| critical point + interval Newton (library route) | {ms(n_min)} / {ms(n_med)} "
        f"(first call incl. exact SymPy steps: {ms(t_cold)}) | {float(width):.1e} | — |",
        f"| mean-value branch-and-bound | {ms(m_min)} / {ms(m_med)} | {float(mres.width):.1e} "
        f"| {mres.evaluations} |",
    ]

    # 2. plain bisection
    plain: list[tuple[float, float, int]] = []
    for w in ([1e-3, 1e-4] if args.quick else [1e-3, 1e-4, 1e-5, 1e-6]):
        p_min, _, pres = timed(lambda w=w: xsech2_sup_by_bisection(Fraction(w), form="natural"),
                               1 if args.quick else 3)
        plain.append((w, p_min, pres.evaluations))
        lines.append(f"| plain interval bisection to {w:.0e} | {ms(p_min)} | "
                     f"{float(pres.width):.1e} | {pres.evaluations} |")
    budget = 20_000 if args.quick else 200_000
    t = time.perf_counter()
    capped = xsech2_sup_by_bisection(Fraction(1, 10**15), form="natural", max_boxes=budget)
    t_capped = time.perf_counter() - t
    lines.append(f"| plain interval bisection to 1e-15, {budget} boxes budget | {ms(t_capped)} | "
                 f"{float(capped.width):.1e} (target not reached: {not capped.complete}) | "
                 f"{capped.evaluations} |")
    # boxes ~ C w^-s: fit s on the measured widths, extrapolate to 1e-15
    (w0, t0, e0), (w1, t1, e1) = plain[0], plain[-1]
    s = math.log(e1 / e0) / math.log(w0 / w1)
    est_boxes = e1 * (w1 / 1e-15) ** s
    est_time = t1 / e1 * est_boxes
    lines += [
        "",
        f"Plain bisection's box count grows like w^-{s:.2f} (fit on {w0:.0e}…{w1:.0e}); "
        f"extrapolated to 1e-15: ~{est_boxes:.1e} boxes, ~{est_time:.0f} s.",
        f"Ratio plain / library route at width 1e-15: > {t_capped / n_min:.0f} measured (plain "
        f"stopped at its budget, width {float(capped.width):.0e}), ~{est_time / n_min:.1e} "
        f"extrapolated; against mean-value branch-and-bound alone: > {t_capped / m_min:.0f} "
        f"measured, ~{est_time / m_min:.1e} extrapolated. At the widest common width 1e-3: "
        f"{plain[0][1] / n_min:.1f}× the library route's 1e-15 time.",
        "",
    ]

    # 3. the < 0.45 proof
    p_min, p_med, pv = timed(lambda: prove_xsech2_bound("0.45"), rep)
    q_min, q_med, qv = timed(lambda: prove_xsech2_bound("0.45", form="natural"), rep)
    lines += [
        "| proof of \\|(1−tanh²c)c\\| < 0.45 on ℝ | time (min / median) | boxes (both signs) |",
        "|---|---|---|",
        f"| mean-value cover of [0, 2] + tail lemma | {ms(p_min)} / {ms(p_med)} | "
        f"{pv.evidence['boxes']} |",
        f"| plain bisection cover of [0, 2] + tail lemma | {ms(q_min)} / {ms(q_med)} | "
        f"{qv.evidence['boxes']} |",
        "",
        f"Ratio plain / mean-value for the < 0.45 proof: {q_min / p_min:.2f}.",
        "",
    ]

    # 4. all claims
    from symrnn.claims import get_claim

    CHECKS = {c: get_claim(c).principal.check for c in BOUND_CLAIMS}

    def run_all() -> None:
        for f in CHECKS.values():
            f()

    a_min, a_med, _ = timed(run_all, 3 if args.quick else 5)
    fresh = subprocess.run([sys.executable, "-c", FRESH], capture_output=True, text=True,
                           check=True).stdout.split()
    lines += [
        f"The ten bound claims' principal readings: warm {ms(a_min)} (median {ms(a_med)}); in a fresh process "
        f"{float(fresh[1]) * 1e3:.0f} ms after an import of {float(fresh[0]) * 1e3:.0f} ms.",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
