"""Rigorous evaluation of SymPy expressions in Arb ball arithmetic (python-flint).

``arb_eval(expr, values)`` returns a ball certain to contain the exact value of ``expr``
when the free symbols take values in the given balls; a ball that is not finite means the
expression may be undefined there (a division by a ball containing 0, log of a ball that
reaches 0 or below). Points given as exact rationals give the tightest balls; intervals
may be passed as balls (``arb(mid, rad)``), which makes the same function an interval
extension over boxes.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

import sympy
from flint import arb, ctx, fmpq

from .._errors import UnsupportedFunctionError
from ..activations import sigmoid

__all__ = ["arb_eval", "to_arb", "working_precision"]


def to_arb(value: object) -> arb:
    """An exact ball for a SymPy number, int, Fraction or flint number (floats exactly)."""
    if isinstance(value, arb):
        return value
    if isinstance(value, (int, fmpq)):
        return arb(value)
    if isinstance(value, Fraction):
        return arb(fmpq(value.numerator, value.denominator))
    if isinstance(value, float):
        num, den = value.as_integer_ratio()
        return arb(fmpq(num, den))
    v = sympy.sympify(value)
    if v.is_Integer:
        return arb(int(v))
    if v.is_Rational:
        return arb(fmpq(int(v.p), int(v.q)))
    if v.is_Float:
        num, den = sympy.Rational(v).as_numer_denom()
        return arb(fmpq(int(num), int(den)))
    raise UnsupportedFunctionError(
        f"value={value!r} is not an exact number; pass an int, Fraction or SymPy Rational"
    )


class working_precision:
    """Context manager setting Arb's working precision in bits (restored on exit)."""

    def __init__(self, bits: int) -> None:
        self.bits = bits

    def __enter__(self) -> None:
        self._old = ctx.prec
        ctx.prec = self.bits

    def __exit__(self, *exc: object) -> None:
        ctx.prec = self._old


def _int_pow(base: arb, k: int) -> arb:
    """base**k for k >= 0 by repeated squaring: python-flint's ``**`` gives nan (or a very
    wide ball) for a ball that contains or lies left of 0."""
    result, square = arb(1), base
    while k:
        if k & 1:
            result = result * square
        k >>= 1
        if k:
            square = square * square
    return result


def _pos_pow(base: arb, p: int, q: int) -> arb:
    """base**(p/q) for a ball; non-finite when base may be <= 0 and q > 1."""
    if q == 1:
        if p >= 0:
            return _int_pow(base, p)
        return arb(1) / _int_pow(base, -p)
    if not base > 0:
        return arb.nan()
    return (base.log() * fmpq(p, q)).exp()


def arb_eval(expr: sympy.Basic, values: Mapping[sympy.Symbol, object]) -> arb:
    """Enclose ``expr`` with each free symbol replaced by the ball in ``values``.

    Supports numbers, +, ×, powers (integer and rational exponents), exp, log, tanh,
    sigmoid and the constants E and pi. Raises :class:`UnsupportedFunctionError` for
    anything else; the caller checks ``is_finite()`` of the result.
    """
    balls = {s: to_arb(v) for s, v in values.items()}
    cache: dict[sympy.Basic, arb] = {}

    def ev(e: sympy.Basic) -> arb:
        hit = cache.get(e)
        if hit is not None:
            return hit
        if e.is_Symbol:
            if e not in balls:
                raise UnsupportedFunctionError(
                    f"symbol {e} has no value; pass values={{{e}: ...}}"
                )
            r = balls[e]
        elif e.is_Rational:
            r = to_arb(e)
        elif e.is_Float:
            r = to_arb(e)
        elif e is sympy.E:
            r = arb(1).exp()
        elif e is sympy.pi:
            r = arb.pi()
        elif e.is_Add:
            r = arb(0)
            for a in e.args:
                r = r + ev(a)
        elif e.is_Mul:
            r = arb(1)
            for a in e.args:
                r = r * ev(a)
        elif e.is_Pow:
            b, x = e.args
            if x.is_Rational:
                r = _pos_pow(ev(b), int(x.p), int(x.q))
            else:
                base = ev(b)
                r = (base.log() * ev(x)).exp() if base > 0 else arb.nan()
        elif isinstance(e, sympy.exp):
            r = ev(e.args[0]).exp()
        elif isinstance(e, sympy.log):
            a = ev(e.args[0])
            r = a.log() if a > 0 else arb.nan()
        elif isinstance(e, sympy.tanh):
            r = ev(e.args[0]).tanh()
        elif isinstance(e, sigmoid):
            # sigma(x) = (1 + tanh(x/2))/2 is a well-conditioned enclosure for all x.
            r = (1 + (ev(e.args[0]) / 2).tanh()) / 2
        else:
            raise UnsupportedFunctionError(
                f"cannot evaluate {type(e).__name__} in {e}: supported are +, *, powers, "
                "exp, log, tanh and sigmoid"
            )
        cache[e] = r
        return r

    return ev(sympy.sympify(expr))
