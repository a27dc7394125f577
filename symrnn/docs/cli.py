"""The ``symrnn docs`` subcommand: the report as LaTeX (and PDF) and Markdown.

    symrnn docs --out DIR [--lang en|zh] [--no-pdf] [--markdown PATH] [--no-empirical]
                [--no-figures]

Writes ``DIR/report.tex`` and ``DIR/figures/``; compiles ``DIR/report.pdf`` with
``latexmk -xelatex`` unless ``--no-pdf``. When TeX is missing the ``.tex`` is still written,
what is missing is printed with the Debian packages to install, and the exit status is 3.
``DIR`` and the Markdown path are checked before any work and written atomically
(:mod:`symrnn._atomic`): an interrupted or failed run leaves nothing half-written.
The committed ``docs/report.md`` is ``symrnn docs --out DIR --no-pdf --no-empirical
--no-figures --markdown docs/report.md`` (deterministic: no measurements, no timings).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Any

from .._atomic import AtomicDir, AtomicFile
from .._progress import Activity
from ._words import LANGS

__all__ = ["add_parser", "main", "run"]

EXIT_NO_TEX = 3


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``docs`` on an ``argparse`` subparsers object; sets ``run`` as the handler."""
    p = subparsers.add_parser(
        "docs", help="write the report as LaTeX (compiled to PDF) and Markdown",
        description="Generate the report from the objects symrnn verify uses: each claim's "
                    "words, printed and derived forms, verdicts and evidence; every cell's "
                    "Jacobian; the term bounds; the flow figures.")
    p.add_argument("--out", required=True, metavar="DIR", help="output directory")
    p.add_argument("--lang", choices=LANGS, default="en",
                   help="the report's language: en (default) or zh (Chinese)")
    p.add_argument("--no-pdf", action="store_true", help="write the .tex only")
    p.add_argument("--markdown", metavar="PATH", help="also write the report as Markdown")
    p.add_argument("--no-empirical", action="store_true",
                   help="the reproducible printing: no measured evidence, Coq check, date, "
                        "commit or timings")
    p.add_argument("--no-figures", action="store_true",
                   help="skip the gradient-flow measurement and its figures")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Build the docs; 0 on success, 3 when the PDF was asked for and TeX is missing."""
    from ._build import TexError, build_docs

    out = AtomicDir(args.out)  # checks both paths before any work
    try:
        md = AtomicFile(args.markdown, "--markdown") if args.markdown else None
    except BaseException:
        out.discard()
        raise
    with out, md if md is not None else contextlib.nullcontext(), \
            Activity("symrnn docs", quiet=getattr(args, "quiet", False)):
        failed: TexError | None = None
        try:
            res = build_docs(str(out.tmp), pdf=not args.no_pdf,
                             markdown=str(md.tmp) if md is not None else None,
                             empirical=not args.no_empirical, figures=not args.no_figures,
                             lang=args.lang, link_dir=str(out.final.absolute()))
        except TexError as e:  # the .tex is complete: keep it, to read the TeX log beside it
            failed = TexError(str(e).replace(str(out.tmp), str(out.final)))
    if failed is not None:
        raise failed
    print(f"wrote {out.final_path(res.tex)}"
          + (f" and {len(res.figures)} figures" if res.figures else ""))
    if md is not None:
        print(f"wrote {md.final}")
    if res.pdf:
        print(f"wrote {out.final_path(res.pdf)}")
    if res.missing:
        print(f"symrnn: no PDF: missing {', '.join(res.missing)}. On Debian/Ubuntu install "
              f"them with:\n  {res.hint}", file=sys.stderr)
        return EXIT_NO_TEX
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m symrnn.docs.cli --out DIR …``: the subcommand on its own."""
    parser = argparse.ArgumentParser(prog="symrnn")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(["docs", *(sys.argv[1:] if argv is None else argv)])
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
