"""Every printed-equation check can fail: mutants of the article's forms (a sign flipped,
a factor dropped, two gates swapped, an exponent changed, two weight matrices swapped)
come back refuted, with a witness that an independent 80-digit evaluation confirms."""

from __future__ import annotations

import pytest
import sympy

from symrnn import article_derivative, check_identity, get_cell, printed, sigmoid
from symrnn.cells import Cell
from symrnn.cells._base import prev_sym, t_sym
from symrnn.claims import formula4
from symrnn.claims.equations import check_against_derivation, check_definition
from strategies import rechecks_witness

S = sympy.Symbol


def flip_signs(e: sympy.Expr) -> list[sympy.Expr]:
    """One mutant per additive term of every sum: that term's sign flipped."""
    out = []
    for node in sympy.preorder_traversal(e):
        if node.is_Add:
            for a in node.args:
                out.append(e.xreplace({node: node - 2 * a}))
    return out


def drop_factors(e: sympy.Expr) -> list[sympy.Expr]:
    """One mutant per non-numeric factor of every product: that factor dropped."""
    out = []
    for node in sympy.preorder_traversal(e):
        if node.is_Mul:
            for a in node.args:
                if not a.is_Number:
                    out.append(e.xreplace({node: node / a}))
    return out


def change_exponents(e: sympy.Expr) -> list[sympy.Expr]:
    return [e.xreplace({node: node.base ** (node.exp + 1)})
            for node in sympy.preorder_traversal(e) if node.is_Pow and node.exp.is_Integer]


def swap(e: sympy.Expr, a: sympy.Expr, b: sympy.Expr) -> sympy.Expr:
    return e.xreplace({a: b, b: a})


#: eq → (cell whose derivation expands it, two gates to swap, two matrices to swap)
CASES = {
    "eq6": ("rnn", (t_sym("h"), prev_sym("h")), (S("U"), S("W"))),
    "eq9": ("lstm", (t_sym("f"), t_sym("i")), (S("U_f"), S("U_i"))),
    "eq10a": ("lstm", (t_sym("i"), t_sym("o")), (S("U_i"), S("U_f"))),
    "eq10b": ("lstm", (t_sym("i"), t_sym("f")), (S("U_c"), S("U_f"))),
    "eq13": ("gru", (t_sym("z"), t_sym("r")), (S("U_z"), S("U_r"))),
}


def mutants(eq: str) -> dict[str, sympy.Expr]:
    form = printed(eq)
    _, gates, mats = CASES[eq]
    out: dict[str, sympy.Expr] = {}
    for kind, family in (("sign", flip_signs(form)), ("drop", drop_factors(form)),
                         ("exponent", change_exponents(form))):
        for k, m in enumerate(family):
            out[f"{kind}-{k}"] = m
    out["gates-swapped"] = swap(form, *gates)
    out["matrices-swapped"] = swap(form, *mats)
    return {k: m for k, m in out.items() if sympy.expand(m - form) != 0}


@pytest.mark.parametrize("eq", sorted(CASES))
def test_each_printed_form_has_at_least_five_kinds_of_mutant(eq):
    kinds = {k.split("-")[0] for k in mutants(eq)}
    assert kinds >= {"sign", "drop", "exponent", "gates", "matrices"}


@pytest.mark.parametrize("eq, name, mutant",
                         [(eq, k, m) for eq in sorted(CASES) for k, m in mutants(eq).items()])
def test_a_mutant_of_a_printed_form_is_refuted_with_a_rechecked_witness(eq, name, mutant):
    v = check_against_derivation(eq, mutant)
    assert v.status == "refuted", (name, mutant)
    d = article_derivative(CASES[eq][0])
    assert rechecks_witness(d.expand(printed(eq)), d.expand(mutant), v.witness)


@pytest.mark.parametrize("eq", sorted(CASES))
def test_the_printed_form_itself_is_proved(eq):
    assert check_against_derivation(eq).status == "proved"


@pytest.mark.parametrize("eq", ["eq4a", "eq4b", "eq4c", "eq4d"])
def test_mutants_of_the_formulas_4_are_refuted(eq):
    lhs, rhs = formula4(eq)
    family = flip_signs(rhs) + drop_factors(rhs) + change_exponents(rhs)
    family.append(rhs.replace(sympy.tanh, lambda a: sympy.tanh(2 * a)))
    family.append(rhs.replace(sigmoid, lambda a: sigmoid(2 * a)))
    family.append(rhs.replace(sigmoid, sympy.tanh) if rhs.has(sigmoid)    # σ ↔ tanh
                  else rhs.replace(sympy.tanh, sigmoid))
    family = [m for m in family if sympy.expand(m - rhs) != 0]
    assert len(family) >= 5
    for m in family:
        v = check_identity(lhs, m)
        assert v.status == "refuted", m
        assert rechecks_witness(lhs, m, v.witness)


def _mutated_cell(cell: Cell, symbol: sympy.Symbol, expr: sympy.Expr) -> Cell:
    defs = tuple((s, expr if s == symbol else e) for s, e in cell.definitions)
    return Cell(cell.name, cell.title, cell.equation, cell.states, cell.gates, defs,
                cell.params)


@pytest.mark.parametrize("eq, cell, symbol, mutate", [
    ("eq7", "lstm", "c_t", lambda e: swap(e, t_sym("f"), t_sym("i"))),
    ("eq7", "lstm", "f_t", lambda e: swap(e, S("U_f"), S("U_i"))),
    ("eq11", "gru", "h_t", lambda e: swap(e, t_sym("z"), 1 - t_sym("z"))),
    ("eq11", "gru", "hhat_t", lambda e: e.xreplace({t_sym("r"): 1})),
    ("eq14", "variant", "h_t", lambda e: e.xreplace({t_sym("r"): t_sym("z")})),
    ("eq5", "rnn", "h_t", lambda e: e.replace(sympy.tanh, lambda a: sympy.tanh(2 * a))),
])
def test_a_cell_that_differs_from_the_article_is_refuted(eq, cell, symbol, mutate):
    c = get_cell(cell)
    s = S(symbol)
    v = check_definition(eq, _mutated_cell(c, s, mutate(c.definition(s))))
    assert v.status == "refuted"
    assert v.witness
