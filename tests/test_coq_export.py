"""The Coq export without Coq: generated files, the reading table, no gaps, the CLI."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from symrnn.claims import CLAIMS, get_reading, reading_ids
from symrnn.coq import coq_status, coq_theorems, coq_why_not, export_coq
from symrnn.coq._export import groups
from symrnn.coq._printer import coq
from symrnn.coq.cli import add_parser

FORBIDDEN = re.compile(r"Admitted|admit|Axiom|Parameter|Hypothesis|Variable")
DEFINITION = re.compile(r"^(?:Definition|Fixpoint)\s+([A-Za-z_][A-Za-z0-9_']*)", re.M)

#: Readings the issue names explicitly: each must have a theorem, not a "why not" line.
REQUIRED = (
    "eq2/1d", "eq3/1d", "eq8/1d", "tanh-bounded-in-U/1d", "tanh-bounded-in-U/uniform-in-a",
    "tanh-bounded-in-U/below-1", "tanh-bounded-in-U/nd", "relu-unbounded/1d",
    "clip-prevents-explosion/1d", "clip-prevents-explosion/bounded-in-t",
    "clip-prevents-explosion/vanishing-not-fixed", "clip-prevents-explosion/nd-entrywise",
    "clip-prevents-explosion/nd-spectral", "vanish-explode/uniform", "vanish-explode/pointwise",
    "vanish-explode/nd-vanish", "vanish-explode/nd-explode", "vanish-meaning/tail-share",
    "vanish-meaning/nonzero-total", "lstm-c-unbounded/growth", "lstm-c-unbounded/divergence",
    "lstm-c-unbounded/bounded-inputs", "lstm-long-sequences/zero-U",
    "lstm-long-sequences/inevitable", "gru-less-stable/term-by-term",
    "gru-less-stable/strictly-larger", "gru-less-stable/reset-amplifies",
    "four-gates/bound", "four-gates/worst-case", "four-gates/all-weights", "four-gates/nd",
    "secondary-terms-small/pointwise", "secondary-terms-small/worst-case",
    "secondary-terms-small/nd", "forget-dominant/main-term-larger",
    "forget-dominant/no-explosion", "forget-dominant/nd", "gru-h-bounded/nd-2norm",
    "pascanu-eigenvalue-version/spectral-radius", "pascanu-norm-bound/spectral",
    "pascanu-vanishing-sufficient/spectral", "xsech2-bound/nd", "eq6/nd",
)


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return export_coq(str(tmp_path_factory.mktemp("coq")))


def _sources(export) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in Path(export.directory).glob("*.v")}


def test_one_file_per_group_plus_library_project_and_makefile(export):
    names = {p.name for p in Path(export.directory).iterdir()}
    assert {"Defs.v", "_CoqProject", "Makefile", "README.md"} <= names
    assert {f"{g.stem}.v" for g in export.groups} <= names


def test_no_admitted_admit_axiom_or_parameter_anywhere(export):
    for name, text in _sources(export).items():
        assert not FORBIDDEN.findall(text), name


def test_every_theorem_ends_in_qed(export):
    for g in export.groups:
        for t in g.theorems:
            assert t.text.rstrip().endswith("Qed."), t.name


def test_one_definition_per_function_across_files(export):
    seen: dict[str, str] = {}
    for name, text in _sources(export).items():
        for d in DEFINITION.findall(text):
            assert d not in seen, f"{d} defined in {seen.get(d)} and {name}"
            seen[d] = name
    for fn in ("gru_h_t", "mgu_h_t", "rnn_h_t", "lstm_c_t", "gru_h_seq", "rnn_h_seq"):
        assert seen[fn] == "Cells.v", fn


@pytest.mark.parametrize("rid", REQUIRED)
def test_issue_readings_have_theorems(export, rid):
    assert rid in export.readings and rid not in export.not_exported


def test_every_reading_has_theorems_or_a_reason_and_not_both(export):
    assert set(export.readings) | set(export.not_exported) == set(reading_ids())
    assert set(export.readings).isdisjoint(export.not_exported)
    for rid, why in export.not_exported.items():
        assert why and "yet" not in why or rid.endswith("/nd"), (rid, why)


def test_only_mathematical_readings_have_theorems(export):
    for rid in export.readings:
        assert get_reading(rid).kind == "mathematics", rid
    for rid in reading_ids():
        if get_reading(rid).kind != "mathematics":
            assert rid in export.not_exported


def test_readme_lists_every_reading_with_theorems_or_why_not(export):
    readme = Path(export.directory, "README.md").read_text(encoding="utf-8")
    for rid, names in export.readings.items():
        line = next(ln for ln in readme.splitlines() if ln.startswith(f"- `{rid}` ("))
        assert all(f"`{n}`" in line for n in names), rid
    for rid, why in export.not_exported.items():
        assert f"- `{rid}`: {why}" in readme


def test_every_theorem_named_in_the_table_exists_in_its_files(export):
    sources = _sources(export)
    files = export.files()
    for rid, names in export.readings.items():
        text = "".join(sources[f] for f in files[rid])
        for n in names:
            assert re.search(rf"^(Theorem|Lemma|Corollary) {n}\b", text, re.M), (rid, n)


def test_coq_theorems_is_the_public_reading_table():
    table = coq_theorems()
    assert table["eq8/1d"] == ("eq8", "eq8_article")
    assert table["vanish-explode/pointwise"] == ("vanish_pointwise_refuted",
                                                  "explode_pointwise_refuted")
    assert list(table) == [r for r in reading_ids() if r in table]
    assert "vanish-meaning/measured" in coq_why_not()


def test_refuted_readings_are_stated_as_negations(export):
    """A refuted reading's theorem is the negation of the reading (or an explicit
    counterexample next to one)."""
    by_name = {t.name: t for g in export.groups for t in g.theorems}
    for rid, names in export.readings.items():
        if get_reading(rid).expected != "refuted":
            continue
        stated = [re.search(rf"(?:Theorem|Corollary|Lemma) {n}\b[^:]*?:\s*(.*?)\nProof\.",
                            by_name[n].text, re.S).group(1) for n in names]
        assert any(re.search(r"(^|->|:)\s*~\s?\(", s.strip()) for s in stated), rid


def test_statements_are_generated_from_the_printed_formulas(export):
    from symrnn.claims.article import printed

    src = _sources(export)
    for eq in ("eq6", "eq9", "eq10a", "eq10b", "eq13"):
        assert coq(printed(eq)) in src["Jacobians.v"], eq
    # eq8 in the article's form: the three products are the printed (9), (10a), (10b)
    art = src["Jacobians.v"].split("Theorem eq8_article")[1].split("Proof.")[0]
    for eq, coef in (("eq9", "c_prev * Df"), ("eq10a", "chat_t * Di"), ("eq10b", "i_t * Dchat")):
        assert f"{coef} = {coq(printed(eq))}" in art
    assert "D = f_t + c_prev * Df + chat_t * Di + i_t * Dchat" in art
    for eq in ("eq9", "eq10a", "eq10b"):  # Compare.v's terms
        assert f":= {coq(printed(eq))}." in src["Compare.v"], eq


def test_cells_are_printed_from_their_definitions(export):
    from symrnn.cells import get_cell

    cells = _sources(export)["Cells.v"]
    for name in ("rnn", "gru", "lstm", "mgu", "variant"):
        for s, e in get_cell(name).definitions:
            if not any(str(d) in str(e) for d, _ in get_cell(name).definitions):
                assert f"{coq(e)}." in cells, (name, s)


def test_comments_do_not_claim_suprema_only_bounds_prove(export):
    terms = _sources(export)["Terms.v"]
    assert "sup |term| =" not in terms
    assert "only the upper bound is stated here" in terms


def test_xsech2_constants_come_from_the_certified_supremum(export):
    from symrnn.bounds import xsech2_supremum

    src = _sources(export)["Xsech2.v"]
    g_hi = re.search(r"Definition g_star : R := (0\.\d+)\.", src).group(1)
    sup = xsech2_supremum().to_json()
    assert float(sup["upper"]) <= float(g_hi) < float(sup["upper"]) + 1e-6
    assert "< 0.45." in src


def test_false_bound_is_written_as_asked(tmp_path):
    export_coq(str(tmp_path), article_bound="0.447")
    assert "Rabs ((1 - tanh c ^ 2) * c) < 0.447." in (tmp_path / "Xsech2.v").read_text()


def test_identities_4a_4b_are_stated_from_formula4(export):
    from symrnn.claims.article import formula4

    src = _sources(export)["Formulas.v"]
    for cid, base in (("eq4a", "exp_base (x)"), ("eq4b", "exp_base (x/2)")):
        lhs, rhs = formula4(cid)
        assert f"Theorem {cid} (x : R) : {coq(lhs)} = {coq(rhs)}." in src
        assert base in src


def test_exp_base_is_the_gcd_of_the_arguments():
    import sympy

    from symrnn.coq._jacobians import exp_base

    x = sympy.Symbol("x")
    assert exp_base([sympy.tanh(x), sympy.tanh(2 * x)], x) == x
    assert exp_base([sympy.tanh(x / 2), sympy.tanh(3 * x / 4)], x) == x / 4
    with pytest.raises(ValueError):
        exp_base([sympy.tanh(x ** 2)], x)


def test_forget_dominant_sums_the_lstm_term_bounds(export):
    src = _sources(export)["Dominant.v"]
    assert "Rabs (D - f_t) <= g_star/4 * Rabs U_f + 1/4 * Rabs U_i + 1 * Rabs U_c." in src
    for k in (1, 2, 3):
        assert f"lstm_term{k}_bound" in src


def test_tanh_and_relu_in_U_are_in_one_file(export):
    src = _sources(export)["InU.v"]
    for name in ("tanh_bounded_in_U", "tanh_in_U_vanishes", "relu_unbounded",
                 "rnn_h_t_factor_le_U", "relu_rnn_h_t_factor_le_U"):
        assert re.search(rf"^(Theorem|Corollary) {name}\b", src, re.M), name


def test_unrolled_equations_cover_every_parameter(export):
    from symrnn.cells import get_cell

    src = _sources(export)
    for cell in ("rnn", "mgu", "gru"):
        text = src[f"Unroll{cell.capitalize()}.v"]
        for p in get_cell(cell).param_symbols:
            for eq in ("eq2", "eq3"):
                assert f"Corollary {eq}_{cell}_{p} " in text, (cell, p, eq)


def test_status_without_check_is_per_reading():
    st = coq_status(check=False)
    assert set(st) == set(reading_ids())
    assert st["eq13/1d"] == "exported" and st["vanish-meaning/measured"] == "not exported"
    assert set(st.values()) <= {"exported", "not exported"}
    by_claim = coq_status(check=False, by="claim")
    assert set(by_claim) == {c.id for c in CLAIMS}
    assert by_claim["vanish-meaning"] == "exported" and by_claim["eq5"] == "not exported"


def test_cli_registers_export_coq_and_writes_the_files(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="symrnn")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", "coq", str(tmp_path / "out")])
    assert args.run(args) == 0
    assert (tmp_path / "out" / "Makefile").exists()
    assert "readings with a theorem" in capsys.readouterr().out


def test_groups_have_distinct_theorem_names():
    names = [t.name for g in groups() for t in g.theorems]
    assert len(names) == len(set(names))


def test_shipped_assumptions_name_exactly_the_exported_theorems(export):
    """symrnn/coq/assumptions.json is recorded by a Coq run; it must be refreshed whenever a
    theorem is added, renamed or removed (see symrnn/coq/_assumptions.py)."""
    from symrnn.coq import coq_assumptions
    from symrnn.coq._check import theorem_names

    recorded = coq_assumptions()
    assert set(recorded) == set(theorem_names(export.directory))
    readme = Path(export.directory, "README.md").read_text(encoding="utf-8")
    for name in ("eq6", "tanh_in_U_not_below_1", "pascanu_eigenvalue_refuted"):
        assert f"| `{name}` |" in readme
    assert "ClassicalDedekindReals.sig_forall_dec" in readme


def test_parse_assumptions_reads_coq_output():
    from symrnn.coq._check import parse_assumptions

    out = ("Axioms:\nClassical_Prop.classic : forall P : Prop, P \\/ ~ P\n"
           "ClassicalDedekindReals.sig_forall_dec\n  : forall P : nat -> Prop,\n    P 0\n")
    assert parse_assumptions(out) == ("ClassicalDedekindReals.sig_forall_dec",
                                      "Classical_Prop.classic")
    assert parse_assumptions("Closed under the global context\n") == ()


@pytest.mark.parametrize("module", ["symrnn.coq._printer", "symrnn.coq._export",
                                    "symrnn.coq.status", "symrnn.coq._cells",
                                    "symrnn.coq._readings", "symrnn.coq._assumptions"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0
