"""define_cell: good cells build; every broken rule is one SymrnnError naming field and fix."""

from __future__ import annotations

import pytest
import sympy
from sympy import Abs, Function, sin, symbols, tanh

from symrnn._errors import ShapeError, SymrnnError, UnsupportedFunctionError
from symrnn.activations import sigmoid
from symrnn.cells import get_cell
from symrnn.custom import CellDefinitionError, check_cell, define_cell
from symrnn.derivation import derive

x, h_prev, c_prev, h, f, g = symbols("x h_prev c_prev h f g")
W, U, V, b, q = symbols("W U V b q")
PARAMS = {"W": "input_matrix", "U": "recurrent_matrix", "b": "vector"}


def rnn_like(update, params=PARAMS, gates=None, states=("h",)):
    return define_cell("mine", states=list(states), updates={"h": update}, params=params,
                       gates=gates)


def test_elman_cell_matches_catalog_rnn_jacobian():
    cell = rnn_like(tanh(W * x + U * h_prev + b))
    assert derive(cell).matrix == derive(get_cell("rnn")).matrix


def test_gates_are_topologically_ordered():
    cell = define_cell("two", states=["h"], params={"W": "W", "U": "U", "b": "b"},
                       gates={"g": f * 2, "f": sigmoid(W * x + U * h_prev + b)},
                       updates={"h": g * h_prev})
    assert [str(s) for s, _ in cell.definitions] == ["f_t", "g_t", "h_t"]


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "mgu", "variant", "gru_torch"])
def test_catalog_cells_pass_the_rules(cell):
    assert check_cell(get_cell(cell)) is get_cell(cell)


BAD = [
    ("unknown symbol", dict(update=tanh(W * x + U * h_prev + q)), CellDefinitionError,
     ["updates.h", "unknown symbol(s) q", "declare a parameter"]),
    ("self reference", dict(update=h_prev, gates={"f": sigmoid(f + b)}),
     CellDefinitionError, ["gates.f", "in terms of itself"]),
    ("cycle", dict(update=f * h_prev + 0 * b, gates={"f": g, "g": f}), CellDefinitionError,
     ["circular definition", "f -> g -> f"]),
    ("not differentiable", dict(update=Abs(U * h_prev) + W * x + b), UnsupportedFunctionError,
     ["not differentiable", "Abs"]),
    ("unsupported function", dict(update=sin(U * h_prev + W * x + b)),
     UnsupportedFunctionError, ["function sin", "not supported"]),
    ("undefined function", dict(update=Function("sigma")(U * h_prev + W * x + b)),
     UnsupportedFunctionError, ["sigma", "symrnn.activations.sigmoid"]),
    ("symbolic exponent", dict(update=h_prev ** b + W * x + U * h_prev), UnsupportedFunctionError,
     ["only number exponents"]),
    ("matrix alone", dict(update=U + W * x + b), ShapeError, ["outside a product"]),
    ("two matrices", dict(update=tanh(U * W * x + b), params={**PARAMS, "U": "U"}),
     ShapeError, ["multiplies the matrices", "one matrix"]),
    ("matrix on scalar", dict(update=tanh(U * 2 + W * x + b)), ShapeError,
     ["acts on 2, which is a number"]),
    ("input matrix on state", dict(update=tanh(W * h_prev + U * h_prev + b + 0 * x)),
     ShapeError, ["W is an input matrix", "change its kind"]),
    ("x elementwise", dict(update=tanh(W * x + U * h_prev + b) * x), ShapeError,
     ["x may only appear inside an input-matrix product"]),
    ("recurrent matrix on x", dict(update=tanh(U * x + W * x + b)), ShapeError,
     ["U is a recurrent matrix"]),
    ("unused parameter", dict(update=tanh(W * x + U * h_prev + b),
                              params={**PARAMS, "V": "recurrent_matrix"}),
     CellDefinitionError, ["params.V", "used nowhere"]),
    ("bad kind", dict(update=tanh(W * x + b), params={"W": "matrix", "b": "vector"}),
     CellDefinitionError, ["params.W", "kind='matrix'"]),
    ("reserved name", dict(update=h_prev, gates={"tanh": h_prev}), SymrnnError,
     ["gates.tanh", "reserved"]),
    ("not sympy", dict(update="tanh(h_prev)"), CellDefinitionError,
     ["not a SymPy expression"]),
    ("complex number", dict(update=sympy.I * h_prev + W * x + U * h_prev + b),
     CellDefinitionError, ["not a finite real number"]),
]


@pytest.mark.parametrize("case, kwargs, error, words", BAD, ids=[b[0] for b in BAD])
def test_bad_definition_is_rejected_with_field_and_fix(case, kwargs, error, words):
    with pytest.raises(error) as info:
        rnn_like(**kwargs)
    assert isinstance(info.value, SymrnnError)
    for w in words:
        assert w in str(info.value)


def test_state_without_update():
    with pytest.raises(CellDefinitionError, match=r"updates.c: state 'c' has no update"):
        define_cell("m", states=["h", "c"], updates={"h": tanh(W * x + U * h_prev + b)},
                    params=PARAMS)


def test_update_for_unknown_state():
    with pytest.raises(CellDefinitionError, match=r"'c' is not a state"):
        define_cell("m", states=["h"], params=PARAMS,
                    updates={"h": tanh(W * x + U * h_prev + b), "c": h})


def test_name_used_twice():
    with pytest.raises(CellDefinitionError, match=r"both a state and a gate"):
        define_cell("m", states=["h"], params=PARAMS, gates={"h": b},
                    updates={"h": tanh(W * x + U * h_prev + b)})


def test_new_state_may_feed_a_later_state_but_not_itself():
    cell = define_cell("two", states=["h", "c"], params=PARAMS,
                       updates={"h": tanh(sympy.Symbol("c")), "c": tanh(W * x + U * h_prev + b)
                                + c_prev})
    assert [str(s) for s, _ in cell.definitions] == ["c_t", "h_t"]
