r"""The interval engine: exact endpoints, validated intervals, compiled Arb enclosures.

Every bound of :mod:`symrnn.bounds` is proved by evaluating a SymPy expression in Arb
ball arithmetic over *boxes* (intervals of the real line). This module holds the pieces
all proofs share:

* :func:`check_interval` validates user intervals (finite, ordered; else
  :class:`~symrnn.InvalidArgumentError`) and returns exact rational endpoints;
* :func:`compile_enclosure` turns a SymPy expression in exp/tanh/sigmoid into a fast
  Python closure over :class:`flint.arb` balls — an *interval extension*: given balls that
  contain the arguments, it returns a ball that contains every value of the expression;
* :func:`mean_value_enclosure` is the mean-value form
  :math:`f(X) \subseteq f(m) + f'(X)(X - m)`, whose overestimation is quadratic in the
  box width where the natural extension's is linear (this is what makes 1e-15 widths cheap);
* exact conversions from balls to rationals and outward-rounded decimal strings, so
  certificates and evidence never round a bound the wrong way.

>>> from sympy import Symbol, tanh
>>> c = Symbol("c")
>>> g = compile_enclosure(c * (1 - tanh(c) ** 2), [c])
>>> g(box(0, 1)).upper() > 0.44
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from fractions import Fraction

import sympy
from flint import arb, ctx, fmpq

from .._errors import InvalidArgumentError, LimitError, UnsupportedFunctionError
from .._limits import CERTIFICATE_LIMITS, check_int, parse_number
from ..activations import sigmoid
from ..verify.arb import _int_pow  # flint's ** is nan for a ball centred at 0

__all__ = [
    "Enclosure",
    "to_fraction",
    "check_interval",
    "box",
    "point",
    "compile_enclosure",
    "mean_value_enclosure",
    "endpoints",
    "arb_abs",
    "lower_str",
    "upper_str",
    "ball_str",
    "fraction_lower_str",
    "fraction_upper_str",
    "fraction_str",
    "parse_fraction",
]

#: An interval extension: balls in, a ball containing every value out.
Enclosure = Callable[..., arb]


def to_fraction(name: str, value: object) -> Fraction:
    """``value`` as an exact rational; floats are taken exactly (0.45 is 0.45000000000000001…).

    Raises :class:`InvalidArgumentError` for NaN, infinities and non-numbers, and
    :class:`~symrnn.LimitError` for numbers over :data:`symrnn._limits.CERTIFICATE_LIMITS`
    (``"1e99999999"`` is refused from its text, never built).
    """
    if isinstance(value, bool):
        raise InvalidArgumentError(f"{name}={value!r} is a bool; pass a number")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidArgumentError(
                f"{name}={value!r} is not finite; bounds need finite endpoints "
                "(unbounded domains are handled by a tail lemma, not by inf)"
            )
        return Fraction(value)
    if isinstance(value, (int, Fraction)):
        value = Fraction(value)
        check_int(name, value.numerator, CERTIFICATE_LIMITS)
        check_int(name, value.denominator, CERTIFICATE_LIMITS)
        return value
    if isinstance(value, fmpq):
        return to_fraction(name, Fraction(int(value.p), int(value.q)))
    if isinstance(value, str):
        try:
            return parse_number(value, name, CERTIFICATE_LIMITS)  # sized before it is built
        except ValueError as e:
            if isinstance(e, LimitError):
                raise
            raise InvalidArgumentError(
                f"{name}={value!r} is not a decimal or p/q string"
            ) from None
    v = sympy.sympify(value) if isinstance(value, sympy.Basic) else None
    if v is not None and v.is_Rational:
        return Fraction(int(v.p), int(v.q))
    if v is not None and v.is_Float and v.is_finite:
        return Fraction(*sympy.Rational(v).as_numer_denom())
    raise InvalidArgumentError(
        f"{name}={value!r} is not a finite real number; pass an int, Fraction, "
        "finite float or SymPy Rational"
    )


def check_interval(name: str, lo: object, hi: object) -> tuple[Fraction, Fraction]:
    """Validate the interval ``[lo, hi]`` and return its exact endpoints.

    >>> check_interval("c", 1, 0)
    Traceback (most recent call last):
    ...
    symrnn._errors.InvalidArgumentError: Cannot have c=[1, 0]: lo=1 > hi=0 (inverted, empty interval); swap the endpoints
    """
    a, b = to_fraction(f"{name}.lo", lo), to_fraction(f"{name}.hi", hi)
    if a > b:
        raise InvalidArgumentError(
            f"Cannot have {name}=[{lo}, {hi}]: lo={lo} > hi={hi} (inverted, empty "
            "interval); swap the endpoints"
        )
    return a, b


def _arb_of(q: Fraction) -> arb:
    return arb(fmpq(q.numerator, q.denominator))


def point(q: Fraction | int) -> arb:
    """The tightest ball around the rational ``q`` (exact when ``q`` is dyadic)."""
    return _arb_of(Fraction(q))


def box(lo: Fraction | int, hi: Fraction | int) -> arb:
    """A ball containing the whole interval ``[lo, hi]`` (endpoints exact rationals)."""
    return arb.union(point(Fraction(lo)), point(Fraction(hi)))


def endpoints(x: arb) -> tuple[Fraction, Fraction]:
    """The exact rational endpoints of a finite ball."""
    if not x.is_finite():
        raise InvalidArgumentError(f"ball={x} is not finite; it has no rational endpoints")

    # lower()/upper() round outward at the *current* precision: raise it so they are exact
    # (a low ambient precision would silently widen every printed bound).
    old = ctx.prec
    ctx.prec = max(old, 1024)
    try:
        lo, hi = x.lower(), x.upper()
    finally:
        ctx.prec = old

    def exact(e: arb) -> Fraction:
        m, ex = e.man_exp()
        mi, exi = int(m), int(ex)
        return Fraction(mi * 2**exi) if exi >= 0 else Fraction(mi, 2**-exi)

    return exact(lo), exact(hi)


def arb_abs(x: arb) -> arb:
    """``|x|`` for a ball, as the tight hull ``[abs_lower, abs_upper]``."""
    return arb.union(x.abs_lower(), x.abs_upper())


def _digits_floor(q: Fraction, digits: int) -> Fraction:
    s = 10**digits
    return Fraction(math.floor(q * s), s)


def _digits_ceil(q: Fraction, digits: int) -> Fraction:
    s = 10**digits
    return Fraction(math.ceil(q * s), s)


def _decimal(q: Fraction, digits: int) -> str:
    sign = "-" if q < 0 else ""
    q = abs(q)
    whole = q.numerator // q.denominator
    frac = q - whole
    tail = str(int(frac * 10**digits)).rjust(digits, "0").rstrip("0")
    return f"{sign}{whole}" + (f".{tail}" if tail else "")


def lower_str(x: arb, digits: int = 20) -> str:
    """A decimal string ``<=`` every point of ``x`` (rounded down)."""
    return _decimal(_digits_floor(endpoints(x)[0], digits), digits)


def upper_str(x: arb, digits: int = 20) -> str:
    """A decimal string ``>=`` every point of ``x`` (rounded up)."""
    return _decimal(_digits_ceil(endpoints(x)[1], digits), digits)


def fraction_upper_str(q: Fraction, digits: int = 20) -> str:
    """A decimal string ``>= q``."""
    return _decimal(_digits_ceil(q, digits), digits)


def fraction_lower_str(q: Fraction, digits: int = 20) -> str:
    """A decimal string ``<= q``."""
    return _decimal(_digits_floor(q, digits), digits)


def ball_str(x: arb, digits: int = 20) -> str:
    """Arb's own ``[mid +/- rad]`` notation (the radius printed is rounded up)."""
    return x.str(digits, radius=True)


def fraction_str(q: Fraction) -> str:
    """``"p/q"`` (or ``"p"``) — the certificate's exact number format."""
    return str(q)


def parse_fraction(text: str) -> Fraction:
    """Inverse of :func:`fraction_str`."""
    return Fraction(text)


# --- compilation of SymPy expressions into ball closures --------------------------------


def compile_enclosure(expr: sympy.Expr, symbols: Sequence[sympy.Symbol]) -> Enclosure:
    """A closure ``f(*balls) -> arb`` enclosing ``expr`` over the given balls.

    Supported: numbers, ``+``, ``*``, integer powers, ``exp``, ``tanh``, :class:`sigmoid`
    and ``Abs``. Anything else raises :class:`UnsupportedFunctionError` at compile time,
    naming the function, so a proof never starts on an expression it cannot enclose.
    """
    expr = sympy.sympify(expr)
    index = {s: k for k, s in enumerate(symbols)}
    extra = expr.free_symbols - set(index)
    if extra:
        names = ", ".join(sorted(str(s) for s in extra))
        raise InvalidArgumentError(
            f"expression {expr} has free symbols {{{names}}} not among "
            f"symbols={list(symbols)}; pass a value for each"
        )
    return _compile(expr, index)


def _compile(e: sympy.Basic, index: dict[sympy.Symbol, int]) -> Enclosure:
    if e.is_Symbol:
        k = index[e]
        return lambda *a: a[k]
    if e.is_Integer or (e.is_Rational and (e.q & (e.q - 1)) == 0):
        const = arb(fmpq(int(e.p), int(e.q)))  # dyadic: exact at every precision
        return lambda *a: const
    if e.is_Rational:
        q = fmpq(int(e.p), int(e.q))
        return lambda *a: arb(q)  # rounded at the caller's working precision
    if e.is_Add:
        parts = [_compile(t, index) for t in e.args]

        def add(*a: arb) -> arb:
            r = parts[0](*a)
            for p in parts[1:]:
                r = r + p(*a)
            return r

        return add
    if e.is_Mul:
        parts = [_compile(t, index) for t in e.args]

        def mul(*a: arb) -> arb:
            r = parts[0](*a)
            for p in parts[1:]:
                r = r * p(*a)
            return r

        return mul
    if e.is_Pow and e.args[1].is_Integer:
        base, n = _compile(e.args[0], index), int(e.args[1])
        if n >= 0:
            return lambda *a: _int_pow(base(*a), n)
        return lambda *a: arb(1) / _int_pow(base(*a), -n)
    if isinstance(e, sympy.tanh):
        inner = _compile(e.args[0], index)
        return lambda *a: inner(*a).tanh()
    if isinstance(e, sympy.exp):
        inner = _compile(e.args[0], index)
        return lambda *a: inner(*a).exp()
    if isinstance(e, sigmoid):
        inner = _compile(e.args[0], index)
        return lambda *a: (1 + (inner(*a) / 2).tanh()) / 2  # well-conditioned for all x
    if isinstance(e, sympy.Abs):
        inner = _compile(e.args[0], index)
        return lambda *a: arb_abs(inner(*a))
    raise UnsupportedFunctionError(
        f"cannot enclose {type(e).__name__} in {e}: the interval engine supports +, *, "
        "integer powers, exp, tanh, sigmoid and Abs; rewrite the expression in these"
    )


def mean_value_enclosure(f: Enclosure, df: Enclosure, lo: Fraction, hi: Fraction) -> arb:
    r"""Enclose :math:`f([lo, hi])` by the mean-value form intersected with the natural one.

    :math:`f(X) \subseteq f(m) + f'(X)\,(X - m)` with :math:`m` the midpoint: valid for any
    :math:`C^1` function on the box, and tight to second order in the width.
    """
    m = (lo + hi) / 2
    x = box(lo, hi)
    mv = f(point(m)) + df(x) * (x - point(m))
    nat = f(x)
    if not nat.is_finite():
        return mv
    if not mv.is_finite():
        return nat
    return mv.intersection(nat)
