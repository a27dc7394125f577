r"""eq (6) as a function of U: :math:`(1-h_t^2)\,U` is bounded in U for fixed h_{t-1} ≠ 0.

For the simple RNN (5), :math:`\partial h_t/\partial h_{t-1} = (1 - h_t^2)U` (6) with
:math:`h_t = \tanh(a + U h_{t-1})`, :math:`a = W x_t + b`. The article says that for fixed
:math:`h_{t-1} \ne 0` this is bounded whatever U is. Exactly:

.. math::

    \sup_{U\in\mathbb R}\bigl|(1-\tanh^2(a + U h))\,U\bigr| = \frac{S(|a|)}{|h|},
    \qquad S(A) = \sup_{y \ge 0} (A + y)\operatorname{sech}^2 y = u - \frac{1}{4u},

where :math:`u > A` solves :math:`2u\tanh(u - A) = 1`. Proof (each identity is checked
exactly by :func:`analytic_steps`):

1. *Substitution.* :math:`x = a + Uh` is a bijection of ℝ, and
   :math:`|(1-\tanh^2 x)U| = |x - a|\operatorname{sech}^2 x / |h|`.
2. *Fold.* :math:`|x - a| \le |x| + |a|` with equality at :math:`x = -\operatorname{sign}(a)|x|`,
   and sech² is even, so :math:`\sup_x |x-a|\operatorname{sech}^2 x = S(|a|)`.
3. *Critical point.* :math:`\frac{d}{dy}(A+y)\operatorname{sech}^2 y
   = -\operatorname{sech}^2 y\,(2(A+y)\tanh y - 1)`; :math:`E(y) = 2(A+y)\tanh y - 1` has
   :math:`E' = 2\tanh y + 2(A+y)\operatorname{sech}^2 y > 0` on (0, ∞) and E(0) = -1, so the
   supremum is attained at the unique root :math:`y^*` and equals :math:`u - 1/(4u)`,
   :math:`u = A + y^*` (substitute :math:`\tanh y^* = 1/(2u)`).
4. *Bounds.* :math:`A \le S(A) \le A + g^*` with :math:`g^* = \sup|c\operatorname{sech}^2 c|
   < 0.45` (:mod:`symrnn.bounds.xsech2`): finite for every a, and :math:`S(0) = g^*`
   exactly — the a = 0 case *is* the xsech2 supremum.

At h = 0 the claim's hypothesis fails and :math:`(1-\tanh^2 a)U` is unbounded in U.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (5)–(6) and the
paragraph after them.
"""

from __future__ import annotations

import functools
from fractions import Fraction
from typing import Any

import sympy

from .._errors import InvalidArgumentError
from ..verify.arb import working_precision
from ._branch import newton_root
from ._interval import (
    ball_str,
    box,
    compile_enclosure,
    fraction_str,
    lower_str,
    point,
    to_fraction,
    upper_str,
)
from .xsech2 import PRECISION, Supremum, xsech2_supremum

__all__ = ["tanh_in_u_sup", "analytic_steps", "S"]

y = sympy.Symbol("y", real=True)
_A = sympy.Symbol("A", nonnegative=True)
_sech2 = 1 - sympy.tanh(y) ** 2


@functools.lru_cache(maxsize=1)
def _analytic_steps() -> tuple[str, ...]:
    a, U, h, x = sympy.symbols("a U h x", real=True)
    G = (_A + y) * _sech2
    E = 2 * (_A + y) * sympy.tanh(y) - 1
    subst = sympy.expand((1 - sympy.tanh(x) ** 2) * (x - a) / h
                         - ((1 - sympy.tanh(a + U * h) ** 2) * U).subs(U, (x - a) / h)) == 0
    crit = sympy.expand(sympy.diff(G, y) + _sech2 * E) == 0
    dE = sympy.expand(sympy.diff(E, y) - (2 * sympy.tanh(y) + 2 * (_A + y) * _sech2)) == 0
    u = _A + y
    value = sympy.cancel(G.subs(sympy.tanh(y), 1 / (2 * u)) - (u - 1 / (4 * u))) == 0
    if not (subst and crit and dE and value):  # pragma: no cover - SymPy regression guard
        raise RuntimeError("an exact step of the tanh-in-U proof failed to reduce to 0")
    return (
        "substitution x = a + U h (h != 0): |(1 - tanh^2(a + U h)) U| = |x - a| sech^2 x / |h| "
        "(exact)",
        "fold: |x - a| <= |x| + |a|, equality at x = -sign(a)|x|; sech^2 even, so the sup is "
        "S(|a|) = sup_{y >= 0} (|a| + y) sech^2 y",
        "critical point: d/dy (A + y) sech^2 y = -sech^2 y (2(A + y) tanh y - 1) exactly; "
        "E' = 2 tanh y + 2(A + y) sech^2 y > 0 on (0, inf), E(0) = -1: unique maximiser y*",
        "value: tanh y* = 1/(2u), u = A + y*, gives S(A) = u - 1/(4u) exactly",
        "bounds: A <= S(A) <= A + g* (triangle inequality and the xsech2 supremum g* < 0.45), "
        "so the supremum is finite for every a; S(0) = g*",
    )


def analytic_steps() -> list[str]:
    """The proof's exact steps, checked in SymPy once per process."""
    return list(_analytic_steps())


def S(A: Fraction | int | str) -> Supremum:
    """The certified :math:`S(A) = \\sup_{y\\ge0}(A+y)\\operatorname{sech}^2 y` for ``A >= 0``,
    with a certificate for :func:`symrnn.bounds.certificate.check_certificate`."""
    A = to_fraction("A", A)
    if A < 0:
        raise InvalidArgumentError(f"Cannot have A={A} < 0: S is defined for A = |a| >= 0")
    if A == 0:
        return xsech2_supremum()
    Ar = sympy.Rational(A.numerator, A.denominator)
    E = 2 * (y + Ar) * sympy.tanh(y) - 1
    F, dF = compile_enclosure(E, [y]), compile_enclosure(sympy.diff(E, y), [y])
    G = (y + Ar) * _sech2
    with working_precision(PRECISION):
        lo = Fraction(1, 2)
        while not F(point(lo)) < 0:  # E(0) = -1 < 0 and E is increasing: walk down to it
            lo /= 2
        hi = Fraction(1)
        while not F(point(hi)) > 0:
            hi *= 2
        a, b = newton_root(F, dF, lo, hi, width=Fraction(1, 10**20))
        u = box(a, b) + point(A)
        value = u - 1 / (4 * u)
    cert = {
        "format": "symrnn-bound-certificate/1",
        "claim": "tanh-bounded-in-U:S",
        "expr": str(G),
        "var": "y",
        "precision_bits": PRECISION,
        "steps": [
            {"kind": "shifted", "A": fraction_str(A)},
            {
                "kind": "critical-point",
                "positive_factor": str(_sech2),
                "equation": str(E),
                "equation_derivative": str(2 * sympy.tanh(y) + 2 * (y + Ar) * _sech2),
                "bracket": [fraction_str(a), fraction_str(b)],
            },
            {
                "kind": "value-at-critical",
                "substitute": f"tanh(y) = 1/(2*(y + {Ar}))",
                "formula": str((y + Ar) - 1 / (4 * (y + Ar))),
                "lower": lower_str(value, 25),
                "upper": upper_str(value, 25),
            },
        ],
    }
    steps = (f"S({A}) = u - 1/(4u), u = {A} + y*, y* in [{float(a)!r}, {float(b)!r}]",
             f"S({A}) in {ball_str(value)}")
    return Supremum(value, box(a, b), True, steps, cert)


def tanh_in_u_sup(a: object, h: object) -> dict[str, Any]:
    """:math:`\\sup_U |(1-\\tanh^2(a + U h))U|` for the given ``a = W x_t + b`` and ``h = h_{t-1}``.

    Returns JSON-ready data: the enclosure, decimal lower/upper, the maximising U's
    enclosure, and the certificate of S(|a|). Raises :class:`InvalidArgumentError` for
    ``h = 0`` (where the supremum is infinite) and for non-finite inputs.

    >>> tanh_in_u_sup(0, 1)["lower"][:10]
    '0.44774320'
    """
    A_, H = to_fraction("a", a), to_fraction("h", h)
    if H == 0:
        raise InvalidArgumentError(
            "Cannot have h=0: the claim is for h_{t-1} != 0; at h = 0, "
            "(1 - tanh^2 a) U is unbounded in U. Pass a nonzero h"
        )
    s = S(abs(A_))
    if s.maximiser is None:  # pragma: no cover - S is always attained (step 3)
        raise RuntimeError("S(|a|) returned no maximiser")
    with working_precision(PRECISION):
        value = s.value / point(abs(H))
        # maximiser: x* = -sign(a) y* (either sign when a = 0), U* = (x* - a)/h
        sign = -1 if A_ > 0 else 1
        u_star = (sign * s.maximiser - point(A_)) / point(H)
    return {
        "a": str(A_),
        "h": str(H),
        "enclosure": ball_str(value),
        "lower": lower_str(value),
        "upper": upper_str(value),
        "maximiser_U": ball_str(u_star),
        "attained": True,
        "S(|a|)": s.to_json(),
        "certificate": s.certificate,
    }
