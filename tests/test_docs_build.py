"""`symrnn docs`: the .tex is always written, the PDF compiles cleanly (XeLaTeX), its text
shows every claim with its verdict, the committed docs/report.md is current, and a
machine without TeX is told exactly what to install."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from symrnn import CLAIMS
from symrnn.claims import run_claims
from symrnn.docs import DEBIAN_PACKAGES, build_docs, missing_tex, to_markdown
from symrnn.docs import _build
from symrnn.docs._content import build_report
from symrnn.docs.cli import EXIT_NO_TEX, main

ROOT = Path(__file__).resolve().parents[1]


def _need_tex() -> None:
    """Skip without TeX, except in CI, where a missing TeX is a failure."""
    missing = missing_tex() + (() if shutil.which("pdftotext") else ("pdftotext",))
    if missing:
        msg = f"TeX for the document is missing: {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(msg + " (CI must install .ci/apt-packages.txt)")
        pytest.skip(msg)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    _need_tex()
    out = tmp_path_factory.mktemp("docs")
    return build_docs(str(out), pdf=True, markdown=str(out / "report.md"))


def test_pdf_compiles_without_errors_or_undefined_references(built):
    log = Path(built.tex).with_suffix(".log").read_text(encoding="utf-8", errors="replace")
    assert built.pdf and os.path.getsize(built.pdf) > 0
    assert not re.search(r"^! ", log, re.M)
    assert "undefined" not in log.lower(), re.findall(r".*undefined.*", log, re.I)[:5]
    assert "Missing character" not in log, re.findall(r"Missing character.*", log)[:5]
    assert "Rerun to get" not in log.splitlines()[-40:]


def test_pdf_text_shows_every_reading_with_its_verdict(built):
    text = subprocess.run(["pdftotext", "-layout", built.pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    for r in run_claims():
        for rr in r.readings:
            row = (rf"^\s*{re.escape(rr.reading.id)}\s+(\S+\s+)?{rr.verdict.status}\s+yes\s*$")
            assert re.search(row, text, re.M), f"no summary row for {rr.reading.id}"
    assert "也来谈谈RNN的梯度消失" in text.replace("\n", "")


def test_build_writes_figures_and_markdown_links_them(built):
    assert built.figures and all(os.path.exists(p) for p in built.figures)
    md = Path(built.markdown).read_text(encoding="utf-8")
    for p in built.figures:
        assert f"(figures/{Path(p).stem}.png)" in md


def test_committed_report_md_is_current():
    """docs/report.md is exactly what `symrnn docs --no-empirical --no-figures --markdown`
    writes now; regenerate it with that command when this fails."""
    fresh = to_markdown(build_report(run_claims()))
    committed = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    assert committed == fresh, ("docs/report.md is stale: run `symrnn docs --out /tmp/docs "
                                "--no-pdf --no-empirical --no-figures --markdown docs/report.md`")


def test_without_tex_the_tex_is_written_and_the_packages_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(_build.shutil, "which", lambda exe: None)
    code = main(["--out", str(tmp_path), "--no-empirical", "--no-figures"])
    err = capsys.readouterr().err
    assert code == EXIT_NO_TEX
    assert (tmp_path / "report.tex").stat().st_size > 0
    assert "latexmk" in err and "apt-get install --no-install-recommends " + \
        " ".join(DEBIAN_PACKAGES) in err


def test_no_pdf_writes_only_the_tex(tmp_path):
    res = build_docs(str(tmp_path), pdf=False, empirical=False, figures=False)
    assert res.pdf is None and res.missing == () and res.figures == ()
    assert sorted(os.listdir(tmp_path)) == ["report.tex"]


def test_ci_installs_the_packages_the_document_needs():
    listed = (ROOT / ".ci" / "apt-packages.txt").read_text().split()
    assert set(DEBIAN_PACKAGES) <= set(listed), set(DEBIAN_PACKAGES) - set(listed)


def test_docs_module_runs_as_a_script(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "symrnn.docs.cli", "--out", str(tmp_path),
                           "--no-pdf", "--no-empirical", "--no-figures"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"wrote {tmp_path}/report.tex")
