r"""Analytic tail lemmas: how a bound over all of ℝ is proved without truncating ℝ.

A branch-and-bound can only cover a bounded interval. The rest of the real line is handled
by a lemma proved here, once, whose hypotheses the library checks exactly and whose
constant it evaluates in ball arithmetic.

**Lemma (linear × sech², used for eq9's** :math:`(1-\tanh^2 c)c` **and for eq6 as a
function of U).** Let :math:`A \ge 0` and :math:`T \ge \max(0, \tfrac12 - A)`. Then for
every real :math:`x` with :math:`|x| \ge T` and every :math:`a` with :math:`|a| \le A`,

.. math::

    |x - a|\,(1 - \tanh^2 x) \;\le\; 4\,(A + T)\,e^{-2T}.

*Proof.* :math:`1-\tanh^2 x = \operatorname{sech}^2 x = 4/(e^{x}+e^{-x})^2 \le 4e^{-2|x|}`
and :math:`|x-a| \le A + |x|`, so the left side is at most :math:`4(A+|x|)e^{-2|x|}`.
The function :math:`u(y) = (A+y)e^{-2y}` has :math:`u'(y) = e^{-2y}(1-2A-2y) \le 0` for
:math:`y \ge \tfrac12 - A`, hence :math:`u(|x|) \le u(T)` for :math:`|x| \ge T`. ∎

:class:`LinearSech2Tail` records the lemma's instance (``a``, ``T``) so that a certificate
can carry it and :mod:`symrnn.bounds.certificate`'s checker can re-derive the constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import sympy
from flint import arb

from .._errors import InvalidArgumentError
from ._interval import point, upper_str

__all__ = ["LinearSech2Tail", "LEMMA_TEXT"]

LEMMA_TEXT = (
    "linear-sech2 tail lemma: for A >= 0, T >= max(0, 1/2 - A), |x| >= T and |a| <= A, "
    "|x - a|(1 - tanh^2 x) <= 4(A + T)exp(-2T)  [sech^2 x <= 4exp(-2|x|); "
    "(A + y)exp(-2y) is non-increasing for y >= 1/2 - A]"
)


@dataclass(frozen=True)
class LinearSech2Tail:
    """The lemma's instance for :math:`f(x) = (x - a)(1 - \\tanh^2 x)` beyond ``|x| >= T``.

    Arguments:
        a: the shift (exact rational).
        T: where the tail starts; must satisfy ``T >= max(0, 1/2 - |a|)``.
    """

    a: Fraction
    T: Fraction

    def __post_init__(self) -> None:
        need = max(Fraction(0), Fraction(1, 2) - abs(self.a))
        if self.T < need:
            raise InvalidArgumentError(
                f"Cannot have T={self.T} < max(0, 1/2 - |a|)={need} for a={self.a}: the "
                "tail lemma needs (|a| + y)exp(-2y) non-increasing on [T, inf); raise T"
            )

    def template(self, x: sympy.Symbol) -> sympy.Expr:
        """The expression the lemma is about, in the variable ``x``."""
        a = sympy.Rational(self.a.numerator, self.a.denominator)
        return (x - a) * (1 - sympy.tanh(x) ** 2)

    def matches(self, expr: sympy.Expr, x: sympy.Symbol) -> bool:
        """Exactly whether ``expr`` is ``±`` the template (so ``|expr|`` obeys the lemma)."""
        t = self.template(x)
        return sympy.expand(expr - t) == 0 or sympy.expand(expr + t) == 0

    def bound(self) -> arb:
        """A ball containing :math:`4(|a| + T)e^{-2T}`."""
        A, T = point(abs(self.a)), point(self.T)
        return 4 * (A + T) * (-2 * T).exp()

    @classmethod
    def beyond(cls, a: Fraction, target: Fraction) -> "LinearSech2Tail":
        """The instance with the smallest power-of-two ``T`` (≥ 1) whose bound is ``< target``."""
        if target <= 0:
            raise InvalidArgumentError(f"Cannot have target={target} <= 0: |f| >= 0 everywhere")
        T = max(Fraction(1), Fraction(1, 2) - abs(a))
        while True:
            lemma = cls(a, T)
            if lemma.bound() < point(target):
                return lemma
            T *= 2

    def to_json(self) -> dict[str, str]:
        return {
            "lemma": "linear-sech2",
            "a": str(self.a),
            "T": str(self.T),
            "bound_upper": upper_str(self.bound()),
            "statement": LEMMA_TEXT,
        }
