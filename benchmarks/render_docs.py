"""Render pages of the report to PNG, so a person can look at them.

Builds the report (``symrnn docs``, English or Chinese) unless given a PDF, then renders
the chosen pages with ``pdftoppm -r 60`` (60 dpi: a page is about 500 × 700 pixels, enough
to see layout, overfull lines, figure labels and tables at a glance).

Run::

    .venv/bin/python benchmarks/render_docs.py --out build/pages             # build, then pages
    .venv/bin/python benchmarks/render_docs.py --out build/pages --lang zh --pages 1-6
    .venv/bin/python benchmarks/render_docs.py --pdf build/docs/report.pdf --out build/pages
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile


def render_pages(pdf: str, out_dir: str, pages: tuple[int, ...] = (), dpi: int = 60) -> list[str]:
    """PNG files of ``pages`` of ``pdf`` (all pages when empty) in ``out_dir``."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm not found: install poppler-utils")
    os.makedirs(out_dir, exist_ok=True)
    stem = os.path.join(out_dir, os.path.splitext(os.path.basename(pdf))[0])
    wanted = pages or (0,)
    out: list[str] = []
    for page in wanted:
        args = ["pdftoppm", "-r", str(dpi), "-png"]
        if page:
            args += ["-f", str(page), "-l", str(page)]
        subprocess.run([*args, pdf, stem], check=True, capture_output=True)
    for path in sorted(glob.glob(stem + "-*.png")):
        number = int(path.rsplit("-", 1)[1][:-4])
        if not pages or number in pages:
            out.append(path)
    return out


def _pages(spec: str) -> tuple[int, ...]:
    out: list[int] = []
    for part in spec.split(","):
        if "-" in part:
            a, b = part.split("-")
            out += range(int(a), int(b) + 1)
        elif part:
            out.append(int(part))
    return tuple(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="directory for the PNG files")
    ap.add_argument("--pdf", help="an existing report.pdf (default: build one)")
    ap.add_argument("--lang", default="en", choices=("en", "zh"))
    ap.add_argument("--pages", default="", help="e.g. 1-4,12 (default: every page)")
    args = ap.parse_args()
    pdf = args.pdf
    if pdf is None:
        from symrnn.docs import build_docs

        build = tempfile.mkdtemp(prefix="symrnn-pages-")
        res = build_docs(build, lang=args.lang)
        if res.pdf is None:
            sys.exit(f"no PDF: missing {', '.join(res.missing)}; {res.hint}")
        pdf = res.pdf
    for path in render_pages(pdf, args.out, _pages(args.pages)):
        print(path)


if __name__ == "__main__":
    main()
