"""`symrnn docs`: the .tex is always written; both languages compile cleanly with XeLaTeX
(no errors, no undefined references, no missing glyphs, no box wider than the text by more
than 1 pt); the PDF's text has no ASCII mathematics and shows every claim, reading, verdict
and Coq status; the Chinese PDF is mostly Chinese outside formulas; the committed
docs/report.md is current; a machine without TeX is told exactly what to install."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from symrnn import CLAIMS
from symrnn.claims import run_claims
from symrnn.docs import DEBIAN_PACKAGES, build_docs, missing_tex, to_markdown
from symrnn.docs import _build
from symrnn.docs._content import JSON_NAME, build_report
from symrnn.docs._coq import record_for
from symrnn.docs._readings import all_readings
from symrnn.docs._words import WORDS
from symrnn.docs.cli import EXIT_NO_TEX, main

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

#: ASCII spellings of mathematics that must never reach the PDF's text.
ASCII_MATH = re.compile(r"\*\*|sigmoid\(|_\{|\^\{|<=|>=|\+/-|Abs\(|g_star|chat_t|hhat_t|"
                        r"KroneckerDelta|Heaviside|sqrt\(|Piecewise")


def _need_tex() -> None:
    """Skip without TeX, except in CI, where a missing TeX is a failure."""
    missing = missing_tex() + tuple(exe for exe in ("pdftotext", "pdftohtml")
                                    if not shutil.which(exe))
    if missing:
        msg = f"TeX for the document is missing: {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(msg + " (CI must install .ci/apt-packages.txt)")
        pytest.skip(msg)


@pytest.fixture(scope="module")
def built_en(tmp_path_factory):
    """The dated English build: figures, measured evidence, the Coq check when installed."""
    _need_tex()
    out = tmp_path_factory.mktemp("docs-en")
    return build_docs(str(out), pdf=True, markdown=str(out / "report.md"))


@pytest.fixture(scope="module")
def built_zh(tmp_path_factory):
    """The Chinese edition, reproducible printing, with its figures."""
    _need_tex()
    out = tmp_path_factory.mktemp("docs-zh")
    return build_docs(str(out), pdf=True, lang="zh", empirical=False,
                      markdown=str(out / "report.md"))


@pytest.fixture(scope="module")
def results():
    return run_claims()


def _log(built) -> str:
    return Path(built.tex).with_suffix(".log").read_text(encoding="utf-8", errors="replace")


def _text(built) -> str:
    return subprocess.run(["pdftotext", "-layout", built.pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


@pytest.fixture(params=["en", "zh"])
def built(request):
    return request.getfixturevalue(f"built_{request.param}")


def test_pdf_compiles_without_errors_or_undefined_references(built):
    log = _log(built)
    assert built.pdf and os.path.getsize(built.pdf) > 0
    assert not re.search(r"^! ", log, re.M)
    assert "undefined" not in log.lower(), re.findall(r".*undefined.*", log, re.I)[:5]
    assert "multiply defined" not in log, re.findall(r".*multiply defined.*", log)[:5]
    assert "Missing character" not in log, re.findall(r"Missing character.*", log)[:5]
    assert "Rerun to get" not in "\n".join(log.splitlines()[-40:])


def test_no_box_is_wider_than_the_text(built):
    """Every overfull box the log reports is within 1 pt: formulas are broken, tables
    fit the text width, long identifiers break."""
    widths = [(float(w), line) for w, line in
              re.findall(r"Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\) (.*)", _log(built))]
    assert all(w <= 1.0 for w, _ in widths), sorted(widths, reverse=True)[:5]


def test_pdf_text_has_no_ascii_mathematics(built):
    """Outside code (the typewriter font: ids, JSON keys, commands), the PDF's text holds
    no ASCII spelling of mathematics: formulas are typeset."""
    runs = [text for family, text in _runs_by_font(built.pdf) if "LMMono" not in family]
    bad = [t for t in runs if ASCII_MATH.search(t)]
    assert not bad, bad[:5]


def test_the_ascii_math_check_sees_the_text(built):
    """The check above reads the PDF's text: typeset formulas and code are there."""
    runs = _runs_by_font(built.pdf)
    assert any("LMMono" in family for family, _ in runs)
    assert sum(len(t) for _, t in runs) > 20000


def _flat(text: str) -> str:
    """The PDF's text without any whitespace (ids break across lines at ``-`` and ``/``)."""
    return re.sub(r"\s+", "", text)


def test_pdf_shows_every_claim_reading_verdict_and_coq_status(built, results):
    text = _text(built)
    flat = _flat(text)
    lang = "zh" if "docs-zh" in built.tex else "en"
    words = WORDS[lang]
    sep = "；" if lang == "zh" else ";"
    for c in CLAIMS:
        assert c.id in flat, c.id
    for v in all_readings(results):
        assert f"{v.id}{sep}{words['verdict.' + v.verdict.status]}" in flat, v.id
    evidence = json.loads(Path(built.evidence).read_text(encoding="utf-8"))
    assert [c["id"] for c in evidence["claims"]] == [c.id for c in CLAIMS]
    from symrnn.docs._coq import coq_records

    coq = coq_records(check=False)
    for v in all_readings(results):
        rec = record_for(coq, v.id)
        for name in rec.theorems:
            assert name.replace("_", "") in flat.replace("_", ""), (v.id, name)
    from symrnn.coq import coqc_available

    ran = lang == "en" and coqc_available()  # the dated English build runs coqc
    assert words["coq.checked" if ran else "coq.exported"] in flat
    assert "也来谈谈RNN的梯度消失" in flat


def _runs_by_font(pdf: str) -> list[tuple[str, str]]:
    """(font family, text) of every text run of the PDF (pdftohtml -xml)."""
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", pdf],
                         capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", xml))
    fonts = {f.get("id"): f.get("family", "") for f in root.iter("fontspec")}
    return [(fonts.get(t.get("font"), ""), "".join(t.itertext())) for t in root.iter("text")]


_MATH_FONTS = re.compile(r"CM(MI|SY|EX|R|BX|MIB)\d|LMMono|MSBM|MSAM|DejaVuSans")
#: operator names set upright in formulas, in the text font (fontspec sets math operators
#: in it): part of formulas, not prose
_OPERATORS = re.compile(r"\b(diag|tanh|exp|log|ln|sup|max|min|sign|relu|sech|lim)\b")


def _letters(pdf: str) -> tuple[int, int]:
    """(CJK characters, Latin letters) of the prose: text fonts only (math, code and figure
    fonts excluded), operator names left out."""
    cjk = latin = 0
    for family, text in _runs_by_font(pdf):
        if _MATH_FONTS.search(family):
            continue
        cjk += len(re.findall(r"[\u3400-\u9fff]", text))
        latin += len(re.findall(r"[A-Za-z]", _OPERATORS.sub("", text)))
    return cjk, latin


def test_the_chinese_pdf_is_mostly_chinese_outside_formulas(built_zh):
    """Most of the Chinese edition's prose is CJK (a Chinese character carries about as
    much as an English word, so the share by characters is a conservative measure)."""
    cjk, latin = _letters(built_zh.pdf)
    assert cjk > 2 * latin, (cjk, latin)


def test_the_english_pdf_is_not(built_en):
    """The measure above can fail: the English edition is mostly Latin."""
    cjk, latin = _letters(built_en.pdf)
    assert latin > 2 * cjk, (cjk, latin)


def test_build_writes_figures_and_markdown_links_them(built):
    assert built.figures and all(os.path.exists(p) for p in built.figures)
    md = Path(built.markdown).read_text(encoding="utf-8")
    for p in built.figures:
        assert f"(figures/{Path(p).stem}.png)" in md


def test_pages_render_to_png_for_a_person_to_look_at(built_en, tmp_path):
    """benchmarks/render_docs.py renders pages of a built PDF at 60 dpi."""
    from render_docs import render_pages

    pngs = render_pages(built_en.pdf, str(tmp_path), pages=(1, 2))
    assert len(pngs) == 2 and all(os.path.getsize(p) > 1000 for p in pngs)


def test_committed_report_md_is_current(results):
    """docs/report.md is exactly what `make report` writes now; run it when this fails."""
    from symrnn.docs._coq import coq_records

    fresh = to_markdown(build_report(results, coq=coq_records(check=False)))
    committed = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    assert committed == fresh, "docs/report.md is stale: run `make report`"


def test_without_tex_the_tex_is_written_and_the_packages_named(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(_build.shutil, "which", lambda exe: None)
    code = main(["--out", str(tmp_path), "--no-empirical", "--no-figures"])
    err = capsys.readouterr().err
    assert code == EXIT_NO_TEX
    assert (tmp_path / "report.tex").stat().st_size > 0
    assert "latexmk" in err and "apt-get install --no-install-recommends " + \
        " ".join(DEBIAN_PACKAGES) in err


def test_no_pdf_writes_the_tex_and_the_evidence(tmp_path):
    res = build_docs(str(tmp_path), pdf=False, empirical=False, figures=False)
    assert res.pdf is None and res.missing == () and res.figures == ()
    assert sorted(os.listdir(tmp_path)) == sorted(["report.tex", JSON_NAME])


def test_an_unknown_language_is_refused_in_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--out", str(tmp_path), "--lang", "fr", "--no-pdf"])
    assert exc.value.code == 2
    assert "invalid choice: 'fr'" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_ci_installs_the_packages_the_document_needs():
    listed = (ROOT / ".ci" / "apt-packages.txt").read_text().split()
    assert set(DEBIAN_PACKAGES) <= set(listed), set(DEBIAN_PACKAGES) - set(listed)


def test_docs_module_runs_as_a_script(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "symrnn.docs.cli", "--out", str(tmp_path),
                           "--no-pdf", "--no-empirical", "--no-figures", "--lang", "zh"],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"wrote {tmp_path}/report.tex")
    assert r"\begin{refuted}" in (tmp_path / "report.tex").read_text(encoding="utf-8")
