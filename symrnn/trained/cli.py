"""The ``symrnn check-weights`` subcommand: the article's bounds on a trained model's matrices.

    symrnn check-weights FILE [--inputs FILE] [--cell CELL] [--layer K] [--reverse]
                         [--T 200] [--sequences 4] [--seed 0] [--json]

``FILE`` is a ``.npz`` (symrnn.save_params) or a PyTorch ``.pt``/``.pth`` state dict. Prints,
for each reading that applies to the cell, its bound on the model's matrices (certified for
this hidden size, or the 1-D reading shown for comparison) beside the largest value measured
along the inputs. Exits 0, or 1 if a certified bound was exceeded (a bug in symrnn); bad
input exits 2 with one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

__all__ = ["add_parser", "add_model_arguments", "run"]


def add_model_arguments(p: argparse.ArgumentParser, required: bool = True) -> None:
    """The options that read a model and its inputs (shared with ``symrnn flow``)."""
    if required:
        p.add_argument("weights", metavar="FILE",
                       help="weights: .npz (symrnn.save_params) or PyTorch .pt/.pth state dict")
    else:
        p.add_argument("--weights", metavar="FILE",
                       help="measure this trained model (.npz or PyTorch .pt/.pth) instead of "
                            "random weights")
    p.add_argument("--inputs", metavar="FILE",
                   help="input sequences (.npy/.npz), shape (T, m) or (T, R, m), time first "
                        "(default: random N(0, 1) inputs of the model's size)")
    p.add_argument("--cell", help="the cell, where the file cannot say (a plain RNN's state "
                                  "dict: rnn or relu_rnn)")
    p.add_argument("--layer", type=int, default=0, help="layer of a stacked PyTorch network")
    p.add_argument("--reverse", action="store_true",
                   help="the backward direction of a bidirectional PyTorch layer")


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``check-weights``; sets ``run`` as the handler."""
    p = subparsers.add_parser(
        "check-weights", help="the article's bounds on a trained model's matrices",
        description="Evaluate the certified one-step bounds that apply to the model's cell on "
                    "its own matrices (spectral norms, rigorous enclosures), beside the "
                    "per-step Jacobian norms measured along the inputs.")
    add_model_arguments(p)
    p.add_argument("--T", type=int, default=200, help="random inputs: steps (default 200)")
    p.add_argument("--sequences", type=int, default=4,
                   help="random inputs: sequences (default 4)")
    p.add_argument("--seed", type=int, default=0, help="random inputs: seed")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from ._bounds import check_weights
    from ._files import load_inputs, load_weights

    model = load_weights(args.weights, args.cell, args.layer, args.reverse)
    inputs = load_inputs(args.inputs) if args.inputs else None
    report = check_weights(model, inputs=inputs, T=args.T, sequences=args.sequences,
                           seed=args.seed)
    if args.json:
        json.dump(report.to_json(), sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print(report)
        if report.violations:
            print("CERTIFIED BOUND EXCEEDED (a bug in symrnn): "
                  + ", ".join(c.name for c in report.violations))
    return 1 if report.violations else 0


def main(argv: list[str] | None = None) -> int:
    from .._errors import SymrnnError

    parser = argparse.ArgumentParser(prog="symrnn check-weights")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parser(sub)
    args = parser.parse_args(["check-weights", *(argv if argv is not None else sys.argv[1:])])
    try:
        return int(args.run(args))
    except SymrnnError as exc:
        print(f"symrnn: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
