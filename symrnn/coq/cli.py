"""The ``symrnn export coq DIR [--check]`` subcommand.

Writes the Coq development (see :func:`symrnn.coq.export_coq`); with ``--check`` runs
``coqc`` on it (``make -j2``) and exits 1 if any file fails to check.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_parser", "run"]


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``export`` (with the ``coq`` target) on an ``argparse`` subparsers object."""
    p = subparsers.add_parser("export", help="export the proofs to a proof assistant",
                              description="Export symrnn's results as a development a proof "
                                          "assistant checks on its own.")
    targets = p.add_subparsers(dest="target", required=True)
    c = targets.add_parser("coq", help="a Coq development (Coquelicot + Interval)",
                           description="Write one .v file per claim group, _CoqProject, "
                                       "Makefile and README.md to DIR.")
    c.add_argument("dir", metavar="DIR", help="output directory (created if missing)")
    c.add_argument("--check", action="store_true", help="run coqc on the export (make -j2)")
    c.add_argument("--timeout", type=float, default=300.0,
                   help="seconds allowed for the check (default 300)")
    c.add_argument("--assumptions", action="store_true",
                   help="with --check: run Print Assumptions on every theorem (minutes) and "
                        "write DIR/assumptions.json and the README's list")
    c.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Export (and check); 0 on success, 1 if a file failed to check."""
    from ._check import check_coq
    from ._export import export_coq

    export = export_coq(args.dir)
    n = sum(len(g.theorems) for g in export.groups)
    print(f"wrote {len(export.groups) + 1} .v files ({n} theorems) to {args.dir}: "
          f"{len(export.readings)} readings with a theorem, {len(export.not_exported)} without "
          "(see README.md)")
    if not args.check:
        return 0
    result = check_coq(args.dir, timeout=args.timeout)
    for f, status in result.files.items():
        print(f"  {f:<18} {status}" + (f"  {result.errors[f]}" if f in result.errors else ""))
    print(f"coqc: {'all files checked' if result.ok else 'FAILED'} in {result.seconds:.1f} s")
    if result.ok and args.assumptions:
        _record(export)
    return 0 if result.ok else 1


def _record(export) -> None:
    """Print Assumptions on every theorem; DIR/assumptions.json and the README."""
    import dataclasses
    import os
    import subprocess
    import time

    from ._assumptions import write_assumptions
    from ._check import record_assumptions
    from ._export import ASSUMPTIONS_FILE, write_readme

    start = time.perf_counter()
    found = record_assumptions(export.directory)
    version = subprocess.run(["coqc", "--version"], capture_output=True,
                             text=True).stdout.splitlines()[0]
    write_assumptions(os.path.join(export.directory, ASSUMPTIONS_FILE), found, version)
    write_readme(dataclasses.replace(export, assumptions=found))
    print(f"Print Assumptions: {len(found)} theorems in {time.perf_counter() - start:.1f} s "
          f"({ASSUMPTIONS_FILE}, README.md)")
