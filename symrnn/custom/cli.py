"""``symrnn analyze FILE.toml [--json] [--latex]``: the full analysis of a cell file.

Exit status 0 on success; 2 with one line on stderr for a bad cell file (the line names
the file, line, field, the rule broken and the fix), an input over a limit or a run past
``--timeout``. ``symrnn.cli`` hooks this in through
:func:`add_parser` and :func:`run`.
"""

from __future__ import annotations

import argparse
import json
import sys

from .._errors import SymrnnError

__all__ = ["add_parser", "run"]


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add the ``analyze`` subcommand to ``subparsers``; returns its parser."""
    p = subparsers.add_parser("analyze", help="full analysis of a cell file (TOML)",
                              description="Derive, split, bound and check a cell from a TOML "
                                          "file (see examples/cells/).")
    p.add_argument("file", help="a cell file, e.g. examples/cells/variant.toml")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="print JSON")
    fmt.add_argument("--latex", action="store_true", help="print LaTeX")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``analyze``; the exit status."""
    from .._progress import Activity
    from .._timeout import time_limit
    from .analysis import analyze
    from .report import to_json, to_latex, to_text
    from .toml_format import load_cell

    try:
        with time_limit(getattr(args, "timeout", None), f"analyze {args.file}", "--timeout"), \
                Activity(f"symrnn analyze {args.file}", quiet=getattr(args, "quiet", False)):
            cell = load_cell(args.file)
            result = analyze(cell)
    except SymrnnError as e:
        print(f"symrnn analyze: error: {' '.join(str(e).split())}", file=sys.stderr)
        return 2
    if args.json:
        json.dump(to_json(result), sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.latex:
        print(to_latex(result))
    else:
        print(to_text(result))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point (``python -m symrnn.custom.cli FILE``)."""
    parser = argparse.ArgumentParser(prog="symrnn")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["analyze", *(sys.argv[1:] if argv is None else argv)])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
