"""The report's content: built from the verified objects, complete, and its LaTeX reads
back (SymPy's parse_latex) as the expressions it was printed from."""

from __future__ import annotations

import pytest
import sympy
from sympy.parsing.latex.errors import LaTeXParsingError

from docs_latex_reader import read_back, readable
from symrnn import CLAIMS, article_derivative, check_identity, printed
from symrnn.cells import CATALOG
from symrnn.claims import run_claims
from symrnn.docs import derivation_latex, formulas, to_latex, to_markdown, verdict_latex
from symrnn.docs._content import build_report, cell_anchor, claim_anchor
from symrnn.docs._model import Display, Heading, Paragraph, Text, Tree
from symrnn.verify.verdict import Verdict


@pytest.fixture(scope="module")
def results():
    return run_claims()


@pytest.fixture(scope="module")
def report(results):
    return build_report(results)


def _with_expr(report):
    return [f for f in formulas(report) if f.expr is not None]


def test_every_claim_has_a_heading_with_its_anchor(report):
    anchors = {b.anchor for b in report.blocks if isinstance(b, Heading)}
    assert {claim_anchor(c.id) for c in CLAIMS} <= anchors


def test_every_cell_has_a_jacobian_section(report):
    anchors = {b.anchor for b in report.blocks if isinstance(b, Heading)}
    assert {cell_anchor(name) for name in CATALOG} <= anchors


def test_verdicts_are_the_registry_results(report, results):
    verdicts = [b for b in report.blocks if isinstance(b, Paragraph)
                and b.label.startswith("Reading ")]
    assert [v.parts[0].text for v in verdicts] == [rr.verdict.status for r in results
                                                  for rr in r.readings]


def test_printed_forms_are_the_articles(report):
    printed_rhs = {f.rhs for b in report.blocks if isinstance(b, Display)
                   and b.label == "Printed form" for f in b.formulas}
    assert printed_rhs == {sympy.latex(printed(eq))
                           for eq in ("eq6", "eq9", "eq10a", "eq10b", "eq13")}


def test_chinese_words_and_errata_of_every_claim_are_shown(report):
    texts = [p.text for b in report.blocks if isinstance(b, Paragraph)
             for p in b.parts if isinstance(p, Text)]
    for c in CLAIMS:
        if c.zh:
            assert c.zh in texts
        for e in c.errata:
            assert any(e["text"] in t for t in texts)


def test_evidence_has_no_timings(report):
    def keys(data):
        if isinstance(data, dict):
            yield from data
            for v in data.values():
                yield from keys(v)
        elif isinstance(data, list):
            for v in data:
                yield from keys(v)

    trees = [b for b in report.blocks if isinstance(b, Tree)]
    assert trees and all("seconds" not in keys(t.data) for t in trees)


def test_long_numerals_are_shortened_with_their_digit_count(report):
    tex = to_latex(report)
    assert "digits)" in tex
    assert max(len(run) for run in __import__("re").findall(r"\d+", tex)) <= 40


def test_every_printed_expression_reads_back_equal(report):
    """Each formula printed from a SymPy expression, parsed back with parse_latex (where the
    parser can read SymPy's printing), equals the original."""
    checked, unreadable = 0, []
    for f in _with_expr(report):
        if not readable(f.expr):
            unreadable.append(f.rhs)
            continue
        try:
            back = read_back(f.rhs, f.expr)
        except LaTeXParsingError as exc:  # a readable formula must parse
            pytest.fail(f"parse_latex could not read {f.rhs!r}: {exc}")
        assert sympy.simplify(back - f.expr) == 0, (f.rhs, back, f.expr)
        checked += 1
    assert checked > 10 * len(unreadable)


def test_reader_detects_a_wrong_printing(report):
    """The round trip is not vacuous: a formula whose LaTeX has a sign flipped fails."""
    f = next(f for f in _with_expr(report) if f.expr == printed("eq6"))
    wrong = f.rhs.replace("1 - h_{t}^{2}", "1 + h_{t}^{2}")
    assert wrong != f.rhs
    assert sympy.simplify(read_back(wrong, f.expr) - f.expr) != 0


def test_derivation_latex_writes_negative_terms_with_a_minus():
    tex = derivation_latex(article_derivative("gru"))
    assert "+ -" not in tex and " - U_{z} h_{t-1}" in tex


def test_verdict_latex_of_a_refuted_identity_shows_the_witness():
    x = sympy.Symbol("x")
    v = check_identity(sympy.tanh(x), 2 * x)
    assert v.status == "refuted"
    tex = verdict_latex(v)
    assert tex.startswith(r"\textbf{refuted}") and "Witness: $x = " in tex


def test_verdict_latex_escapes_specials():
    tex = verdict_latex(Verdict("unknown", "50% of a_b & {c}"))
    assert r"50\% of a\_b \& \{c\}" in tex


def test_markdown_and_latex_are_printings_of_the_same_report(report):
    md, tex = to_markdown(report), to_latex(report)
    for c in CLAIMS:
        assert f'<a id="{claim_anchor(c.id)}"></a>' in md
        assert rf"\label{{{claim_anchor(c.id)}}}" in tex
    assert md.count("$$\n") // 2 == tex.count(r"\begin{align*}") + sum(
        len(b.formulas) - 1 for b in report.blocks if isinstance(b, Display) and b.formulas)


def test_chinese_runs_are_set_in_the_cjk_font(report):
    tex = to_latex(report)
    assert r"\cjk{原文}" in tex and r"\newfontfamily\cjkfont{Noto Serif CJK SC}" in tex
