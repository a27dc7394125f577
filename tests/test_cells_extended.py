"""The extended catalog: every cell passes the definition rules and the full analysis."""

from __future__ import annotations

import pytest
import sympy

from symrnn.cells import get_cell
from symrnn.cells import extended
from symrnn.cells.extended import EXTENDED
from symrnn.custom import analyze, check_cell, run_property_test
from symrnn.derivation import derive

NAMES = list(EXTENDED)


@pytest.mark.parametrize("name", NAMES)
def test_extended_cell_is_well_formed_and_referenced(name):
    cell = EXTENDED[name]
    assert check_cell(cell) is cell and cell.reference
    assert cell.reference.split()[0].rstrip(",") in extended.__doc__


@pytest.mark.parametrize("name", NAMES)
def test_extended_cell_is_analysed(name):
    a = analyze(EXTENDED[name])
    assert a.terms and all(t.bound.status in ("sup", "upper", "unknown") for t in a.terms)
    assert sum(t.role == "main" for t in a.terms) >= 1


@pytest.mark.parametrize("name", NAMES)
def test_extended_cell_numeric_jacobian_matches_50_digit_differences(name):
    res = run_property_test(EXTENDED[name], trials=2)
    assert res.passed, res


def test_mgu_published_form_is_eq12_with_r_renamed_f():
    ren = {sympy.Symbol(a): sympy.Symbol(b) for a, b in
           [("f_t", "r_t"), ("W_f", "W_r"), ("U_f", "U_r"), ("b_f", "b_r")]}
    ours = [(s.xreplace(ren), e.xreplace(ren)) for s, e in EXTENDED["mgu_zhou"].definitions]
    assert ours == list(get_cell("mgu").definitions)


def test_mgu_keep_has_the_opposite_orientation():
    f = sympy.Symbol("f_t")
    main = [t for t in analyze(EXTENDED["mgu_keep"]).terms if t.role == "main"]
    assert [t.expr for t in main] == [f]


def test_cifg_cell_state_is_bounded_unlike_the_lstm():
    assert analyze(EXTENDED["cifg_lstm"]).invariants.evidence["bounded_states"] == ["h", "c"]


def test_min_cells_have_weightless_diagonal_jacobians():
    f, i, z = sympy.symbols("f_t i_t z_t")
    assert derive(EXTENDED["min_gru"]).matrix == sympy.Matrix([[1 - z]])
    (t,) = analyze(EXTENDED["min_lstm"]).terms
    assert t.expr == f / (f + i) and (t.bound.status, t.bound.formula, t.bound.attained) == \
        ("sup", 1, False)


def test_indrnn_jacobian_is_bounded_by_the_elementwise_weight():
    (t,) = analyze(EXTENDED["indrnn"]).terms
    assert t.bound.status == "sup" and t.bound.bound == sympy.Abs(sympy.Symbol("u"))


def test_janet_gates_share_a_pre_activation_so_bounds_are_upper_bounds():
    a = analyze(EXTENDED["janet"])
    assert not a.domains.independent
    assert all(t.bound.status != "sup" for t in a.terms)
