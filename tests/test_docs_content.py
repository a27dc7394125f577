"""The report's content: built from the verified objects, complete in both languages, every
reading a theorem-like block with its verdict, its LaTeX reads back (SymPy's parse_latex)
as the expressions it was printed from, and the Markdown printing of the same blocks keeps
tables and formulas intact."""

from __future__ import annotations

import re

import pytest
import sympy
from sympy.parsing.latex.errors import LaTeXParsingError

from docs_latex_reader import read_back, readable
from symrnn import CLAIMS, article_derivative, check_identity, printed
from symrnn.cells import CATALOG
from symrnn.claims import formula4, run_claims
from symrnn.docs import derivation_latex, formulas, to_latex, to_markdown, verdict_latex
from symrnn.docs._content import build_report, cell_anchor, claim_anchor, reading_anchor
from symrnn.docs._model import Display, Heading, Quote, Table, TeX, Text, Theorem
from symrnn.docs._readings import all_readings
from symrnn.docs._sketch import MissingEvidence, fill
from symrnn.docs._sketches import SKETCHES
from symrnn.docs._words import LANGS, WORDS
from symrnn.docs._zh import ZH_STATEMENTS
from symrnn.verify.verdict import Verdict


@pytest.fixture(scope="module")
def results():
    return run_claims()


@pytest.fixture(scope="module", params=LANGS)
def report(request, results):
    return build_report(results, request.param)


@pytest.fixture(scope="module")
def report_en(results):
    return build_report(results, "en")


def _theorems(report):
    return [b for b in report.blocks if isinstance(b, Theorem)]


def _with_expr(report):
    return [f for f in formulas(report) if f.expr is not None]


def test_every_claim_has_a_heading_with_its_anchor(report):
    anchors = {b.anchor for b in report.blocks if isinstance(b, Heading)}
    assert {claim_anchor(c.id) for c in CLAIMS} <= anchors


def test_every_cell_has_a_jacobian_section(report):
    anchors = {b.anchor for b in report.blocks if isinstance(b, Heading)}
    assert {cell_anchor(name) for name in CATALOG} <= anchors


def test_every_reading_is_a_theorem_of_its_verdict(report, results):
    """One theorem-like block per reading, in the registry's order: proved readings are
    theorems, refuted ones claims marked refuted, the rest questions."""
    views = all_readings(results)
    thms = _theorems(report)
    assert [t.anchor for t in thms] == [reading_anchor(v.id) for v in views]
    kinds = {"proved": {"theorem"}, "refuted": {"refuted"}, "unknown": {"open", "measured"}}
    for t, v in zip(thms, views):
        assert t.kind in kinds[v.verdict.status], (v.id, t.kind)
        assert WORDS[report.lang][f"verdict.{v.verdict.status}"] in t.title
        assert t.proof, f"{v.id} has no proof sketch"


def test_the_verdict_table_lists_every_reading_with_its_verdict(report, results):
    table = next(b for b in report.blocks if isinstance(b, Table) and b.anchor == "tab:verdicts")
    views = all_readings(results)
    assert len(table.rows) == len(views)
    words = WORDS[report.lang]
    for row, v in zip(table.rows, views):
        assert row[1][0].target == reading_anchor(v.id)
        assert row[2][0].text == words[f"verdict.{v.verdict.status}"]
        assert row[5][0].text == words["yes" if v.as_expected else "no"]


def test_printed_forms_are_the_articles(report_en):
    label = WORDS["en"]["form.printed"]
    printed_rhs = {f.rhs for b in report_en.blocks if isinstance(b, Display)
                   and b.label == label for f in b.formulas}
    assert printed_rhs == {sympy.latex(printed(eq))
                           for eq in ("eq6", "eq9", "eq10a", "eq10b", "eq13")} | \
        {sympy.latex(formula4(eq)[1]) for eq in ("eq4a", "eq4b", "eq4c", "eq4d")}


def test_the_articles_words_of_every_claim_are_quoted(report):
    quotes = [b for b in report.blocks if isinstance(b, Quote)]
    originals = " ".join(p.source for q in quotes for p in q.original if isinstance(p, TeX))
    for c in CLAIMS:
        if c.zh:  # every CJK run of the article's words is in the quote
            for run in re.findall(r"[\u4e00-\u9fff]+", c.zh):
                assert run in originals, (c.id, run)


def test_every_erratum_is_listed(report_en, results):
    table = next(b for b in report_en.blocks if isinstance(b, Table)
                 and b.anchor == "tab:errata")
    cited = [row[0][0].text for row in table.rows]
    assert cited == [r.claim.id for r in results for _ in r.claim.errata]


def test_derivatives_are_labelled_block_partial_or_path(report_en):
    """On the LSTM the path derivative (the article's (8)) and the block partial with
    h_{t-1} held fixed are both shown, each labelled."""
    notes = {f.note: f for f in formulas(report_en) if f.note}
    path = WORDS["en"]["form.path"]
    block = WORDS["en"]["form.block"]
    assert any(n.startswith(path) for n in notes) and any(n.startswith(block) for n in notes)
    held = [f for f in formulas(report_en) if f.note == block
            and r"\right|_{h_{t-1}}" in f.lhs and r"\partial c_{t}" in f.lhs]
    assert held, "the LSTM's dc_t/dc_{t-1} block partial is not marked as holding h_{t-1}"


def test_every_printed_expression_reads_back_equal(report_en):
    """Each formula printed from a SymPy expression, parsed back with parse_latex (where the
    parser can read SymPy's printing), equals the original."""
    checked, unreadable = 0, []
    for f in _with_expr(report_en):
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


def test_reader_detects_a_wrong_printing(report_en):
    """The round trip is not vacuous: a formula whose LaTeX has a sign flipped fails."""
    f = next(f for f in _with_expr(report_en) if f.expr == printed("eq6"))
    wrong = f.rhs.replace("1 - h_{t}^{2}", "1 + h_{t}^{2}")
    assert wrong != f.rhs
    assert sympy.simplify(read_back(wrong, f.expr) - f.expr) != 0


def test_every_reading_has_a_sketch_whose_numbers_resolve(results):
    """Each reading's proof sketch exists in both languages, and every number it cites is
    found in that reading's evidence."""
    for v in all_readings(results):
        sk = SKETCHES.get(v.id)
        assert sk is not None, f"no sketch for {v.id}"
        ev = dict(v.verdict.evidence)
        if v.verdict.witness is not None:
            ev["witness"] = {str(k): str(x) for k, x in v.verdict.witness.items()}
        for text in (sk.en, sk.zh):
            try:
                fill(text, ev)
            except MissingEvidence as exc:
                pytest.fail(f"{v.id}: the sketch cites {exc} which the evidence lacks")


def test_chinese_statements_cover_every_reading(results):
    ids = {v.id for v in all_readings(results)}
    assert ids <= set(ZH_STATEMENTS), sorted(ids - set(ZH_STATEMENTS))
    assert set(ZH_STATEMENTS) <= ids, sorted(set(ZH_STATEMENTS) - ids)


def test_chinese_names_cover_every_cell_and_claim_beyond_the_article():
    from symrnn.docs._zh import ZH_CELLS, ZH_CLAIMS

    assert set(ZH_CELLS) == set(CATALOG)
    assert {c.id for c in CLAIMS if not c.zh} == set(ZH_CLAIMS)


def test_chinese_edition_uses_the_articles_terms(results):
    tex = to_latex(build_report(results, "zh"))
    for term in ("梯度消失", "梯度爆炸", "遗忘门", "主项", "次要项"):
        assert term in tex, term


def test_both_languages_have_every_word():
    assert set(WORDS["en"]) == set(WORDS["zh"])
    for key, en in WORDS["en"].items():
        fields = set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", en))
        assert fields == set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", WORDS["zh"][key])), key


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
    for t in _theorems(report):
        assert f'<a id="{t.anchor}"></a>' in md and rf"\label{{{t.anchor}}}" in tex


def _cells(row: str) -> int:
    """Cells of a GFM table row: split at pipes not escaped by a backslash."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_markdown_tables_never_split_a_cell(report):
    """Every row of every Markdown table has as many cells as its header: a ``|`` inside a
    cell (|U_r|, ‖J‖) is escaped, in text and in math."""
    md = to_markdown(report)
    lines = md.splitlines()
    tables = 0
    for k, line in enumerate(lines):
        if re.fullmatch(r"\|(---\|)+", line):
            tables += 1
            width = _cells(lines[k - 1])
            j = k + 1
            while j < len(lines) and lines[j].startswith("| "):
                assert _cells(lines[j]) == width, lines[j]
                j += 1
    assert tables >= 4


def test_markdown_display_formulas_are_broken(report_en):
    """No displayed formula in the Markdown is one overlong line: long ones are aligned
    over several lines."""
    md = to_markdown(report_en)
    for block in re.findall(r"\$\$\n(.*?)\n\$\$", md, re.S):
        for line in block.splitlines():
            assert len(re.sub(r"\\(left|right|operatorname)|[{} ]", "", line)) < 260, line[:120]


def test_the_reproducible_report_has_no_date_or_commit(results):
    md = to_markdown(build_report(results, "en"))
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", md.split("\n## ")[0].replace(
        "2020-11-30", ""))
    assert "commit" not in md.split("\n## ")[0].lower().replace("commit, timings", "")


def test_no_plain_text_carries_ascii_math(report):
    """Plain-text runs (escaped by the writers) contain no ASCII mathematics: formulas are
    typeset, not printed as code."""
    bad = re.compile(r"\*\*|sigmoid\(|_\{|\^\{|<=|>=|\+/-")
    for b in report.blocks:
        parts = []
        if isinstance(b, Table):
            parts = [p for row in b.rows for cell in row for p in cell]
        for p in parts:
            if isinstance(p, Text) and p.style not in ("code", "id", "ref"):
                assert not bad.search(p.text), p.text


def test_markdown_keeps_a_commands_double_hyphen_and_turns_plain_ones_into_dashes():
    from symrnn.docs._markdown import tex_to_markdown

    md = tex_to_markdown(r"run \texttt{symrnn verify --json} -- see Table~\ref{tab:x} "
                         r"and \texttt{a\_b}, pages 1--2")
    assert md.startswith("run `symrnn verify --json` – see Table [?](#tab:x) and `a_b`")
    assert md.endswith("pages 1–2")
