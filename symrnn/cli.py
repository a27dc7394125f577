"""The ``symrnn`` command line.

    symrnn --version                          the installed version
    symrnn verify [--json] [--only ID ...]   check the article's claims
    symrnn derive CELL [--latex]             a cell's Jacobian and its term split
    symrnn list                              the catalog's cells and the claim ids
    symrnn analyze FILE.toml [--json|--latex] the full analysis of your own cell
    symrnn flow [--cells ...] [--out DIR]     measured gradient flow (empirical)
    symrnn export coq DIR [--check]           the proofs as a Coq development
    symrnn docs --out DIR [--no-pdf]          the report as LaTeX (and PDF) and Markdown

``verify`` exits 0 when every claim run reached its recorded expected verdict, 1
otherwise; bad usage (an unknown cell or claim id) or an input over a limit (see
docs/guide.md, "Limits", and ``--timeout``) exits 2 with one line on stderr; Ctrl-C exits
130 with one line, leaving no half-written output. Progress goes to stderr on a terminal
(``--quiet`` silences it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ._errors import SymrnnError
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
    terminal (``args.activity``, whose ``step`` names the current work)."""

    def budgeted(args: argparse.Namespace) -> int:
        with time_limit(args.timeout, what, "--timeout"), \
                Activity(f"symrnn {what}", quiet=args.quiet) as activity:
            args.activity = activity
            return run(args)

    return budgeted


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cmd_verify(args: argparse.Namespace) -> int:
    from .claims import get_claim, run_claims

    if args.only:
        for cid in args.only:
            get_claim(cid)  # fail fast, before any work, on an unknown id

    def progress(claim) -> None:
        args.activity.step(f"checking {claim.id}")

    results = run_claims(args.only or None, progress=progress,
                         empirical=args.json and not args.no_empirical)
    coq: dict[str, str] = {}
    if args.coq:
        from .coq.status import coq_status

        args.activity.step("exporting the Coq development and checking it with coqc")
        coq = coq_status(check=True)
    args.activity.close()  # erase the progress line before the results
    if args.json:
        rows = [r.to_json() for r in results]
        for row in rows:
            if row["id"] in coq:
                row["evidence"]["coq"] = coq[row["id"]]
        json.dump({"claims": rows}, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(f"{'id':<28} {'claim':<46} {'method':<14} {'verdict':<8} {'n-D':<8} "
              f"{'seconds':>7}")
        print("-" * 116)
        for r in results:
            nd = r.verdict_nd.status if r.verdict_nd is not None else "-"
            mark = "" if r.as_expected else (
                f"  (expected {r.claim.expected}"
                + (f", n-D {r.claim.expected_nd}" if r.verdict_nd is not None else "") + ")")
            print(f"{r.claim.id:<28} {_short(r.claim.en, 46):<46} {r.claim.method:<14} "
                  f"{r.verdict.status:<8} {nd:<8} {r.seconds:>7.2f}{mark}"
                  + (f"  coq: {coq[r.claim.id]}" if r.claim.id in coq else ""))
        counts = {s: sum(r.verdict.status == s for r in results)
                  for s in ("proved", "refuted", "unknown")}
        pending = [r.claim.id for r in results if r.claim.check is None]
        missed = [r.claim.id for r in results if not r.as_expected]
        missed += [f"{cid} (coq)" for cid, st in coq.items() if st == "failed"]
        print("-" * 116)
        print(f"{len(results)} claims: {counts['proved']} proved, {counts['refuted']} refuted, "
              f"{counts['unknown']} unknown"
              + (f" ({len(pending)} not yet settled: {', '.join(pending)})" if pending else "")
              + f"; total {sum(r.seconds for r in results):.2f} s")
        print("n-D: verdict for n >= 2 (spectral norm unless the statement says otherwise; "
              "see --json for the statements and counterexamples)")
        print("every claim reached its expected verdict" if not missed
              else f"NOT as expected: {', '.join(missed)}")
    coq_ok = all(st != "failed" for st in coq.values())
    return 0 if all(r.as_expected for r in results) and coq_ok else 1


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
    print("claims:")
    for claim in CLAIMS:
        print(f"  {claim.id:<28} {_short(claim.en, 70)}")
    return 0


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="symrnn", description=DESCRIPTION, epilog=EPILOG)
    p.add_argument("--version", action="version", version=f"symrnn {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    v = sub.add_parser("verify", help="check the article's claims")
    v.add_argument("--json", action="store_true", help="print JSON instead of a table")
    v.add_argument("--only", nargs="+", metavar="ID", help="check only these claim ids")
    v.add_argument("--no-empirical", action="store_true",
                   help="with --json, leave out the measured (empirical) evidence")
    v.add_argument("--coq", action="store_true",
                   help="export the Coq development, check it with coqc, and show per claim "
                        "whether a Coq proof was checked (\"coq\" in the JSON evidence)")
    add_run_options(v, DEFAULT_TIMEOUTS["verify"])
    v.set_defaults(run=with_budget("verify", _cmd_verify))
    d = sub.add_parser("derive", help="a cell's Jacobian and its term split")
    d.add_argument("cell", help="a catalog cell name (see `symrnn list`)")
    d.add_argument("--latex", action="store_true", help="print LaTeX")
    d.set_defaults(run=_cmd_derive)
    ls = sub.add_parser("list", help="list cells and claims")
    ls.set_defaults(run=_cmd_list)
    from .coq.cli import add_parser as add_export
    from .custom.cli import add_parser as add_analyze
    from .docs.cli import add_parser as add_docs
    from .flow.cli import add_parser as add_flow

    add_run_options(add_analyze(sub), DEFAULT_TIMEOUTS["analyze"])
    add_run_options(add_flow(sub))
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
