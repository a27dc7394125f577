"""The ``symrnn`` command line.

    symrnn verify [--json] [--only ID ...]   check the article's claims
    symrnn derive CELL [--latex]             a cell's Jacobian and its term split
    symrnn list                              the catalog's cells and the claim ids
    symrnn analyze FILE.toml [--json|--latex] the full analysis of your own cell
    symrnn flow [--cells ...] [--out DIR]     measured gradient flow (empirical)
    symrnn flow --weights FILE [--inputs F]   the same for a trained model
    symrnn check-weights FILE [--inputs F]    the article's bounds on a trained model
    symrnn export coq DIR [--check]           the proofs as a Coq development
    symrnn docs --out DIR [--no-pdf]          the report as LaTeX (and PDF) and Markdown

``verify`` exits 0 when every claim run reached its recorded expected verdict, 1
otherwise; bad usage (an unknown cell or claim id) exits 2 with one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ._errors import SymrnnError

__all__ = ["main"]


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _cmd_verify(args: argparse.Namespace) -> int:
    from .claims import get_claim, run_claims

    if args.only:
        for cid in args.only:
            get_claim(cid)  # fail fast, before any work, on an unknown id
    tty = sys.stderr.isatty() and not args.json

    def progress(claim) -> None:
        if tty:
            print(f"\r  checking {claim.id:<28}", end="", file=sys.stderr, flush=True)

    results = run_claims(args.only or None, progress=progress,
                         empirical=args.json and not args.no_empirical)
    coq: dict[str, str] = {}
    if args.coq:
        from .coq.status import coq_status

        coq = coq_status(check=True)
    if tty:
        print("\r" + " " * 40 + "\r", end="", file=sys.stderr, flush=True)
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
    print("\nThe derivative the article analyses" + (f" ({art.equation})" if art.equation else "")
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
    p = argparse.ArgumentParser(prog="symrnn", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify", help="check the article's claims")
    v.add_argument("--json", action="store_true", help="print JSON instead of a table")
    v.add_argument("--only", nargs="+", metavar="ID", help="check only these claim ids")
    v.add_argument("--no-empirical", action="store_true",
                   help="with --json, leave out the measured (empirical) evidence")
    v.add_argument("--coq", action="store_true",
                   help="export the Coq development, check it with coqc, and show per claim "
                        "whether a Coq proof was checked (\"coq\" in the JSON evidence)")
    v.set_defaults(run=_cmd_verify)
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
    from .trained.cli import add_parser as add_check_weights

    add_analyze(sub)
    add_flow(sub)
    add_check_weights(sub)
    add_export(sub)
    add_docs(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        handler = getattr(args, "run", None) or args.func
        return handler(args)
    except SymrnnError as exc:
        print(f"symrnn: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `symrnn verify --json | head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
