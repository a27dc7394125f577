"""The interval engine: validation, enclosures that contain the truth, exact conversions."""

from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import pytest
import sympy
from flint import arb
from hypothesis import given, strategies as st

from symrnn import InvalidArgumentError, SymrnnError, UnsupportedFunctionError, sigmoid
from symrnn.bounds._interval import (
    box,
    check_interval,
    compile_enclosure,
    endpoints,
    lower_str,
    mean_value_enclosure,
    point,
    to_fraction,
    upper_str,
)

c = sympy.Symbol("c")


@pytest.mark.parametrize(
    "lo, hi, match",
    [
        (1, 0, "inverted"),
        (float("nan"), 1, "not finite"),
        (0, float("inf"), "not finite"),
        (float("-inf"), 0, "not finite"),
        ("zero", 1, "not a decimal"),
        (True, 1, "bool"),
        (None, 1, "not a finite real"),
    ],
)
def test_bad_intervals_raise_a_symrnn_error_naming_the_input(lo, hi, match):
    with pytest.raises(InvalidArgumentError, match=match) as info:
        check_interval("c", lo, hi)
    assert isinstance(info.value, SymrnnError)


def test_float_endpoints_are_taken_exactly():
    assert to_fraction("x", 0.45) == Fraction(0.45) != Fraction(45, 100)
    assert check_interval("c", "0.1", Fraction(1, 3)) == (Fraction(1, 10), Fraction(1, 3))


def test_unsupported_function_is_rejected_at_compile_time():
    with pytest.raises(UnsupportedFunctionError, match="sin"):
        compile_enclosure(sympy.sin(c), [c])


def test_free_symbol_without_a_value_is_rejected():
    with pytest.raises(InvalidArgumentError, match="U"):
        compile_enclosure(c * sympy.Symbol("U"), [c])


EXPRS = [
    c * (1 - sympy.tanh(c) ** 2),
    sigmoid(c) * (1 - sigmoid(c)) * sympy.exp(-c) + c**3 / 7,
    sympy.Abs(c - sympy.Rational(1, 3)) * sympy.tanh(2 * c),
]


@given(
    k=st.integers(0, len(EXPRS) - 1),
    lo=st.fractions(min_value=-5, max_value=5, max_denominator=64),
    w=st.fractions(min_value=0, max_value=2, max_denominator=64),
    t=st.floats(0, 1),
)
def test_enclosure_contains_mpmath_value_at_every_point_of_the_box(k, lo, w, t):
    expr = EXPRS[k]
    hi = lo + w
    f = compile_enclosure(expr, [c])
    df = compile_enclosure(sympy.diff(expr, c), [c]) if k < 2 else None
    x = lo + Fraction(t) * w
    mpmath.mp.dps = 30
    ref = mpmath.mpf(sympy.N(expr.subs(c, sympy.Rational(x.numerator, x.denominator))
                             .rewrite(sympy.exp), 30))
    for enc in [f(box(lo, hi))] + ([mean_value_enclosure(f, df, lo, hi)] if df else []):
        a, b = endpoints(enc)
        tol = Fraction(1, 10**25)
        assert a - tol <= Fraction(str(ref)) <= b + tol


def test_mean_value_form_is_tighter_than_natural_on_a_small_box():
    expr = c * (1 - sympy.tanh(c) ** 2)
    f, df = compile_enclosure(expr, [c]), compile_enclosure(sympy.diff(expr, c), [c])
    lo, hi = Fraction(3, 4), Fraction(3, 4) + Fraction(1, 1000)
    assert mean_value_enclosure(f, df, lo, hi).rad() < f(box(lo, hi)).rad() / 10


def test_decimal_strings_round_outward():
    x = arb(1) / 3
    assert Fraction(lower_str(x, 10)) <= endpoints(x)[0]
    assert Fraction(upper_str(x, 10)) >= endpoints(x)[1]
    assert upper_str(point(Fraction(1, 4))) == "0.25"


def test_non_finite_ball_has_no_endpoints():
    with pytest.raises(InvalidArgumentError):
        endpoints(arb(1) / arb(0, 1))
    assert math.isfinite(float(endpoints(point(2))[0]))


def test_a_number_given_as_text_is_sized_before_it_is_built():
    import time

    from symrnn import LimitError, prove_xsech2_bound

    start = time.perf_counter()
    with pytest.raises(LimitError, match="max_exponent=100"):
        prove_xsech2_bound("1e99999999")
    with pytest.raises(LimitError, match="max_digits=200"):
        prove_xsech2_bound(10**500)
    assert time.perf_counter() - start < 5


def test_an_integer_power_of_a_box_centred_at_zero_is_finite():
    # python-flint's ** gives nan for a ball whose midpoint is 0 (found by the fuzzing above)
    f = compile_enclosure(c**3 / 7 + c**2, [c])  # its range over [-1, 1] is [0, 8/7]
    a, b = endpoints(f(box(Fraction(-1), Fraction(1))))
    assert a <= 0 and Fraction(8, 7) <= b < 2
