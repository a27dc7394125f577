"""tanh-bounded-in-U: sup_U |(1 - tanh^2(a + U h)) U| = S(|a|)/|h|."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest
from hypothesis import given, settings, strategies as st

from symrnn import InvalidArgumentError
from symrnn.bounds.certificate import check_certificate
from symrnn.bounds.tanh_in_u import S, analytic_steps, tanh_in_u_sup
from symrnn.bounds.xsech2 import xsech2_supremum


def _mp_sup(a: Fraction, h: Fraction) -> mpmath.mpf:
    """Outside reference: maximise over U with mpmath from the analytic maximiser's side."""
    mpmath.mp.dps = 40
    A = mpmath.mpf(abs(a).numerator) / abs(a).denominator
    ys = mpmath.findroot(lambda y: 2 * (A + y) * mpmath.tanh(y) - 1, 0.5 / (A + 1) + 0.1)
    return (A + ys) * mpmath.sech(ys) ** 2 / (mpmath.mpf(abs(h).numerator) / abs(h).denominator)


def test_a_zero_is_exactly_the_xsech2_supremum_over_h():
    r = tanh_in_u_sup(0, Fraction(1, 4))
    g = xsech2_supremum().value
    assert Fraction(r["lower"]) <= Fraction(g.upper().str(30, radius=False)) * 4
    assert abs(Fraction(r["lower"]) - 4 * Fraction("0.44774320469430284917")) < Fraction(1, 10**15)


@settings(max_examples=25, deadline=None)
@given(a=st.fractions(-6, 6, max_denominator=8),
       h=st.fractions(-3, 3, max_denominator=8).filter(lambda v: v != 0))
def test_supremum_matches_mpmath_and_lies_between_the_general_bounds(a, h):
    r = tanh_in_u_sup(a, h)
    lo, hi = Fraction(r["lower"]), Fraction(r["upper"])
    ref = Fraction(mpmath.nstr(_mp_sup(a, h), 35))
    assert lo - Fraction(1, 10**18) <= ref <= hi + Fraction(1, 10**18)
    assert abs(a) / abs(h) <= hi and lo <= (abs(a) + Fraction(45, 100)) / abs(h)


@pytest.mark.parametrize("a, h", [(1, Fraction(1, 2)), (-3, 2), (Fraction(1, 1000), 1)])
def test_the_maximising_U_attains_the_supremum(a, h):
    r = tanh_in_u_sup(a, h)
    mpmath.mp.dps = 40
    U = mpmath.mpf(r["maximiser_U"].split()[0].lstrip("["))
    val = abs((1 - mpmath.tanh(a + U * mpmath.mpf(h.numerator) / h.denominator) ** 2) * U)
    assert abs(val - mpmath.mpf(r["lower"])) < mpmath.mpf("1e-12")


def test_certificate_of_S_is_accepted_and_S_rejects_negative_A():
    assert check_certificate(S(Fraction(7, 3)).certificate).ok
    with pytest.raises(InvalidArgumentError, match="A=-1"):
        S(-1)


@pytest.mark.parametrize("a, h", [(0, 0), (float("nan"), 1), (0, float("inf"))])
def test_h_zero_and_non_finite_inputs_raise(a, h):
    with pytest.raises(InvalidArgumentError):
        tanh_in_u_sup(a, h)


def test_steps_mention_the_substitution_and_the_bounds():
    text = " ".join(analytic_steps())
    assert "substitution" in text and "A <= S(A) <= A + g*" in text
