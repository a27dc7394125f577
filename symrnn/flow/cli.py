"""The ``symrnn flow`` subcommand: measure gradient flow, print a table, write CSV/JSON/plots.

    symrnn flow [--cells C ...] [--schemes S ...] [--scales A ...] [--T 1000] [--n 32]
                [--seeds 8] [--seed 0] [--probes P] [--out DIR] [--no-plots] [--json]
    symrnn flow --weights FILE [--inputs FILE] [--cell C] [--layer K] [--reverse] ...

Every number printed is a measurement (``empirical``), not a proof. With ``--out DIR`` the
results go to ``DIR/flow.csv`` (one row per run), ``DIR/flow.json`` and, unless
``--no-plots``, the figures as PNG and PDF. ``DIR`` is checked before the measurement and
written atomically (:mod:`symrnn._atomic`): an interrupted run leaves nothing half-written.
With ``--weights`` the model in the file (a ``.npz`` or a PyTorch ``.pt`` state dict) is
measured along the sequences of ``--inputs`` (``(T, m)`` or ``(T, R, m)``, one run per
sequence) or along ``--seeds`` random sequences of length ``--T``; ``--cells``,
``--schemes`` and ``--n`` do not apply.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import sys
from typing import Any

import numpy as np

from .._atomic import AtomicDir
from .._errors import InvalidArgumentError
from ..numeric import CELL_NAMES, HANDWRITTEN, SCHEMES

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``flow`` on an ``argparse`` subparsers object; sets ``run`` as the handler."""
    p = subparsers.add_parser(
        "flow", help="measure gradient flow over long sequences (empirical)",
        description="Measure ||dh_T/dh_k|| at every distance, the per-step decay rate (top "
                    "Lyapunov exponent), half-life and share of exploding runs. Measurement, "
                    "not proof.")
    p.add_argument("--cells", nargs="+", default=list(HANDWRITTEN), metavar="CELL",
                   help=f"cells to measure, from {', '.join(CELL_NAMES)} (default: the "
                        f"article's {', '.join(HANDWRITTEN)})")
    p.add_argument("--schemes", nargs="+", default=["orthogonal"], metavar="SCHEME",
                   help=f"initialisation schemes, from {', '.join(SCHEMES)} (default: orthogonal)")
    p.add_argument("--scales", nargs="+", type=float, default=[1.0], metavar="A",
                   help="factors for every recurrent matrix U_* (default: 1)")
    p.add_argument("--T", type=int, default=1000, help="sequence length (default 1000)")
    p.add_argument("--n", type=int, default=32, help="hidden size (default 32)")
    p.add_argument("--seeds", type=int, default=8, help="runs per configuration (default 8)")
    p.add_argument("--seed", type=int, default=0, help="master seed: same seed, same numbers")
    p.add_argument("--probes", type=int, default=None,
                   help="probe vectors per state block (default min(4, n); n gives exact norms)")
    p.add_argument("--out", metavar="DIR", help="write flow.csv, flow.json and figures here")
    p.add_argument("--no-plots", action="store_true", help="with --out: skip the figures")
    p.add_argument("--json", action="store_true", help="print the JSON result to stdout")
    from ..trained.cli import add_model_arguments

    add_model_arguments(p, required=False)
    p.set_defaults(run=run)
    return p


def _fmt(v: float, spec: str) -> str:
    """A median for the table: ``-inf`` is an exact zero (a gradient that vanished exactly),
    ``inf`` a half-life of a run that does not decay."""
    return f"{v:>{spec.split('.')[0]}}" if not math.isfinite(v) else format(v, spec)


def run(args: argparse.Namespace) -> int:
    """Run the measurement; 0 on success (errors propagate as :class:`SymrnnError`)."""
    from ._experiment import measure_flow

    out = AtomicDir(args.out) if args.out else None  # checks --out before the measurement
    quiet = getattr(args, "quiet", False)
    with out if out is not None else contextlib.nullcontext():
        if args.weights:
            from ..trained._files import load_inputs, load_weights

            cell, params = load_weights(args.weights, args.cell, args.layer, args.reverse)
            result = measure_flow(cell, T=args.T, seeds=args.seeds, seed=args.seed,
                                  scales=args.scales, probes=args.probes, progress=not quiet,
                                  params=params,
                                  inputs=load_inputs(args.inputs) if args.inputs else None)
        elif args.inputs or args.cell or args.layer or args.reverse:
            raise InvalidArgumentError("--inputs, --cell, --layer and --reverse describe a "
                                       "trained model: give its file with --weights FILE")
        else:
            result = measure_flow(args.cells, args.schemes, args.T, args.n, args.seeds,
                                  seed=args.seed, scales=args.scales, probes=args.probes,
                                  progress=not quiet)
        data = result.to_json()
        if out is not None:
            result.to_csv(str(out.tmp / "flow.csv"))
            with open(out.tmp / "flow.json", "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1, ensure_ascii=False)
            if not args.no_plots:
                from ._plots import plot_all

                plot_all(result, str(out.tmp), seed=args.seed)
    if args.json:
        json.dump(data, sys.stdout, indent=1, ensure_ascii=False)
        print()
        return 0
    s = result.settings
    what = f"weights {args.weights}, " if args.weights else ""
    print(f"empirical gradient flow: {what}T={s['T']} n={s['n']} seeds={s['seeds']} "
          f"seed={s['seed']} ({result.seconds:.1f} s) — measurement, not proof")
    print(f"{'cell':<10} {'scheme':<14} {'scale':>5} {'rate/step':>10} {'half-life':>10} "
          f"{'exploded':>9} {'vanished':>9}")
    for g, group in zip(data["groups"], result.groups):
        print(f"{g['cell']:<10} {g['scheme']:<14} {g['scale']:>5g} "
              f"{_fmt(float(np.median(group.rate)), '10.4f')} "
              f"{_fmt(float(np.median(group.half_life)), '10.1f')} {g['share_exploded']:>9.0%} "
              f"{g['share_vanished']:>9.0%}")
    if result.skipped:
        print("skipped (scheme does not apply): "
              + ", ".join(f"{c}/{sch}" for c, sch in result.skipped))
    if args.out:
        print(f"wrote {args.out}/flow.csv, flow.json" + ("" if args.no_plots else " and figures"))
    return 0
