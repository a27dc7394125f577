"""The linear-sech2 tail lemma: hypotheses checked, constant rigorous, matches only its form."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
import sympy
from hypothesis import given, strategies as st

from symrnn import InvalidArgumentError
from symrnn.bounds._interval import point
from symrnn.bounds._tails import LinearSech2Tail

x = sympy.Symbol("x")


def test_T_below_the_monotonicity_threshold_is_rejected():
    with pytest.raises(InvalidArgumentError, match="T=1/4"):
        LinearSech2Tail(Fraction(0), Fraction(1, 4))


def test_matches_its_template_and_its_negative_only():
    lemma = LinearSech2Tail(Fraction(1, 2), Fraction(1))
    assert lemma.matches((x - sympy.Rational(1, 2)) * (1 - sympy.tanh(x) ** 2), x)
    assert lemma.matches((sympy.Rational(1, 2) - x) * (1 - sympy.tanh(x) ** 2), x)
    assert not lemma.matches(x * (1 - sympy.tanh(x) ** 2), x)
    assert not lemma.matches((x - sympy.Rational(1, 2)) * (1 - sympy.tanh(x)), x)


@given(a=st.fractions(-3, 3, max_denominator=16), T=st.integers(1, 8),
       d=st.floats(0, 30), sign=st.sampled_from([-1, 1]))
def test_the_tail_constant_bounds_the_function_beyond_T(a, T, d, sign):
    lemma = LinearSech2Tail(a, Fraction(T))
    mpmath.mp.dps = 30
    xv = sign * (T + mpmath.mpf(d))
    val = abs(xv - mpmath.mpf(a.numerator) / a.denominator) * mpmath.sech(xv) ** 2
    assert val <= mpmath.mpf(lemma.bound().upper().str(30, radius=False))


def test_beyond_finds_a_T_whose_constant_is_below_the_target():
    lemma = LinearSech2Tail.beyond(Fraction(0), Fraction(45, 100))
    target = point(Fraction(45, 100))
    assert lemma.bound() < target
    assert not LinearSech2Tail(Fraction(0), lemma.T / 2).bound() < target  # smallest power of 2
    with pytest.raises(InvalidArgumentError):
        LinearSech2Tail.beyond(Fraction(0), Fraction(0))
