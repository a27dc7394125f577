"""Benchmark of ``symrnn docs`` against the issue-8 targets, in both languages (issue 13).

Targets: ``symrnn docs`` without compiling (the .tex, the Markdown and the flow figures)
under 10 s; with the PDF compile (``latexmk -xelatex`` from a clean directory) under 60 s.
Each is one fresh process running the subcommand, as a user runs it (interpreter start and
imports included). A dated build also runs the Coq check beside the claims when Coq is
installed. Reported, in one run:

1. wall-clock of ``symrnn docs --out DIR --no-pdf --markdown DIR/report.md``;
2. wall-clock of ``symrnn docs --out DIR2`` (figures, claims, Coq, .tex and PDF), and of
   the compile alone (``latexmk`` on the written .tex in a fresh copy);
3. wall-clock of ``symrnn docs --lang zh --out DIR3`` (the Chinese edition, with its PDF);
4. the size of what was written: pages of each PDF, .tex and Markdown bytes, figures.

``benchmarks/render_docs.py`` renders pages of a built PDF to PNG for a person to look at.

Run::

    .venv/bin/python benchmarks/bench_docs.py            # Markdown section for docs/benchmarks.md
    .venv/bin/python benchmarks/bench_docs.py --quick    # no figures, no PDF: a smoke test
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time


def _run(args: list[str]) -> float:
    """Seconds of one fresh ``python -m symrnn.docs.cli`` process (it must succeed)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "symrnn.docs.cli", *args], check=True,
                   capture_output=True, text=True)
    return time.perf_counter() - start


def _pages(pdf: str) -> str:
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    return next((ln.split()[-1] for ln in info.splitlines() if ln.startswith("Pages:")), "?")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="no figures, no PDF (smoke test)")
    args = ap.parse_args()
    from symrnn.docs import missing_tex

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        tex_dir, pdf_dir = os.path.join(tmp, "tex"), os.path.join(tmp, "pdf")
        md = os.path.join(tex_dir, "report.md")
        extra = ["--no-figures"] if args.quick else []
        no_pdf = _run(["--out", tex_dir, "--no-pdf", "--markdown", md, *extra])
        tex_bytes = os.path.getsize(os.path.join(tex_dir, "report.tex"))
        md_bytes = os.path.getsize(md)
        figures = len([f for f in os.listdir(os.path.join(tex_dir, "figures"))
                       if f.endswith(".pdf")]) if not args.quick else 0
        missing = missing_tex()
        with_pdf = compile_only = zh_pdf = None
        pages = zh_pages = "-"
        if not args.quick and not missing:
            with_pdf = _run(["--out", pdf_dir])
            pages = _pages(os.path.join(pdf_dir, "report.pdf"))
            zh_dir = os.path.join(tmp, "zh")
            zh_pdf = _run(["--out", zh_dir, "--lang", "zh"])
            zh_pages = _pages(os.path.join(zh_dir, "report.pdf"))
            again = os.path.join(tmp, "again")
            os.makedirs(again)
            shutil.copy(os.path.join(tex_dir, "report.tex"), again)
            shutil.copytree(os.path.join(tex_dir, "figures"), os.path.join(again, "figures"))
            start = time.perf_counter()
            subprocess.run(["latexmk", "-xelatex", "-interaction=nonstopmode",
                            "-halt-on-error", "report.tex"], cwd=again, check=True,
                           capture_output=True)
            compile_only = time.perf_counter() - start

    def verdict(sec: float | None, target: float) -> str:
        if sec is None:
            return "not run" + (f" (TeX missing: {', '.join(missing)})" if missing else "")
        return f"{sec:.1f} s (target < {target:g} s: {'met' if sec < target else 'NOT met'})"

    print("## Docs (issues 8, 13)")
    print()
    print(f"Measured in one run of `.venv/bin/python benchmarks/bench_docs.py"
          f"{' --quick' if args.quick else ''}`, each command a fresh process "
          "(`python -m symrnn.docs.cli`, the handler `symrnn docs` runs). Targets: without "
          "compiling < 10 s; with the PDF compile < 60 s.")
    print()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
          f"{platform.python_version()}, {platform.platform()}; load average before the "
          f"run {load[0]:.2f} (the figures are drawn in a second process beside the claims, "
          "so a busy machine slows the first step most)")
    print()
    print("| step | value |")
    print("|---|---|")
    print(f"| `symrnn docs --no-pdf --markdown` (claims, figures, .tex, .md) | "
          f"{verdict(no_pdf, 10)} |")
    print(f"| `symrnn docs` (the same and the PDF, clean directory) | {verdict(with_pdf, 60)} |")
    print(f"| `latexmk -xelatex` alone, clean directory | "
          f"{'not run' if compile_only is None else f'{compile_only:.1f} s'} |")
    print(f"| `symrnn docs --lang zh` (the Chinese edition and its PDF) | "
          f"{verdict(zh_pdf, 60)} |")
    print(f"| PDF pages (English, Chinese) | {pages}, {zh_pages} |")
    print(f"| report.tex, report.md | {tex_bytes / 1024:.0f} KiB, {md_bytes / 1024:.0f} KiB |")
    print(f"| figures (PDF + PNG each) | {figures} |")


if __name__ == "__main__":
    main()
