"""The Coq export without Coq: generated files, README coverage, no gaps, the CLI."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from symrnn.claims import CLAIMS
from symrnn.coq import export_coq
from symrnn.coq._export import groups
from symrnn.coq._printer import coq
from symrnn.coq.cli import add_parser
from symrnn.coq.status import coq_status

FORBIDDEN = re.compile(r"Admitted|admit|Axiom|Parameter")


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    return export_coq(str(tmp_path_factory.mktemp("coq")))


def test_one_file_per_group_plus_library_project_and_makefile(export):
    names = {p.name for p in Path(export.directory).iterdir()}
    assert {"Defs.v", "_CoqProject", "Makefile", "README.md"} <= names
    assert {f"{g.stem}.v" for g in export.groups} <= names


def test_no_admitted_admit_axiom_or_parameter_anywhere(export):
    for path in Path(export.directory).iterdir():
        hits = FORBIDDEN.findall(path.read_text(encoding="utf-8"))
        assert not hits, f"{path.name}: {hits}"


def test_every_theorem_ends_in_qed(export):
    for g in export.groups:
        for t in g.theorems:
            assert t.text.rstrip().endswith("Qed."), t.name


@pytest.mark.parametrize("cid", ["eq4c", "eq4d", "eq6", "eq9", "eq10a", "eq10b", "eq13",
                                 "eq12", "eq14", "xsech2-bound", "gru-h-bounded",
                                 "four-gates", "secondary-terms-small", "eq4a", "eq4b",
                                 "relu-unbounded", "clip-prevents-explosion",
                                 "forget-dominant"])
def test_issue_claims_are_exported(export, cid):
    assert cid in export.exported


def test_readme_lists_every_claim_as_exported_or_not_with_a_reason(export):
    readme = Path(export.directory, "README.md").read_text(encoding="utf-8")
    for claim in CLAIMS:
        assert f"`{claim.id}`:" in readme, claim.id
    for cid, why in export.not_exported.items():
        assert why and f"`{cid}`: {why}" in readme
    assert set(export.exported).isdisjoint(export.not_exported)


def test_statements_are_generated_from_the_printed_formulas(export):
    from symrnn.claims.article import printed

    jac = Path(export.directory, "Jacobians.v").read_text(encoding="utf-8")
    for eq in ("eq6", "eq9", "eq10a", "eq10b", "eq13"):
        assert coq(printed(eq)) in jac, eq


def test_xsech2_constants_come_from_the_certified_supremum(export):
    from symrnn.bounds import xsech2_supremum

    src = Path(export.directory, "Xsech2.v").read_text(encoding="utf-8")
    g_hi = re.search(r"<= (0\.\d+)\.\n", src).group(1)
    sup = xsech2_supremum().to_json()
    assert float(sup["upper"]) <= float(g_hi) < float(sup["upper"]) + 1e-6
    assert "< 0.45." in src


def test_false_bound_is_written_as_asked(tmp_path):
    export_coq(str(tmp_path), article_bound="0.447")
    assert "Rabs ((1 - tanh c ^ 2) * c) < 0.447." in (tmp_path / "Xsech2.v").read_text()


def test_identities_4a_4b_are_stated_from_formula4(export):
    from symrnn.claims.article import formula4

    src = Path(export.directory, "Formulas.v").read_text(encoding="utf-8")
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


def test_wrong_identity_is_written_as_asked(tmp_path):
    import sympy

    from symrnn.activations import sigmoid
    from symrnn.claims.article import x_sym

    x = x_sym
    wrong = (sympy.tanh(x), 2 * sigmoid(2 * x) + 1)
    export_coq(str(tmp_path), identities={"eq4a": wrong})
    assert f"tanh(x) = {coq(wrong[1])}." in (tmp_path / "Formulas.v").read_text()


def test_forget_dominant_sums_the_lstm_term_bounds(export):
    src = Path(export.directory, "Dominant.v").read_text(encoding="utf-8")
    assert "Rabs (D - f_t) <= g_star/4 * Rabs U_f + 1/4 * Rabs U_i + 1 * Rabs U_c." in src
    for k in (1, 2, 3):
        assert f"lstm_term{k}_bound" in src


def test_relu_theorems_use_relu_and_its_derivative(export):
    src = Path(export.directory, "Relu.v").read_text(encoding="utf-8")
    assert "relu(b + U*h_prev + W*x_t)" in src and "relu_prime" in src
    assert "exists U : R, 0 < b + U*h_prev + W*x_t" in src
    assert "Definition rnn_h_t" not in src  # reused from Jacobians.v


def test_status_without_check_says_exported_or_not_exported():
    st = coq_status(check=False)
    assert set(st) == {c.id for c in CLAIMS}
    assert st["eq13"] == "exported" and st["vanish-meaning"] == "not exported"
    assert set(st.values()) <= {"exported", "not exported"}


def test_cli_registers_export_coq_and_writes_the_files(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="symrnn")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["export", "coq", str(tmp_path / "out")])
    assert args.run(args) == 0
    assert (tmp_path / "out" / "Makefile").exists()
    assert "claims exported" in capsys.readouterr().out


def test_groups_have_distinct_theorem_names():
    names = [t.name for g in groups() for t in g.theorems]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("module", ["symrnn.coq._printer", "symrnn.coq._export",
                                    "symrnn.coq.status"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0
