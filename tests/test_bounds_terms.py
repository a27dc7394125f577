"""Suprema of every Jacobian term over admissible gates: exact rules and the table."""

from __future__ import annotations

import mpmath
import pytest
import sympy
from hypothesis import given, settings, strategies as st

from symrnn import UnsupportedFunctionError
from symrnn.bounds.terms import (
    CLOSED_STATE,
    GSTAR,
    K,
    OPEN_GATE,
    OPEN_TANH,
    REAL_LINE,
    _piecewise,
    comparison_table,
    group_sup,
    reset_factor_lemmas,
    term_suprema,
)
from symrnn.derivation import article_derivative

f, o, h, c, r, U_r = sympy.symbols("f o h c r U_r")


@pytest.mark.parametrize("expr, dom, sup, attained", [
    (f * (1 - f), {f: OPEN_GATE}, sympy.Rational(1, 4), True),
    (o, {o: OPEN_GATE}, 1, False),
    (1 - h**2, {h: OPEN_TANH}, 1, True),
    (h, {h: CLOSED_STATE}, 1, True),
    (h, {h: OPEN_TANH}, 1, False),
    (1 - sympy.tanh(c) ** 2, {c: REAL_LINE}, 1, True),
    (c * (1 - sympy.tanh(c) ** 2), {c: REAL_LINE}, GSTAR, True),
    (r * (1 + (1 - r) * h * 3), {r: OPEN_GATE, h: CLOSED_STATE}, sympy.Rational(4, 3), True),
])
def test_group_sup_exact_rules(expr, dom, sup, attained):
    val, att, _ = group_sup(expr, dom)
    assert val == sup and att == attained


def test_group_sup_refuses_what_it_cannot_do():
    with pytest.raises(UnsupportedFunctionError):
        group_sup(sympy.tanh(c), {c: REAL_LINE})
    with pytest.raises(UnsupportedFunctionError):
        group_sup(f * o * (1 - f * o), {f: OPEN_GATE, o: OPEN_GATE})


@pytest.mark.parametrize("kind, g", [("psi", r * (1 + (1 - r) * h * U_r)),
                                     ("chi", r**2 * (1 + (1 - r) * h * U_r))])
@pytest.mark.parametrize("k", [sympy.Rational(1, 3), sympy.Rational(7, 3), 4, 10])
def test_reset_factor_closed_forms_match_exact_maximisation_and_mpmath(kind, g, k):
    reset_factor_lemmas()
    dom = {r: OPEN_GATE, h: CLOSED_STATE}
    val, _, _ = group_sup(g.subs(U_r, k), dom)
    assert val == _piecewise(kind).subs(K, k)
    mpmath.mp.dps = 30
    fn = sympy.lambdify((r,), g.subs({U_r: k, h: 1}), "mpmath")
    grid = max(abs(fn(mpmath.mpf(j) / 4000)) for j in range(4001))
    assert grid <= float(val) + 1e-12 and grid >= float(val) - 1e-5


def test_table_has_every_term_of_every_cell():
    rows = comparison_table()
    for cell in ("rnn", "relu_rnn", "lstm", "gru", "mgu", "variant", "gru_torch"):
        labels = {r["label"] for r in rows if r["cell"] == cell}
        assert labels == {t.label for t in article_derivative(cell).terms}


def test_lstm_term_suprema_are_the_articles():
    eq8 = term_suprema("lstm")
    assert [str(t.factor_formula) for t in eq8] == ["1", "g_star/4", "1/4", "1"]
    assert [t.attained for t in eq8] == [False] * 4
    assert [str(t.weight) for t in eq8[1:]] == ["U_f", "U_i", "U_c"]


GATE = st.floats(1e-6, 1 - 1e-6)
TANH = st.floats(-1 + 1e-6, 1 - 1e-6)


@settings(max_examples=60, deadline=None)
@given(fv=GATE, iv=GATE, ov=GATE, chv=TANH, cv=st.floats(-30, 30))
def test_lstm_terms_never_exceed_their_supremum_at_admissible_points(fv, iv, ov, chv, cv):
    vals = {"f_t": fv, "i_t": iv, "o_{t-1}": ov, "chat_t": chv, "c_{t-1}": cv,
            "U_f": 1, "U_i": 1, "U_c": 1}
    for t in term_suprema("lstm"):
        subs = {s: vals[str(s)] for s in t.expr.free_symbols}
        value = abs(float(t.expr.subs(subs)))
        assert value <= float(t.factor.upper().str(20, radius=False)) + 1e-12
