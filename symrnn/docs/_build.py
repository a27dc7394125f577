"""Write the report (``DIR/report.tex``, figures, optionally Markdown) and compile the PDF.

The ``.tex`` is always written. The PDF is compiled with ``latexmk -xelatex`` when TeX is
installed; when it is not, :func:`missing_tex` says what is missing and
:data:`DEBIAN_PACKAGES` which Debian packages provide it (the one place they are listed;
``.ci/apt-packages.txt`` must contain them, a test checks it).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from .._errors import SymrnnError
from .._interrupt import workers_ignore_interrupts
from ._content import FIGURES, build_report
from ._latex import to_latex
from ._markdown import to_markdown
from ._model import Report

__all__ = ["DEBIAN_PACKAGES", "FLOW_SETTINGS", "BuildResult", "TexError", "build_docs",
           "compile_pdf", "install_hint", "missing_tex", "make_report"]

#: Debian packages that compile the document: XeLaTeX, latexmk and the fonts.
DEBIAN_PACKAGES: tuple[str, ...] = (
    "latexmk", "texlive-xetex", "texlive-latex-recommended", "texlive-latex-extra",
    "texlive-fonts-recommended", "lmodern", "fonts-noto-cjk", "fonts-dejavu-core",
)

#: The small measurement behind the flow figures (a few seconds; ``symrnn flow`` for more).
FLOW_SETTINGS: dict = {"T": 300, "n": 16, "seeds": 4, "seed": 0, "scales": (0.5, 1.0, 2.0, 4.0)}

_FONTS = ("DejaVu Serif", "DejaVu Sans", "DejaVu Sans Mono", "Noto Serif CJK SC")


class TexError(SymrnnError):
    """The document did not compile (the message quotes the log's errors)."""


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build_docs` wrote: paths (``pdf`` None when not compiled) and, when TeX
    is missing, ``missing`` (what) and ``hint`` (how to install it)."""

    tex: str
    pdf: str | None
    markdown: str | None
    figures: tuple[str, ...]
    missing: tuple[str, ...] = ()
    hint: str = ""


def install_hint() -> str:
    """The command that installs TeX for the document on Debian/Ubuntu."""
    return ("sudo apt-get install --no-install-recommends " + " ".join(DEBIAN_PACKAGES))


def missing_tex() -> tuple[str, ...]:
    """What the PDF compile needs and this machine lacks (empty when all is there)."""
    missing = [exe for exe in ("latexmk", "xelatex") if shutil.which(exe) is None]
    if missing:
        return tuple(missing)
    if shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":", "family"], capture_output=True,
                               text=True).stdout
        missing += [f"font {f!r}" for f in _FONTS if f not in fonts]
    return tuple(missing)


def _figures(out_dir: str) -> tuple[tuple[str, ...], dict]:
    from ..flow import measure_flow
    from ..flow._plots import plot_all

    s = FLOW_SETTINGS
    result = measure_flow(T=s["T"], n=s["n"], seeds=s["seeds"], seed=s["seed"],
                          scales=s["scales"])
    fig_dir = os.path.join(out_dir, "figures")
    plot_all(result, fig_dir, seed=s["seed"])
    stems = tuple(stem for stem, _ in FIGURES
                  if os.path.exists(os.path.join(fig_dir, f"{stem}.pdf")))
    return stems, result.settings


def make_report(*, empirical: bool = True, figures: Sequence[str] = (),
                flow_settings: dict | None = None) -> Report:
    """Run every claim (as ``symrnn verify`` does) and build the report from the results."""
    from ..claims import run_claims

    results = run_claims(empirical=empirical)
    return build_report(results, empirical=empirical, figures=figures,
                        flow_settings=flow_settings)


def compile_pdf(tex_path: str) -> str:
    """``latexmk -xelatex`` in the file's directory; the PDF's path, or :class:`TexError`."""
    folder, name = os.path.split(os.path.abspath(tex_path))
    cmd = ["latexmk", "-xelatex", "-interaction=nonstopmode", "-halt-on-error",
           "-file-line-error", name]
    proc = subprocess.run(cmd, cwd=folder, capture_output=True, text=True)
    pdf = os.path.join(folder, name[:-4] + ".pdf")
    log_path = os.path.join(folder, name[:-4] + ".log")
    if proc.returncode != 0 or not os.path.exists(pdf):
        log = open(log_path, encoding="utf-8", errors="replace").read() \
            if os.path.exists(log_path) else proc.stdout + proc.stderr
        errors = [ln for ln in log.splitlines() if re.match(r"^(!|.*:\d+: )", ln)][:10]
        raise TexError(f"latexmk -xelatex {name} failed in {folder} (exit "
                       f"{proc.returncode}):\n" + "\n".join(errors or log.splitlines()[-20:])
                       + f"\nsee {log_path}")
    return pdf


def build_docs(out_dir: str, *, pdf: bool = True, markdown: str | None = None,
               empirical: bool = True, figures: bool = True,
               link_dir: str | None = None) -> BuildResult:
    """Write ``out_dir/report.tex`` (and its figures), compile it when ``pdf`` and TeX is
    installed, and write the same report as Markdown to ``markdown`` if given.

    Arguments:
        out_dir: the output directory (created).
        pdf: compile with ``latexmk -xelatex``; skipped, with :attr:`BuildResult.hint`,
            when TeX is missing.
        markdown: a path for the Markdown report, or None.
        empirical: include measured evidence beside the verdicts.
        figures: measure a small gradient-flow setting and include its figures.
        link_dir: where ``out_dir`` will finally be, for the Markdown's links to the figures
            (default ``out_dir``; the command line builds in a temporary sibling).
    """
    from ..claims import run_claims

    os.makedirs(out_dir, exist_ok=True)
    # the figures (matplotlib) are drawn in a second process while the claims run
    pool = None
    if figures:  # Ctrl-C is answered by this process, which terminates the drawing one
        with workers_ignore_interrupts():
            pool = multiprocessing.get_context("spawn").Pool(1)
    try:
        drawing = pool.apply_async(_figures, (out_dir,)) if pool is not None else None
        results = run_claims(empirical=empirical)
        stems, settings = drawing.get() if drawing is not None else ((), None)
    except BaseException:
        if pool is not None:
            pool.terminate()
            pool.join()
        raise
    if pool is not None:
        pool.close()
        pool.join()
    report = build_report(results, empirical=empirical, figures=stems, flow_settings=settings)
    tex = os.path.join(out_dir, "report.tex")
    with open(tex, "w", encoding="utf-8") as fh:
        fh.write(to_latex(report))
    md = None
    if markdown:
        md = markdown
        os.makedirs(os.path.dirname(os.path.abspath(md)), exist_ok=True)
        with open(md, "w", encoding="utf-8") as fh:
            fig_dir = os.path.relpath(os.path.join(link_dir or out_dir, "figures"),
                                      os.path.dirname(os.path.abspath(md)))
            fh.write(to_markdown(report, fig_dir.replace(os.sep, "/")))
    fig_paths = tuple(os.path.join(out_dir, "figures", f"{s}.pdf") for s in stems)
    if not pdf:
        return BuildResult(tex, None, md, fig_paths)
    missing = missing_tex()
    if missing:
        return BuildResult(tex, None, md, fig_paths, missing, install_hint())
    return BuildResult(tex, compile_pdf(tex), md, fig_paths)
