"""Write the report (``DIR/report.tex``, figures, the evidence JSON, optionally Markdown)
and compile the PDF.

The ``.tex`` is always written. The PDF is compiled with ``latexmk -xelatex`` when TeX is
installed; when it is not, :func:`missing_tex` says what is missing and
:data:`DEBIAN_PACKAGES` which Debian packages provide it (the one place they are listed;
``.ci/apt-packages.txt`` must contain them, a test checks it).

A *dated* build (``empirical=True``, the default) measures the gradient flow for the
figures, runs the Coq check when Coq is installed and the PDF is compiled, and records the
date, the commit, the versions and the times; the *reproducible* printing (``empirical=False``) has none of
these, so the same code gives the same document (the committed ``docs/report.md``).
"""

from __future__ import annotations

import datetime
import json
import multiprocessing
import os
import platform
import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass

from .._errors import SymrnnError
from .._interrupt import quiet_worker, workers_ignore_interrupts
from ._appendix import Meta
from ._content import JSON_NAME, build_report
from ._coq import CoqReport, coq_records
from ._figures import FlowNumbers, draw_figures
from ._latex import to_latex
from ._markdown import to_markdown
from ._model import Report
from ._words import LANGS, check_lang

__all__ = ["DEBIAN_PACKAGES", "FLOW_SETTINGS", "BuildResult", "TexError", "build_docs",
           "compile_pdf", "install_hint", "missing_tex", "make_report", "LANGS"]

#: Debian packages that compile the document: XeLaTeX, xeCJK, latexmk and the fonts.
DEBIAN_PACKAGES: tuple[str, ...] = (
    "latexmk", "texlive-xetex", "texlive-latex-recommended", "texlive-latex-extra",
    "texlive-fonts-recommended", "texlive-lang-chinese", "lmodern", "fonts-noto-cjk",
)

#: The small measurement behind the figures (a few seconds; ``symrnn flow`` for more).
FLOW_SETTINGS: dict = {"T": 300, "n": 16, "seeds": 4, "seed": 0, "scales": (0.5, 1.0, 2.0, 4.0)}

_FONTS = ("Latin Modern Roman", "Noto Serif CJK SC", "Noto Sans CJK SC")


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
    evidence: str | None = None


def install_hint() -> str:
    """The command that installs TeX for the document on Debian/Ubuntu."""
    return ("sudo apt-get install --no-install-recommends " + " ".join(DEBIAN_PACKAGES))


def missing_tex() -> tuple[str, ...]:
    """What the PDF compile needs and this machine lacks (empty when all is there)."""
    missing = [exe for exe in ("latexmk", "xelatex") if shutil.which(exe) is None]
    if missing:
        return tuple(missing)
    if shutil.which("kpsewhich"):
        found = subprocess.run(["kpsewhich", "xeCJK.sty", "xltabular.sty"],
                               capture_output=True, text=True).stdout
        missing += [f"LaTeX package {p}" for p in ("xeCJK", "xltabular")
                    if f"{p}.sty" not in found]
    if shutil.which("fc-list"):
        fonts = subprocess.run(["fc-list", ":", "family"], capture_output=True,
                               text=True).stdout
        missing += [f"font {f!r}" for f in _FONTS if f not in fonts]
    return tuple(missing)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"Python": platform.python_version()}
    for dist in ("sympy", "python-flint", "mpmath", "numpy", "matplotlib"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            continue
    for exe, args in (("xelatex", ["--version"]), ("coqc", ["--version"])):
        if shutil.which(exe):
            first = subprocess.run([exe, *args], capture_output=True, text=True).stdout
            line = first.strip().splitlines()[0] if first.strip() else ""
            out[exe] = re.sub(r"^.*?(\d[\w.\-]*).*$", r"\1", line) if line else "?"
    return out


def _commit() -> str:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if not shutil.which("git") or not os.path.exists(os.path.join(root, ".git")):
        return "unknown (not a git checkout)"
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root,
                          capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                           capture_output=True, text=True).stdout.strip()
    return (head or "unknown") + (" (with uncommitted changes)" if dirty else "")


def make_report(lang: str = "en", *, empirical: bool = True, figures: Sequence[str] = (),
                flow: FlowNumbers | None = None) -> Report:
    """Run every claim (as ``symrnn verify`` does) and build the report from the results."""
    from ..claims import run_claims

    results = run_claims(empirical=empirical)
    return build_report(results, lang, empirical=empirical, figures=figures, flow=flow,
                        coq=coq_records(check=False))


_LOG_ERROR = re.compile(r"^(!|.*:\d+: )")


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
        errors = [ln for ln in log.splitlines() if _LOG_ERROR.match(ln)][:10]
        raise TexError(f"latexmk -xelatex {name} failed in {folder} (exit "
                       f"{proc.returncode}):\n" + "\n".join(errors or log.splitlines()[-20:])
                       + f"\nsee {log_path}")
    return pdf


def _coq_job(check: bool) -> CoqReport:
    return coq_records(check)


def build_docs(out_dir: str, *, pdf: bool = True, markdown: str | None = None,
               empirical: bool = True, figures: bool = True, lang: str = "en",
               link_dir: str | None = None) -> BuildResult:
    """Write ``out_dir/report.tex`` (its figures and ``report-evidence.json``), compile it
    when ``pdf`` and TeX is installed, and write the same report as Markdown to
    ``markdown`` if given.

    Arguments:
        out_dir: the output directory (created).
        pdf: compile with ``latexmk -xelatex``; skipped, with :attr:`BuildResult.hint`,
            when TeX is missing.
        markdown: a path for the Markdown report, or None.
        empirical: a dated build: measured evidence beside the verdicts, the Coq check when
            Coq is installed and ``pdf``, date, commit and times. False gives the
            reproducible printing.
        figures: measure a small gradient-flow setting and include its figures.
        lang: ``"en"`` (default) or ``"zh"``: the language of the whole report.
        link_dir: where ``out_dir`` will finally be, for the Markdown's links to the figures
            and the command recorded in the report (default ``out_dir``; the command line
            builds in a temporary directory and renames it into place).
    """
    from ..claims import run_claims

    check_lang(lang)
    start = time.perf_counter()
    os.makedirs(out_dir, exist_ok=True)
    times: dict[str, float] = {}
    fig_dir = os.path.join(out_dir, "figures")
    # figures (matplotlib) and the Coq check run in other processes while the claims run;
    # on Ctrl-C (or any error) this process answers and terminates them
    check = empirical and pdf  # the Coq check (tens of seconds): a dated build with the PDF
    pool = None
    if figures or check:
        with workers_ignore_interrupts():
            pool = multiprocessing.get_context("spawn").Pool(int(figures) + int(check),
                                                             initializer=quiet_worker)
    try:
        drawing = (pool.apply_async(draw_figures, (fig_dir, lang, FLOW_SETTINGS))
                   if pool is not None and figures else None)
        checking = pool.apply_async(_coq_job, (True,)) if pool is not None and check else None
        t0 = time.perf_counter()
        results = run_claims(empirical=empirical)
        times["claims"] = time.perf_counter() - t0
        flow = drawing.get() if drawing is not None else None
        coq = checking.get() if checking is not None else coq_records(check=False)
    except BaseException:
        if pool is not None:
            pool.terminate()
            pool.join()
        raise
    if pool is not None:
        pool.close()
        pool.join()
    if coq.ran:
        times["Coq check"] = coq.seconds
    stems = tuple(s for s in ("gradient_norms", "rates_vs_scale", "terms", "xsech2")
                  if flow is not None and os.path.exists(os.path.join(fig_dir, f"{s}.pdf")))
    meta = None
    if empirical:
        command = (f"symrnn docs --out {link_dir or out_dir}"
                   + ("" if lang == "en" else f" --lang {lang}"))
        times["before the PDF compile"] = time.perf_counter() - start
        meta = Meta(_version(), datetime.date.today().isoformat(), _commit(), _versions(),
                    times, command)
    report = build_report(results, lang, empirical=empirical, figures=stems, flow=flow,
                          coq=coq, meta=meta)
    tex = os.path.join(out_dir, "report.tex")
    _write(tex, to_latex(report))
    evidence = os.path.join(out_dir, JSON_NAME)
    _write(evidence, json.dumps({"claims": [r.to_json() for r in results]}, indent=1,
                                ensure_ascii=False) + "\n")
    md = None
    if markdown:
        md = markdown
        os.makedirs(os.path.dirname(os.path.abspath(md)), exist_ok=True)
        rel = os.path.relpath(os.path.join(link_dir or out_dir, "figures"),
                              os.path.dirname(os.path.abspath(md)))
        _write(md, to_markdown(report, rel.replace(os.sep, "/")))
    fig_paths = tuple(os.path.join(fig_dir, f"{s}.pdf") for s in stems)
    if not pdf:
        return BuildResult(tex, None, md, fig_paths, evidence=evidence)
    missing = missing_tex()
    if missing:
        return BuildResult(tex, None, md, fig_paths, missing, install_hint(), evidence)
    return BuildResult(tex, compile_pdf(tex), md, fig_paths, evidence=evidence)


def _version() -> str:
    from .. import __version__

    return __version__


def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)

