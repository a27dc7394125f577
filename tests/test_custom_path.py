"""A user cell's article-style path: ∂of_t/∂wrt_{t-1} with previous states written out.

The LSTM's c-path from a cell file reproduces eq (9)'s certified (g*/4)|U_f| — the same
bounds as the hand-made :func:`symrnn.bounds.term_suprema` — where the Jacobian block alone
gives c_{t-1} f(1-f) U_f with an unbounded supremum.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sympy

from symrnn._errors import CellFileError, InvalidArgumentError, SymrnnError
from symrnn.activations import sigmoid
from symrnn.bounds import term_suprema
from symrnn.cells import CellPath, get_cell
from symrnn.custom import (analyze, check_cell, define_cell, load_cell, loads_cell, to_json,
                           to_latex, to_text)
from symrnn.derivation import article_derivative, path_derivative

ROOT = Path(__file__).resolve().parents[1]
CPATH = ROOT / "examples/cells/lstm_cpath.toml"
o_prev, c_prev, r_prev = sympy.symbols("o_prev c_prev r_prev")
H_SUB = {"h": o_prev * sympy.tanh(c_prev)}
LSTM_PATH = {"of": "c", "wrt": "c", "substitute": H_SUB}


def _same_as_term_suprema(terms, cell):
    ref = term_suprema(cell)
    assert [str(t.expr) for t in terms] == [str(r.expr) for r in ref]
    for t, r in zip(terms, ref):
        assert t.role == r.role and t.label == r.label
        assert t.bound.status == "sup", t.bound.reason
        assert sympy.simplify(t.bound.formula - r.factor_formula) == 0
        assert t.bound.weight == r.weight and t.bound.attained == r.attained


def test_lstm_cpath_file_gives_every_eq8_term_with_term_suprema_bounds():
    _same_as_term_suprema(analyze(load_cell(CPATH)).path_terms, "lstm")


def test_lstm_cpath_eq9_term_is_gstar_over_4_times_abs_U_f_where_the_block_is_unbounded():
    a = analyze(load_cell(CPATH))
    eq9 = a.path_terms[1]
    U_f, g = sympy.Symbol("U_f"), sympy.Symbol("g_star", positive=True)
    assert eq9.bound.bound == g / 4 * sympy.Abs(U_f) and eq9.bound.status == "sup"
    assert eq9.bound.factor.overlaps(term_suprema("lstm")[1].factor)
    assert eq9.gates == 4
    block = {str(t.expr): t for t in a.block_terms("c", "h")}
    assert block["U_f*c_{t-1}*f_t*(1 - f_t)"].bound.infinite


def test_python_api_path_equals_the_file_path():
    plain = load_cell(ROOT / "examples/cells/lstm.toml")
    via_analyze = analyze(plain, path=LSTM_PATH)
    from_file = analyze(load_cell(CPATH))
    assert [t.expr for t in via_analyze.path_terms] == [t.expr for t in from_file.path_terms]
    assert [t.bound.bound for t in via_analyze.path_terms] == \
        [t.bound.bound for t in from_file.path_terms]
    assert analyze(plain).path is None and analyze(plain).path_terms == ()


def test_define_cell_path_is_stored_and_revalidated():
    x, h_prev, W, U, b, Wo, Uo, bo = sympy.symbols("x h_prev W U b W_o U_o b_o")
    c, o = sympy.symbols("c o")
    cell = define_cell("tiny", states=["h", "c"],
                       gates={"o": sigmoid(Wo * x + Uo * h_prev + bo)},
                       updates={"c": sympy.tanh(W * x + U * h_prev + b) + c_prev / 2,
                                "h": o * sympy.tanh(c)},
                       params={"W": "W", "U": "U", "b": "b", "W_o": "W", "U_o": "U", "b_o": "b"},
                       path=LSTM_PATH)
    o1, c1 = sympy.Symbol("o_{t-1}"), sympy.Symbol("c_{t-1}")
    assert cell.path == CellPath("c", "c", (("h", o1 * sympy.tanh(c1)),))
    assert check_cell(cell) is cell
    a = analyze(cell)
    assert a.path.substitutions == {sympy.Symbol("h_{t-1}"): o1 * sympy.tanh(c1)}
    assert sympy.simplify(a.path.expand(a.path.expr) - a.path.direct()) == 0


def test_variant_path_in_a_file_matches_the_article_eq14_bounds():
    text = (ROOT / "examples/cells/variant.toml").read_text() + \
        '\n[path]\nof = "c"\nsubstitute = { h = "r_prev*c_prev" }\n'
    _same_as_term_suprema(analyze(loads_cell(text)).path_terms, "variant")


@pytest.mark.parametrize("cell, subs", [
    ("lstm", {"h": sympy.Symbol("o_{t-1}") * sympy.tanh(sympy.Symbol("c_{t-1}"))}),
    ("variant", {sympy.Symbol("h_{t-1}"): sympy.Symbol("r_{t-1}") * sympy.Symbol("c_{t-1}")}),
])
def test_path_derivative_is_what_article_derivative_gives(cell, subs):
    d, ref = path_derivative(cell, "c", "c", subs), article_derivative(cell)
    assert [t.expr for t in d.terms] == [t.expr for t in ref.terms]
    assert [t.label for t in d.terms] == [t.label for t in ref.terms]
    assert sympy.simplify(d.expand(d.expr) - d.direct()) == 0


def test_article_derivative_of_a_cell_with_a_path_is_that_path():
    d = article_derivative(load_cell(CPATH))
    assert [str(t.expr) for t in d.terms] == [str(t.expr) for t in article_derivative("lstm").terms]


def test_a_previous_gate_coupled_to_a_previous_state_gives_an_upper_bound_not_a_sup():
    x, h_prev, W, U, b, Wz, Uz, bz = sympy.symbols("x h_prev W U b W_z U_z b_z")
    z, c, chat = sympy.symbols("z c chat")
    z_prev = sympy.Symbol("z_prev")
    cell = define_cell("coupled", states=["h", "c"],
                       gates={"z": sigmoid(Wz * x + Uz * h_prev + bz),
                              "chat": sympy.tanh(W * x + U * h_prev + b)},
                       updates={"c": (1 - z) * c_prev + z * chat, "h": z * c},
                       params={"W": "W", "U": "U", "b": "b", "W_z": "W", "U_z": "U", "b_z": "b"},
                       path={"of": "c", "substitute": {"h": z_prev * c_prev}})
    terms = analyze(cell).path_terms
    coupled = [t for t in terms if sympy.Symbol("z_{t-1}") in t.expr.free_symbols
               and sympy.Symbol("c_{t-1}") in t.expr.free_symbols]
    assert coupled and all(t.bound.status == "upper" for t in coupled)
    assert all("not independent" in t.bound.reason for t in coupled)


def test_reports_show_the_path():
    a = analyze(load_cell(CPATH))
    data = json.loads(json.dumps(to_json(a)))
    assert data["path"]["of"] == "c_t" and data["path"]["wrt"] == "c_(t-1)"
    assert data["path"]["substitutions"] == {"h_{t-1}": "o_{t-1}*tanh(c_{t-1})"}
    assert data["path"]["terms"][1]["bound"]["bound"] == "g_star*Abs(U_f)/4"
    assert "path dc_t/dc_(t-1)   with h_{t-1} = o_{t-1}*tanh(c_{t-1})" in to_text(a)
    assert r"o_{t-1}" in to_latex(a)
    assert to_json(analyze(load_cell(ROOT / "examples/cells/lstm.toml")))["path"] is None


def test_cli_analyze_prints_the_path():
    run = subprocess.run([sys.executable, "-m", "symrnn.custom.cli", str(CPATH)],
                         capture_output=True, text=True)
    assert run.returncode == 0 and "sup g_star*Abs(U_f)/4, not attained" in run.stdout


HEAD = CPATH.read_text().split("\n[path]\n")[0] + "\n"


@pytest.mark.parametrize("path_text, field, words", [
    ('of = "q"\n', "path.of", "'q' is not a state"),
    ('of = "c"\nwrt = "f"\n', "path.wrt", "'f' is not a state"),
    ('of = "c"\nwrt = 3\n', "path.wrt", "must be a state name"),
    ('wrt = "c"\n', "path.of", "missing"),
    ('of = "c"\nvia = "h"\n', "path.via", "unknown key"),
    ('of = "c"\nsubstitute = 3\n', "path.substitute", "must be a table"),
    ('of = "c"\n[path.substitute]\no = "o_prev"\n', "path.substitute.o", "'o' is not a state"),
    ('of = "c"\n[path.substitute]\nc = "c_prev"\n', "path.substitute.c", "differentiated by"),
    ('of = "c"\n[path.substitute]\nh = "q_prev*tanh(c_prev)"\n', "path.substitute.h",
     "unknown symbol(s) q_prev"),
    ('of = "c"\n[path.substitute]\nh = "o*tanh(c_prev)"\n', "path.substitute.h",
     "not a previous-step quantity"),
    ('of = "c"\n[path.substitute]\nh = "W_o*tanh(c_prev)"\n', "path.substitute.h",
     "not a previous-step quantity"),
    ('of = "c"\n[path.substitute]\nh = "f_prev*tanh(c_prev)"\n', "path.substitute.h",
     "is not h's update one step back"),
    ('of = "c"\n[path.substitute]\nh = "o_prev.real"\n', "path.substitute.h",
     "attribute access"),
    ('of = "c"\n[path.substitute]\nh = "__import__(\'os\')"\n', "path.substitute.h",
     "rejected"),
    ('of = "c"\n[path.substitute]\nh = "abs(c_prev)"\n', "path.substitute.h",
     "not a whitelisted function"),
])
def test_bad_path_names_field_and_line(path_text, field, words):
    text = HEAD + "[path]\n" + path_text
    with pytest.raises(CellFileError) as info:
        loads_cell(text, "p.toml")
    err = info.value
    assert err.field == field and words in str(err), str(err)
    lines = text.splitlines()
    assert err.line > lines.index("[path]") and str(err).startswith(f"p.toml:{err.line}:")
    key = field.split(".")[-1]
    if key not in ("of", "path"):
        assert lines[err.line - 1].startswith(key)


@pytest.mark.parametrize("path, field, words", [
    ({"of": "q"}, "path.of", "is not a state"),
    ({"of": "c", "substitute": {"x": o_prev}}, "path.substitute.x", "not a state"),
    ({"of": "c", "substitute": {"h": "o_prev*tanh(c_prev)"}}, "path.substitute.h",
     "not a SymPy expression"),
    ({"of": "c", "substitute": {"h": sympy.Symbol("zz") * c_prev}}, "path.substitute.h",
     "unknown symbol(s) zz"),
    ({"of": "c", "substitute": {"h": o_prev * sympy.Abs(c_prev)}}, "path.substitute.h",
     "not differentiable"),
    ("c", "path", "must be a mapping"),
])
def test_bad_python_path_raises_a_symrnn_error_naming_the_field(path, field, words):
    with pytest.raises(SymrnnError) as info:
        analyze(load_cell(ROOT / "examples/cells/lstm.toml"), path=path)
    assert info.value.field == field and words in str(info.value)


@pytest.mark.parametrize("kwargs, words", [
    ({"of": "q", "wrt": "c"}, "of='q' is not a state"),
    ({"of": "c", "wrt": "c", "substitutions": {"c": c_prev}}, "differentiated by"),
    ({"of": "c", "wrt": "c", "substitutions": {"h": sympy.Symbol("o_t")}}, "uses o_t"),
    ({"of": "c", "wrt": "c", "substitutions": {"h": "o"}}, "not a SymPy expression"),
])
def test_path_derivative_rejects_bad_arguments(kwargs, words):
    with pytest.raises(InvalidArgumentError, match=words.replace("(", r"\(")):
        path_derivative(get_cell("lstm"), **kwargs)
