"""Branch-and-bound and interval Newton: rigorous answers, and refusal when not certain."""

from __future__ import annotations

from fractions import Fraction

import pytest
import sympy

from symrnn import InvalidArgumentError
from symrnn.bounds._branch import maximize, newton_root, prove_upper_bound
from symrnn.bounds._interval import compile_enclosure
from symrnn.verify.arb import working_precision

c = sympy.Symbol("c")
G = c * (1 - sympy.tanh(c) ** 2)
g, dg = compile_enclosure(G, [c]), compile_enclosure(sympy.diff(G, c), [c])
# the exact supremum, from the closed form c* - 1/(4c*) (computed independently below)
GSTAR = Fraction("0.4477432046943028491783")


@pytest.mark.parametrize("df", [dg, None], ids=["mean-value", "natural"])
def test_maximize_encloses_the_known_supremum(df):
    with working_precision(128):
        r = maximize(g, Fraction(0), Fraction(2), df=df, width=Fraction(1, 10**5))
    assert r.complete and r.lower <= GSTAR <= r.upper and r.width <= Fraction(1, 10**5)


def test_mean_value_maximize_reaches_width_1e_15():
    with working_precision(128):
        r = maximize(g, Fraction(0), Fraction(2), df=dg)
    assert r.complete and r.width <= Fraction(1, 10**15)
    assert r.lower <= GSTAR <= r.upper


def test_natural_bisection_is_incomplete_when_its_budget_runs_out():
    with working_precision(128):
        r = maximize(g, Fraction(0), Fraction(2), width=Fraction(1, 10**15), max_boxes=500)
    assert not r.complete and r.lower <= GSTAR <= r.upper  # still rigorous, just wide


def test_prove_upper_bound_covers_the_interval_in_order():
    with working_precision(128):
        cov = prove_upper_bound(g, Fraction(0), Fraction(2), Fraction(45, 100), df=dg)
    assert cov is not None
    assert cov.boxes[0][0] == 0 and cov.boxes[-1][1] == 2
    assert all(a[1] == b[0] for a, b in zip(cov.boxes, cov.boxes[1:]))
    assert max(cov.uppers) < Fraction(45, 100)


@pytest.mark.parametrize("bound", ["0.447", "0.4477432046943028"])
def test_prove_upper_bound_rejects_a_false_bound(bound):
    with working_precision(128):
        assert prove_upper_bound(g, Fraction(0), Fraction(2), Fraction(bound), df=dg) is None


def test_newton_brackets_the_critical_point_tightly():
    E = 2 * c * sympy.tanh(c) - 1
    F, dF = compile_enclosure(E, [c]), compile_enclosure(sympy.diff(E, c), [c])
    with working_precision(128):
        a, b = newton_root(F, dF, Fraction(1, 2), Fraction(1), width=Fraction(1, 10**30))
    assert b - a <= Fraction(1, 10**30)
    star = (a + b) / 2
    assert abs(star - 1 / (4 * star) - GSTAR) < Fraction(1, 10**20)  # g(c*) = c* - 1/(4c*)


def test_newton_refuses_a_box_without_a_certified_sign_change():
    E = 2 * c * sympy.tanh(c) - 1
    F, dF = compile_enclosure(E, [c]), compile_enclosure(sympy.diff(E, c), [c])
    with pytest.raises(InvalidArgumentError, match="opposite signs"):
        newton_root(F, dF, Fraction(1), Fraction(2))
    with pytest.raises(InvalidArgumentError, match="encloses 0"):
        newton_root(F, dF, Fraction(-1), Fraction(1))


def test_maximize_rejects_a_singular_interval():
    f = compile_enclosure(1 / c, [c])
    with pytest.raises(InvalidArgumentError, match="not finite"):
        maximize(f, Fraction(-1), Fraction(1))
