"""The extended catalog: every cell passes the definition rules and the full analysis."""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from symrnn.cells import get_cell
from symrnn.cells import extended
from symrnn.cells.extended import EXTENDED
from symrnn.custom import analyze, check_cell, run_property_test
from symrnn.derivation import derive
from symrnn.numeric import init_params, jacobian, step

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


def _flax_pair(n: int, bu_h: float) -> tuple[dict, dict, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(n)
    keep = {k: rng.normal(0, 0.8, v.shape) for k, v in init_params("mgu_keep", 2, n, rng=0).items()}
    flax = {**keep, "bu_h": np.full(n, bu_h)}
    return keep, flax, rng.normal(size=2), rng.uniform(-0.9, 0.9, n)


def test_mgu_keep_and_flax_agree_in_1d_without_recurrent_bias_only():
    keep, flax, x, h = _flax_pair(1, 0.0)
    np.testing.assert_allclose(step("mgu_keep", keep, x, h), step("mgu_flax", flax, x, h), atol=1e-15)
    np.testing.assert_allclose(jacobian("mgu_keep", keep, x, h), jacobian("mgu_flax", flax, x, h),
                               atol=1e-15)
    keep, flax, x, h = _flax_pair(5, 0.0)  # n = 5: U_h (f h) is not f (U_h h)
    assert np.max(np.abs(step("mgu_keep", keep, x, h) - step("mgu_flax", flax, x, h))) > 1e-2
    assert np.max(np.abs(jacobian("mgu_keep", keep, x, h) - jacobian("mgu_flax", flax, x, h))) > 1e-2


def test_min_cells_with_g_differ_in_state_not_in_jacobian():
    for plain, with_g in (("min_gru", "min_gru_g"), ("min_lstm", "min_lstm_g")):
        p = init_params(plain, 2, 3, rng=1)
        x, h = np.array([1.0, -2.0]), np.array([0.1, -0.2, 0.3])
        assert np.max(np.abs(step(plain, p, x, h) - step(with_g, p, x, h))) > 1e-2
        np.testing.assert_allclose(jacobian(plain, p, x, h), jacobian(with_g, p, x, h), atol=1e-15)


def test_g_written_with_relu_and_sigmoid_is_the_papers_piecewise_g():
    a = sympy.Symbol("a")
    g = extended._g(a)
    pos, neg = sympy.Symbol("p", positive=True), sympy.Symbol("q", negative=True)
    from symrnn.activations import sigmoid
    assert sympy.simplify(g.subs(a, pos) - (pos + sympy.Rational(1, 2))) == 0
    assert sympy.simplify(g.subs(a, neg) - sigmoid(neg)) == 0
    assert g.subs(a, 0) == sympy.Rational(1, 2)


def test_indrnn_docstring_states_the_papers_t_th_root_not_one():
    assert r"\gamma^{1/T}" in extended.__doc__ and "exceeds* 1" in extended.__doc__
