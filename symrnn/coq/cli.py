"""The ``symrnn export coq DIR [--check]`` subcommand.

Writes the Coq development (see :func:`symrnn.coq.export_coq`); with ``--check`` runs
``coqc`` on it (``make -j2``) and exits 1 if any file fails to check. ``DIR`` is checked
before any work and written atomically (:mod:`symrnn._atomic`): the export (and its check)
is built in a temporary sibling and renamed into place at the end, so an interrupted run
leaves nothing half-written.
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
    c.add_argument("-q", "--quiet", action="store_true",
                   help="no progress on stderr (progress is only drawn on a terminal)")
    c.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Export (and check); 0 on success, 1 if a file failed to check."""
    from .._atomic import AtomicDir
    from .._progress import Activity
    from ._check import check_coq
    from ._export import export_coq

    out = AtomicDir(args.dir, "DIR")
    with out, Activity("symrnn export coq", quiet=getattr(args, "quiet", False)) as activity:
        activity.step("exporting")
        export = export_coq(str(out.tmp))
        result = None
        if args.check:
            activity.step("checking with coqc")
            result = check_coq(str(out.tmp), timeout=args.timeout)
            if result.ok and args.assumptions:
                # inside the temporary directory: the record is part of the whole output
                activity.step("Print Assumptions on every theorem")
                _record(export)
    n = sum(len(g.theorems) for g in export.groups)
    print(f"wrote {len(export.groups) + 1} .v files ({n} theorems) to {args.dir}: "
          f"{len(export.readings)} readings with a theorem, {len(export.not_exported)} without "
          "(see README.md)")
    if result is None:
        return 0
    for f, status in result.files.items():
        print(f"  {f:<18} {status}" + (f"  {result.errors[f]}" if f in result.errors else ""))
    print(f"coqc: {'all files checked' if result.ok else 'FAILED'} in {result.seconds:.1f} s")
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
