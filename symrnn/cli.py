"""The ``symrnn`` command line.

    symrnn --version                          the installed version
    symrnn verify [--readings|--json] [--only ID ...]   check every reading of every claim
    symrnn derive CELL [--latex]             a cell's Jacobian and its term split
    symrnn list                              the catalog's cells and the claim ids
    symrnn analyze FILE.toml [--json|--latex] the full analysis of your own cell
    symrnn flow [--cells ...] [--out DIR]     measured gradient flow (empirical)
    symrnn flow --weights FILE [--inputs F]   the same for a trained model
    symrnn check-weights FILE [--inputs F]    the article's bounds on a trained model
    symrnn export coq DIR [--check]           the proofs as a Coq development
    symrnn docs --out DIR [--no-pdf]          the report as LaTeX (and PDF) and Markdown

``verify`` exits 0 when every reading run reached its recorded verdict, 1 otherwise; bad
usage (an unknown cell or claim id) or an input over a limit (see docs/guide.md, "Limits",
and ``--timeout``) exits 2 with one line on stderr; Ctrl-C exits 130 with one line, leaving
no half-written output. Progress goes to stderr on a terminal (``--quiet`` silences it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Sequence

from ._errors import InvalidArgumentError, SymrnnError
from ._interrupt import EXIT_INTERRUPTED
from ._interrupt import MESSAGE as INTERRUPTED
from ._progress import Activity
from ._timeout import time_limit

__all__ = ["main"]

DESCRIPTION = ("symrnn: machine-checked mathematics of gradient flow in recurrent networks "
               "(Su Jianlin, PaperWeekly, 2020-11-30).")
EPILOG = ("exit status: 0 success; 1 a claim or check did not come out as recorded; 2 bad "
          "input, a limit or --timeout exceeded (one line on stderr); 3 (docs) no TeX for the "
          "PDF; 130 interrupted (Ctrl-C). The limits are listed in docs/guide.md.")

#: Default wall-clock budgets (seconds) of the commands with ``--timeout``.
DEFAULT_TIMEOUTS = {"verify": 3600.0, "analyze": 600.0}


def add_run_options(p: argparse.ArgumentParser, timeout: float | None = None) -> None:
    """``--quiet`` (no progress on stderr) and, with a default, ``--timeout SECONDS``."""
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress on stderr (progress is only drawn on a terminal)")
    if timeout is not None:
        p.add_argument("--timeout", type=_seconds, default=timeout, metavar="SECONDS",
                       help=f"give up with exit status 2 after SECONDS of wall-clock time "
                            f"(default {timeout:g})")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (value > 0 and value != float("inf")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds > 0")
    return value


def with_budget(what: str, run):
    """Run the handler ``run(args)`` under ``--timeout`` with an :class:`Activity` line on a
    terminal (``args.activity``, whose ``step`` names the current work; redrawn by ``step``
    only, as ``verify --jobs`` forks worker processes)."""

    def budgeted(args: argparse.Namespace) -> int:
        with time_limit(args.timeout, what, "--timeout"), \
                Activity(f"symrnn {what}", quiet=args.quiet, tick=False) as activity:
            args.activity = activity
            return run(args)

    return budgeted


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _verdicts(r, width: int) -> list[str]:
    """A claim's reading verdicts, principal first, wrapped to ``width`` columns."""
    parts = []
    for rr in r.readings:
        text = f"{rr.verdict.status} ({rr.reading.label})"
        if not rr.as_expected:
            text += f" [expected {rr.reading.expected}]"
        parts.append(text)
    lines, line = [], ""
    for i, part in enumerate(parts):
        piece = part + (" ·" if i < len(parts) - 1 else "")
        if line and len(line) + 1 + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    return lines + [line]


def _summary(results) -> list[str]:
    readings = [rr for r in results for rr in r.readings]
    count = {s: sum(rr.verdict.status == s for rr in readings)
             for s in ("proved", "refuted", "unknown")}
    measured = sum(rr.reading.kind == "measurement" for rr in readings)
    principal = [r.verdict.status for r in results]
    pcount = {s: principal.count(s) for s in ("proved", "refuted", "unknown")}

    def many(k: int, word: str) -> str:
        return f"{k} {word}" + ("" if k == 1 else "s")

    return [f"{many(len(results), 'claim')}, {many(len(readings), 'reading')}: "
            f"{count['proved']} proved, "
            f"{count['refuted']} refuted, {count['unknown']} unknown"
            + (f" ({measured} measured, not provable)" if measured else ""),
            f"principal readings (the claim's status): {pcount['proved']} proved, "
            f"{pcount['refuted']} refuted, {pcount['unknown']} unknown; "
            f"total {sum(r.seconds for r in results):.2f} s"]


def _cmd_verify(args: argparse.Namespace) -> int:
    from .claims import SCHEMA, run_claims
    from .claims.registry import select

    if args.only:
        select(args.only)  # fail fast, before any work, on an unknown claim or reading id

    def progress(reading) -> None:
        args.activity.step(f"checking {reading.id}")

    if args.jobs < 0:
        raise InvalidArgumentError(f"--jobs {args.jobs}: give a number of processes >= 1, "
                                   "or 0 for one per CPU")
    jobs = args.jobs or min(os.cpu_count() or 1, 4)
    results = run_claims(args.only or None, progress=progress,
                         empirical=args.json and not args.no_empirical, jobs=jobs)
    coq: dict[str, str] = {}  # claim id -> status, folded over its readings
    coq_r: dict[str, str] = {}  # reading id -> status
    if args.coq:
        from .coq.status import coq_status

        from .coq.status import fold_claims

        args.activity.step("exporting the Coq development and checking it with coqc")
        coq_r = coq_status(check=True)
        coq = fold_claims(coq_r)
    args.activity.close()  # erase the progress line before the results
    if args.json:
        rows = [r.to_json() for r in results]
        for row in rows:
            if row["id"] in coq:
                row["evidence"]["coq"] = coq[row["id"]]
            for rr in row.get("readings", []):
                if rr["id"] in coq_r:
                    rr["coq"] = coq_r[rr["id"]]
        json.dump({"schema": SCHEMA, "claims": rows}, sys.stdout, indent=2,
                  ensure_ascii=False)
        print()
    elif args.readings:
        for r in results:
            print(f"{r.claim.id}: {_short(r.claim.en, 90)}"
                  + (f"  [coq: {coq[r.claim.id]}]" if r.claim.id in coq else ""))
            for rr in r.readings:
                mark = "" if rr.as_expected else f"  [expected {rr.reading.expected}]"
                print(f"  {rr.verdict.status:<8} {rr.reading.id}"
                      + ("  (principal)" if rr.reading.principal else "") + mark
                      + (f"  [coq: {coq_r[rr.reading.id]}]" if rr.reading.id in coq_r else ""))
                for line in textwrap.wrap(rr.reading.statement, 96):
                    print(f"           {line}")
                print(f"           method: {_short(rr.verdict.method, 88)}")
        print("-" * 108)
        print("\n".join(_summary(results)))
    else:
        print(f"{'claim':<28} {'verdict of each reading (the principal first)':<72} "
              f"{'seconds':>7}")
        print("-" * 108)
        for r in results:
            lines = _verdicts(r, 72)
            tail = f"  coq: {coq[r.claim.id]}" if r.claim.id in coq else ""
            print(f"{r.claim.id:<28} {lines[0]:<72} {r.seconds:>7.2f}{tail}")
            for line in lines[1:]:
                print(f"{'':<28} {line}")
        print("-" * 108)
        print("\n".join(_summary(results)))
        print("labels: n-D = for n >= 2 (spectral norm unless the statement says otherwise); "
              "symrnn verify --readings prints every statement, --json the evidence")
    missed = [rr.reading.id for r in results for rr in r.readings if not rr.as_expected]
    missed += [f"{rid} (coq)" for rid, st in coq_r.items() if st == "failed"]
    if not args.json:
        print("every reading reached its recorded verdict" if not missed
              else f"NOT as expected: {', '.join(missed)}")
    return 0 if not missed else 1


def _cmd_derive(args: argparse.Namespace) -> int:
    from .cells import get_cell
    from .derivation import article_derivative, chains_latex, derive

    cell = get_cell(args.cell)
    jac = derive(cell)
    art = article_derivative(cell)
    if args.latex:
        print("% " + cell.title)
        for (o, i), chains in jac.blocks.items():
            print(rf"\frac{{\partial {o}_t}}{{\partial {i}_{{t-1}}}} = {chains_latex(chains)}")
        print(art.latex())
        return 0
    print(f"{cell.name}: {cell.title}" + (f" ({cell.equation})" if cell.equation else ""))
    for s, e in cell.definitions:
        print(f"  {s} = {e}")
    print("\nOne-step Jacobian, n-D matrix form (diag(·) elementwise, U_* matrices):")
    for (o, i), chains in jac.blocks.items():
        print(f"  d{o}_t/d{i}_(t-1) = " + (" + ".join(map(str, chains)) or "0"))
    from .cells import ARTICLE_CELLS

    whose = "the article analyses" if cell.name in ARTICLE_CELLS else "split into its terms"
    print(f"\nThe derivative {whose}" + (f" ({art.equation})" if art.equation else "")
          + (", with " + ", ".join(f"{k} = {v}" for k, v in art.substitutions.items())
             if art.substitutions else "") + ":")
    print("  " + str(art).replace("\n", "\n  "))
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from .cells import CATALOG
    from .claims import CLAIMS

    print("cells:")
    for c in CATALOG.values():
        print(f"  {c.name:<10} {c.title}" + (f" ({c.equation})" if c.equation else ""))
    print("claims:" if not args.readings else "claims and their readings (principal first):")
    for claim in CLAIMS:
        print(f"  {claim.id:<28} {_short(claim.en, 70)}")
        if args.readings:
            for r in claim.readings:
                print(f"    {r.id:<46} {r.expected:<8} {_short(r.statement, 60)}")
    return 0


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="symrnn", description=DESCRIPTION, epilog=EPILOG)
    p.add_argument("--version", action="version", version=f"symrnn {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("verify", help="check the article's claims")
    v.add_argument("--json", action="store_true", help="print JSON instead of a table")
    v.add_argument("--only", nargs="+", metavar="ID",
                   help="check only these claims (every reading) or readings (claim/reading)")
    v.add_argument("--readings", action="store_true",
                   help="one line per reading, with its statement and method")
    v.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="check readings in N worker processes (default: one per CPU, at most 4;"
                        " 1 runs them in this process)")
    v.add_argument("--no-empirical", action="store_true",
                   help="with --json, leave out the measured (empirical) evidence")
    v.add_argument("--coq", action="store_true",
                   help="export the Coq development, check it with coqc, and show per reading "
                        "whether its Coq theorems checked (\"coq\" in each JSON reading, "
                        "folded per claim in the claim's evidence)")
    add_run_options(v, DEFAULT_TIMEOUTS["verify"])
    v.set_defaults(run=with_budget("verify", _cmd_verify))
    d = sub.add_parser("derive", help="a cell's Jacobian and its term split")
    d.add_argument("cell", help="a catalog cell name (see `symrnn list`)")
    d.add_argument("--latex", action="store_true", help="print LaTeX")
    d.set_defaults(run=_cmd_derive)
    ls = sub.add_parser("list", help="list cells and claims")
    ls.add_argument("--readings", action="store_true",
                    help="also list each claim's readings, their recorded verdicts and statements")
    ls.set_defaults(run=_cmd_list)
    from .coq.cli import add_parser as add_export
    from .custom.cli import add_parser as add_analyze
    from .docs.cli import add_parser as add_docs
    from .flow.cli import add_parser as add_flow
    from .trained.cli import add_parser as add_check_weights

    add_run_options(add_analyze(sub), DEFAULT_TIMEOUTS["analyze"])
    add_run_options(add_flow(sub))
    add_check_weights(sub)
    add_export(sub)
    add_run_options(add_docs(sub))
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        handler = getattr(args, "run", None) or args.func
        return handler(args)
    except SymrnnError as exc:
        print(f"symrnn: error: {' '.join(str(exc).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return EXIT_INTERRUPTED
    except (MemoryError, RecursionError) as exc:  # the limits should prevent these
        print(f"symrnn: error: the input is too large ({type(exc).__name__}); see the limits "
              "in docs/guide.md and make it smaller", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `symrnn verify --json | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
