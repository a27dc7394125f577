"""analyze(): the generic machinery reproduces the hand-made results for the article's cells."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy

from symrnn._errors import ShapeError
from symrnn.bounds import term_suprema
from symrnn.cells import get_cell
from symrnn.custom import (analyze, compile_cell, define_cell, load_cell, run_property_test,
                           to_json, to_latex, to_text)
from symrnn.numeric import init_params, jacobian

ROOT = Path(__file__).resolve().parents[1]


def test_rnn_term_is_eq6_with_sup_one_attained():
    (t,) = analyze("rnn").terms
    assert t.expr == sympy.Symbol("U") * (1 - sympy.Symbol("h_t") ** 2)
    assert (t.bound.status, t.bound.bound, t.bound.attained, t.gates) == \
        ("sup", sympy.Abs(sympy.Symbol("U")), True, 1)


@pytest.mark.parametrize("cell", ["gru", "mgu", "gru_torch"])
def test_single_state_terms_agree_with_terms_py_where_both_are_exact(cell):
    ours = {str(t.expr): t.bound for t in analyze(cell).terms}
    for ts in term_suprema(cell):
        if ts.factor is None or ours[str(ts.expr)].status != "sup":
            continue
        b = ours[str(ts.expr)]
        assert sympy.simplify(b.formula - ts.factor_formula) == 0
        assert b.attained == ts.attained


def test_lstm_c_block_matches_eq8_term_split_and_bounds():
    a = analyze("lstm")
    cc = a.block_terms("c", "c")
    assert [str(t.expr) for t in cc] == ["f_t"] and cc[0].bound.formula == 1
    ch = {str(t.expr): t for t in a.block_terms("c", "h")}
    assert ch["U_f*c_{t-1}*f_t*(1 - f_t)"].bound.infinite  # c_{t-1} unbounded: eq9 needs o tanh
    assert ch["U_i*chat_t*i_t*(1 - i_t)"].bound.formula == sympy.Rational(1, 4)
    assert ch["U_i*chat_t*i_t*(1 - i_t)"].gates == 3


def test_invariants_reproduce_gru_h_bounded_and_not_lstm_c():
    assert analyze("gru").invariants.evidence["bounded_states"] == ["h"]
    assert analyze("lstm").invariants.evidence["bounded_states"] == ["h"]
    assert analyze("variant").invariants.evidence["bounded_states"] == ["h", "c"]
    assert analyze("relu_rnn").invariants.status == "unknown"


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "variant", "gru_torch"])
def test_compiled_jacobian_matches_numeric_package(cell):
    rng = np.random.default_rng(1)
    p = init_params(cell, m=2, n=3, rng=rng)
    c = get_cell(cell)
    x = rng.normal(size=(4, 2))
    state = tuple(rng.uniform(-1, 1, size=(4, 3)) for _ in c.states)
    got = compile_cell(c).jacobian(p, x, state)
    want = jacobian(cell, p, x, state if len(state) > 1 else state[0])
    np.testing.assert_allclose(got, want, rtol=1e-13, atol=1e-14)


def test_compiled_step_rejects_wrong_shapes():
    comp = compile_cell("rnn")
    p = {"W": np.zeros((3, 2)), "U": np.zeros((3, 2)), "b": np.zeros(3)}
    with pytest.raises(ShapeError, match=r"params\['U'\] has shape \(3, 2\); expected \(n, n\)"):
        comp.step(p, np.zeros((1, 2)), (np.zeros((1, 3)),))


def test_property_test_catches_a_wrong_jacobian(monkeypatch):
    cell = get_cell("rnn")
    assert run_property_test(cell).passed
    from symrnn.custom import analysis
    real = analysis.CompiledCell.jacobian
    monkeypatch.setattr(analysis.CompiledCell, "jacobian",
                        lambda self, *a: real(self, *a) * 1.001)
    res = run_property_test(cell)
    assert not res.passed and res.max_abs_error > 1e-4


def test_user_cell_end_to_end():
    x, h_prev, W, U, b, u = sympy.symbols("x h_prev W U b u")
    cell = define_cell("leaky", states=["h"], params={"W": "W", "U": "U", "b": "b", "u": "b"},
                       gates={"z": sympy.tanh(W * x + U * h_prev + b)},
                       updates={"h": u * h_prev + sympy.Symbol("z")})
    a = analyze(cell)
    assert {str(t.expr) for t in a.terms} == {"u", "U*(1 - z_t**2)"}
    assert run_property_test(cell).passed


def test_reports_render_from_the_same_analysis():
    a = analyze(load_cell(ROOT / "examples/cells/lstm.toml"))
    data = json.loads(json.dumps(to_json(a)))
    assert [b["of"] + "/" + b["wrt"] for b in data["blocks"]] == \
        ["h_t/h_(t-1)", "h_t/c_(t-1)", "c_t/h_(t-1)", "c_t/c_(t-1)"]
    assert "diag(f_t)" in to_text(a) and r"\operatorname{diag}" in to_latex(a)


@pytest.mark.parametrize("flag, marker", [("", "state invariants"), ("--json", '"blocks"'),
                                          ("--latex", r"\begin{align}")])
def test_cli_analyze_example(flag, marker):
    run = subprocess.run([sys.executable, "-m", "symrnn.custom.cli",
                          str(ROOT / "examples/cells/variant.toml"), *([flag] if flag else [])],
                         capture_output=True, text=True)
    assert run.returncode == 0 and marker in run.stdout


@pytest.mark.parametrize("module", ["define", "toml_format", "analysis"])
def test_module_docstring_examples(module):
    import doctest
    import importlib
    mod = importlib.import_module(f"symrnn.custom.{module}")
    assert doctest.testmod(mod).failed == 0


# --- issue 16: exact labels, no crash --------------------------------------------------------

from symrnn import LimitError, TimeLimitError  # noqa: E402
from symrnn.custom import loads_cell  # noqa: E402


def _toml(gates: str, updates: str, params: str, states: str = '["h"]', path: str = "") -> str:
    return (f'[cell]\nname = "t"\nstates = {states}\n[params]\n{params}\n[gates]\n{gates}\n'
            f"[updates]\n{updates}\n{path}")


def test_a_bias_used_twice_in_its_own_gate_is_not_private_so_the_bound_is_upper():
    # f = sigmoid(b_f - b_f**2) <= sigmoid(1/4) < 0.57: 1 is an upper bound, not the sup
    cell = loads_cell(_toml('f = "sigmoid(b_f - b_f**2)"', 'c = "f*c_prev"',
                            'vector = ["b_f"]', '["c"]'))
    (t,) = analyze(cell).terms
    assert t.bound.status == "upper" and "f_t" in t.bound.reason
    once = loads_cell(_toml('f = "sigmoid(2*b_f + h_prev)"', 'h = "f*h_prev"',
                            'vector = ["b_f"]'))
    assert analyze(once).terms[0].bound.status == "sup"


def test_a_gate_at_both_t_and_t_minus_1_on_a_path_gives_an_upper_bound():
    # f = sigmoid(b_f) is one number at every step: (1 - f_t) f_{t-1} <= 1/4, not 1
    cell = loads_cell(_toml(
        'f = "sigmoid(b_f)"\nchat = "tanh(U_c*h_prev + b_c)"',
        'c = "f*c_prev + (1 - f)*chat"\nh = "f*c"',
        'recurrent_matrix = ["U_c"]\nvector = ["b_f", "b_c"]', '["h", "c"]',
        '[path]\nof = "c"\nsubstitute = { h = "f_prev*c_prev" }\n'))
    main, second = analyze(cell).path_terms
    assert main.bound.status == "sup"
    assert second.bound.status == "upper" and second.bound.attained is None
    assert "f at both t and t-1" in second.bound.reason


@pytest.mark.parametrize("gates, updates, expected", [
    # (1 - h_t^2) g U with g = exp(...) > 0: bounded in truth (g sech^2 g <= g*), so only an
    # upper bound (here infinite) may be claimed, never "sup oo"
    ('g = "exp(U*h_prev + b)"', 'h = "tanh(g)"', {"secondary": ("upper", sympy.oo)}),
    # g h_{t-1} with g = relu(...): the main term g is unbounded above, its sup is oo
    ('g = "relu(U*h_prev + b)"', 'h = "g*h_prev"', {"main": ("sup", sympy.oo)}),
    # 1/(1 + g) with g in (0, 1): sup 1, approached as g -> 0, not attained
    ('g = "sigmoid(U*h_prev + b)"', 'h = "h_prev/(1 + g)"', {"main": ("sup", 1)}),
    ('g = "sigmoid(U*h_prev + b)"', 'h = "exp(g)*h_prev"', {"main": ("unknown", None)}),
    ('g = "sigmoid(U*h_prev + b)"', 'h = "(g*h_prev)**(1/2)"', {"main": ("unknown", None)}),
    ('g = "sigmoid(U*h_prev + b)"', 'h = "tanh(U*h_prev + b)/h_prev"', {"main": ("unknown", None)}),
])
def test_cells_with_unbounded_gates_or_non_polynomial_updates_are_analysed(gates, updates,
                                                                          expected):
    a = analyze(loads_cell(_toml(gates, updates, 'recurrent_matrix = ["U"]\nvector = ["b"]')))
    assert a.terms and a.invariants.status in ("proved", "unknown")
    for role, (status, value) in expected.items():
        bound = next(t for t in a.terms if t.role == role).bound
        assert bound.status == status, (role, bound)
        if value is not None:
            assert sympy.sympify(bound.formula) == value, (role, bound)
    main = [t for t in a.terms if t.role == "main"]
    if "h_prev/(1 + g)" in updates:
        assert main[0].bound.attained is False  # the sup 1 is approached, not attained


def test_an_exp_gate_is_unbounded_and_says_so():
    a = analyze(loads_cell(_toml('g = "exp(b)"', 'h = "g*h_prev"', 'vector = ["b"]')))
    main = next(t for t in a.terms if t.role == "main")
    assert main.bound.infinite and main.bound.status == "sup" and main.bound.attained is False


def test_the_vertex_lemma_gives_up_beyond_its_variable_limit_instead_of_enumerating():
    from symrnn.bounds.invariants import multilinear_range

    syms = sympy.symbols("a0:17")
    with pytest.raises(LimitError, match="max_vertex_variables=16"):
        multilinear_range(sympy.Add(*syms), {s: (0, 1) for s in syms})


def test_analyze_has_a_wall_clock_budget():
    with pytest.raises(TimeLimitError, match="analyze lstm took longer"):
        analyze("lstm", timeout=0.01)
