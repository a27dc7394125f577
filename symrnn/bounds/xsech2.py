r"""The bound behind "four gates": :math:`|(1-\tanh^2 c)\,c| < 0.45` for every real c.

The article's eq (9) writes the forget-gate term of :math:`\partial c_t/\partial c_{t-1}` as

.. math::

    c_{t-1}\frac{\partial f_t}{\partial c_{t-1}}
      = f_t(1-f_t)\,o_{t-1}\,(1-\tanh^2 c_{t-1})\,c_{t-1}\,U_f \qquad (9)

and states, without proof, that :math:`|(1-\tanh^2 c)c| < 0.45` for all c. Let
:math:`g(c) = c(1-\tanh^2 c) = c\,\operatorname{sech}^2 c`. The proof (each step is
checked exactly by :func:`analytic_steps`):

1. *Symmetry.* g is odd and :math:`g \ge 0` on :math:`[0,\infty)`, so
   :math:`\sup_{\mathbb R}|g| = \sup_{c\ge0} g(c)`.
2. *Critical-point equation.* :math:`g'(c) = \operatorname{sech}^2 c\,(1 - 2c\tanh c)`.
3. *Uniqueness.* :math:`\varphi(c) = 2c\tanh c - 1` has
   :math:`\varphi'(c) = 2\tanh c + 2c\operatorname{sech}^2 c > 0` on :math:`(0,\infty)`
   and :math:`\varphi(0) = -1`, so g increases up to the unique root :math:`c^*` of φ and
   decreases after it: the supremum is attained, at :math:`\pm c^*`, and nowhere else.
4. *Value.* At :math:`c^*`, :math:`\tanh c^* = 1/(2c^*)`, hence
   :math:`g(c^*) = c^* - 1/(4c^*)` — increasing in :math:`c^*`, so a certified bracket of
   :math:`c^*` (interval Newton) gives a certified enclosure of the supremum.
5. *Tail* (for the independent branch-and-bound proof of ``< bound``): by the
   :mod:`linear-sech2 lemma <symrnn.bounds._tails>`, :math:`|g(c)| \le 8e^{-4} < 0.15`
   for :math:`|c| \ge 2`, and a mean-value branch-and-bound covers :math:`[0, 2]`.

Result: :math:`\sup_c |g(c)| = 0.44774320469430284917\ldots` at
:math:`c^* = \pm 0.77170231920910…`, so the article's 0.45 is right, and tight to 0.5 %.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (9) and the
sentence after it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy
from flint import arb

from ..verify.arb import working_precision
from ..verify.verdict import Verdict
from ._branch import maximize, newton_root, prove_upper_bound
from ._interval import (
    ball_str,
    box,
    compile_enclosure,
    fraction_str,
    fraction_upper_str,
    lower_str,
    point,
    to_fraction,
    upper_str,
)
from ._tails import LinearSech2Tail

__all__ = [
    "c",
    "XSECH2",
    "Supremum",
    "analytic_steps",
    "xsech2_supremum",
    "xsech2_sup_by_bisection",
    "prove_xsech2_bound",
]

c = sympy.Symbol("c", real=True)
#: g(c) = (1 - tanh^2 c) c, the factor of eq (9).
XSECH2: sympy.Expr = (1 - sympy.tanh(c) ** 2) * c
_CRIT: sympy.Expr = 2 * c * sympy.tanh(c) - 1
_SECH2: sympy.Expr = 1 - sympy.tanh(c) ** 2
_VALUE_AT_CRIT: sympy.Expr = c - 1 / (4 * c)
PRECISION = 128

_g = compile_enclosure(XSECH2, [c])
_dg = compile_enclosure(sympy.diff(XSECH2, c), [c])
_F = compile_enclosure(_CRIT, [c])
_dF = compile_enclosure(sympy.diff(_CRIT, c), [c])


@dataclass(frozen=True)
class Supremum:
    """A certified supremum: ``value`` contains it; ``maximiser`` contains the argmax.

    Attributes:
        value: ball containing the exact supremum.
        maximiser: ball containing the (positive) maximiser, or ``None`` if not attained.
        attained: whether the supremum is a maximum.
        steps: the proof's steps, for a human reader.
        certificate: the JSON certificate :func:`symrnn.bounds.certificate.check` re-verifies.
    """

    value: arb
    maximiser: arb | None
    attained: bool
    steps: tuple[str, ...]
    certificate: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "enclosure": ball_str(self.value),
            "lower": lower_str(self.value),
            "upper": upper_str(self.value),
            "attained": self.attained,
        }
        if self.maximiser is not None:
            out["maximiser"] = ball_str(self.maximiser)
        return out


@functools.lru_cache(maxsize=1)
def _analytic_steps() -> tuple[str, ...]:
    t = sympy.tanh(c)
    odd = sympy.expand(XSECH2.subs(c, -c) + XSECH2) == 0
    deriv = sympy.expand(sympy.diff(XSECH2, c) + _SECH2 * _CRIT) == 0
    dphi = sympy.expand(sympy.diff(_CRIT, c) - (2 * t + 2 * c * _SECH2)) == 0
    value = sympy.cancel(XSECH2.subs(t, 1 / (2 * c)) - _VALUE_AT_CRIT) == 0
    if not (odd and deriv and dphi and value):  # pragma: no cover - SymPy regression guard
        raise RuntimeError("an exact step of the xsech2 proof failed to reduce to 0")
    return (
        "symmetry: g(-c) + g(c) = 0 exactly (g odd); g >= 0 on [0, inf), so "
        "sup_R |g| = sup_{c>=0} g(c)",
        "critical-point equation: g'(c) = -(1 - tanh^2 c)(2c tanh c - 1) exactly",
        "uniqueness: phi(c) = 2c tanh c - 1 has phi'(c) = 2 tanh c + 2c(1 - tanh^2 c) > 0 "
        "on (0, inf) and phi(0) = -1, so g rises to the unique root c* and falls after it",
        "value: tanh c* = 1/(2c*) gives g(c*) = c* - 1/(4c*) exactly (increasing in c*)",
    )


def analytic_steps() -> list[str]:
    """Check steps 1–4 exactly in SymPy (once per process); return them as text."""
    return list(_analytic_steps())


def xsech2_supremum(width: Fraction | float = Fraction(1, 10**15)) -> Supremum:
    """The exact :math:`\\sup_c |(1-\\tanh^2 c)c|` as a ball of width ``<= width``.

    >>> s = xsech2_supremum()
    >>> s.attained, s.to_json()["lower"][:12]
    (True, '0.4477432046')
    """
    w = to_fraction("width", width)
    steps = analytic_steps()
    with working_precision(PRECISION):
        a, b = newton_root(_F, _dF, Fraction(1, 2), Fraction(1), width=w / 16)
        root = box(a, b)
        value = root - 1 / (4 * root)
    steps.append(
        f"interval Newton on phi over [1/2, 1]: c* in [{float(a)!r}, {float(b)!r}] "
        f"(phi(a) < 0 < phi(b) certified)"
    )
    steps.append(f"sup = c* - 1/(4c*) in {ball_str(value)}")
    cert = {
        "format": "symrnn-bound-certificate/1",
        "claim": "xsech2-sup",
        "expr": str(XSECH2),
        "var": "c",
        "precision_bits": PRECISION,
        "steps": [
            {"kind": "parity", "parity": "odd"},
            {
                "kind": "critical-point",
                "positive_factor": str(_SECH2),
                "equation": str(_CRIT),
                "equation_derivative": str(2 * sympy.tanh(c) + 2 * c * _SECH2),
                "bracket": [fraction_str(a), fraction_str(b)],
            },
            {
                "kind": "value-at-critical",
                "substitute": "tanh(c) = 1/(2*c)",
                "formula": str(_VALUE_AT_CRIT),
                "lower": lower_str(value, 25),
                "upper": upper_str(value, 25),
            },
        ],
    }
    return Supremum(value, root, True, tuple(steps), cert)


def xsech2_sup_by_bisection(
    width: Fraction | float = Fraction(1, 10**15),
    *,
    form: str = "mean-value",
    max_boxes: int = 200_000,
) -> Any:
    """The same supremum by branch-and-bound alone over [0, 2] (plus the tail), for the
    benchmark: ``form="natural"`` is plain interval bisection. Returns the
    :class:`~symrnn.bounds._branch.MaxResult`."""
    w = to_fraction("width", width)
    with working_precision(PRECISION):
        return maximize(
            _g, Fraction(0), Fraction(2), df=_dg if form == "mean-value" else None,
            width=w, max_boxes=max_boxes,
        )


def _upper_record(u: Fraction, bound: Fraction) -> str:
    """A short decimal >= u, unless rounding would reach the bound (then u exactly)."""
    text = fraction_upper_str(u, 30)
    return text if Fraction(text) < bound else fraction_str(u)


def _cover_json(cover: Any, sign: int, form: str, bound: Fraction) -> dict[str, Any]:
    return {
        "kind": "cover",
        "sign": sign,
        "form": form,
        "lo": fraction_str(cover.lo),
        "hi": fraction_str(cover.hi),
        "boxes": [[fraction_str(a), fraction_str(b)] for a, b in cover.boxes],
        "uppers": [_upper_record(u, bound) for u in cover.uppers],
    }


def prove_xsech2_bound(
    bound: Fraction | float | str = Fraction(45, 100), *, form: str = "mean-value"
) -> Verdict:
    """Decide :math:`|(1-\\tanh^2 c)c| < \\text{bound}` for all real c.

    Proved by a cover of [0, T] (mean-value branch-and-bound) + the tail lemma on
    :math:`[T,\\infty)` + oddness, with a certificate; refuted by a rational witness c whose
    ball evaluation exceeds ``bound``; else unknown.

    >>> prove_xsech2_bound("0.45").status, prove_xsech2_bound("0.447").status
    ('proved', 'refuted')
    """
    B = to_fraction("bound", bound)
    statement = f"for every real c, |(1 - tanh^2 c) c| < {B} (= {float(B)})"
    if B <= 0:
        return _refute(B, Fraction(1), statement)
    tail = LinearSech2Tail.beyond(Fraction(0), B)
    df = _dg if form == "mean-value" else None
    neg = compile_enclosure(-XSECH2, [c])
    dneg = compile_enclosure(-sympy.diff(XSECH2, c), [c]) if df else None
    with working_precision(PRECISION):
        up = prove_upper_bound(_g, Fraction(0), tail.T, B, df=df)
        down = prove_upper_bound(neg, Fraction(0), tail.T, B, df=dneg) if up else None
    if up is not None and down is not None:
        cert = {
            "format": "symrnn-bound-certificate/1",
            "claim": "xsech2-bound",
            "expr": str(XSECH2),
            "var": "c",
            "bound": fraction_str(B),
            "precision_bits": PRECISION,
            "steps": [
                {"kind": "parity", "parity": "odd"},
                {"kind": "tail", **tail.to_json()},
                _cover_json(up, +1, form, B),
                _cover_json(down, -1, form, B),
            ],
        }
        return Verdict(
            "proved",
            f"{form} branch-and-bound on [0, {tail.T}] ({len(up.boxes)} boxes) + tail "
            "lemma + oddness, certificate re-checkable",
            evidence={
                "bound": str(B),
                "boxes": len(up.boxes) + len(down.boxes),
                "max_box_upper": fraction_upper_str(max(up.uppers)),
                "tail": tail.to_json(),
                "certificate": cert,
            },
            statement=statement,
        )
    sup = xsech2_supremum()
    return _refute(B, None, statement, sup)


def _refute(B: Fraction, at: Fraction | None, statement: str, sup: Supremum | None = None
            ) -> Verdict:
    """Refute with a rational witness near the maximiser, or fall back to unknown."""
    if at is None:  # a maximiser accurate far below the gap between bound and supremum
        with working_precision(2 * PRECISION):
            lo, hi = newton_root(_F, _dF, Fraction(1, 2), Fraction(1), width=Fraction(1, 10**60))
        at = (lo + hi) / 2
    with working_precision(2 * PRECISION):
        v = _g(point(at))
        reached = bool(v >= point(B))
    if reached:
        return Verdict(
            "refuted",
            "rational witness whose ball evaluation reaches the bound",
            witness={c: sympy.Rational(at.numerator, at.denominator)},
            evidence={
                "witness_c": fraction_str(at),
                "value_enclosure": ball_str(v),
                "value_lower": lower_str(v),
                "bound": str(B),
            },
            statement=statement,
        )
    return Verdict(
        "unknown",
        "neither the cover nor a witness certified the bound at this precision",
        evidence={"bound": str(B), "sup": sup.to_json() if sup else None},
        statement=statement,
    )
