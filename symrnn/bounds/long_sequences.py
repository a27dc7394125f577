r"""The LSTM's c-path over long sequences: the readings of ``lstm-long-sequences``.

The article: "if your sequence is very long, thousands of steps, what should vanish still
vanishes". Two precise readings, besides the measurement (:mod:`symrnn.flow`):

* ``/zero-U`` (proved) — with every recurrent weight zero and inputs in a bounded set, eq (8)
  reduces to :math:`\partial c_t/\partial c_{t-1} = f_t \le F = \sigma(|W_f|X + |b_f|) < 1`,
  so :math:`|\partial c_T/\partial c_0| \le F^T \to 0`;
* ``/inevitable`` (refuted) — "for long sequences the c-path gradient vanishes whatever the
  weights": for every T, the forget bias :math:`b_f = \ln 2T` (U = W = 0) gives
  :math:`f_t = 2T/(2T+1)` and :math:`\partial c_T/\partial c_0 = (1 - 1/(2T+1))^T \ge
  (T+1)/(2T+1) > 1/2` (Bernoulli's inequality); at T = 1000 exactly
  :math:`(2000/2001)^{1000} > 1/2`. Vanishing over thousands of steps is a property of
  typical weights (the forget bias), not a law.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, §4.
"""

from __future__ import annotations

from fractions import Fraction

import sympy

from ..derivation import article_derivative
from ..verify.identity import check_identity
from ..verify.lemmas import lemma_statuses, nonnegative_polynomial
from ..verify.verdict import Verdict

__all__ = ["check_zero_u", "check_inevitable"]

_T = sympy.Symbol("T", nonnegative=True)


def _proved(lemmas: dict) -> bool:
    return all(v["status"] == "proved" for v in lemmas.values())


def check_zero_u() -> Verdict:
    """``lstm-long-sequences/zero-U``: U = 0 and bounded inputs give |∂c_T/∂c_0| <= F^T."""
    d = article_derivative("lstm")
    zero = {sympy.Symbol(f"U_{g}"): 0 for g in "fioc"}
    reduces = sympy.expand(d.expr.subs(zero) - sympy.Symbol("f_t")) == 0
    z = sympy.Symbol("z")
    gate_below_1 = check_identity(1 - 1 / (1 + sympy.exp(-z)), 1 / (1 + sympy.exp(z))).proved
    lemmas = lemma_statuses("power-bound", "geometric-limit")
    ok = reduces and gate_below_1 and _proved(lemmas)
    return Verdict("proved" if ok else "unknown",
                   "exact: eq (8) at U = 0 is f_t; 1 - sigma(z) = 1/(1 + e^z) > 0; lemmas "
                   "power-bound and geometric-limit",
                   evidence={"eq8_at_U=0": str(d.expr.subs(zero)),
                             "F": "sigma(|W_f| X + |b_f|) < 1 for |x_t| <= X (sigma increasing)",
                             "bound": "|dc_T/dc_0| = ∏ f_t <= F^T -> 0", "lemmas": lemmas})


def check_inevitable(T: int = 1000, k: int | Fraction = 2) -> Verdict:
    """``lstm-long-sequences/inevitable``: refuted: the forget bias b_f = ln(kT), k = 2,
    keeps ∂c_T/∂c_0 > 1/2 for every T (a smaller k does not: a test of the check)."""
    Ts, kk = sympy.Symbol("T"), sympy.Rational(k)
    f = 1 / (1 + sympy.exp(-sympy.log(kk * Ts)))  # sigma(ln kT)
    gate = check_identity(f, kk * Ts / (kk * Ts + 1)).proved
    # Bernoulli with d = -1/(kT+1) >= -1: (1 + d)^T >= 1 + T d = 1 - T/(kT+1), and
    # 1 - T/(kT+1) - 1/2 = ((k - 2)T + 1)/(2(kT + 1)) > 0 for T >= 0 when k >= 2
    margin = sympy.factor(1 - Ts / (kk * Ts + 1) - sympy.Rational(1, 2))
    num, den = sympy.fraction(margin)
    # both are polynomials in T >= 0 with non-negative coefficients and a positive constant
    positive = all(nonnegative_polynomial(sympy.expand(p).subs(Ts, _T), {_T})
                   and sympy.expand(p).subs(Ts, 0) > 0 for p in (num, den))
    d = article_derivative("lstm")
    zero = {sympy.Symbol(f"U_{g}"): 0 for g in "fioc"}
    reduces = sympy.expand(d.expr.subs(zero) - sympy.Symbol("f_t")) == 0
    fk = Fraction(k)
    exact = (fk * T / (fk * T + 1)) ** T  # the product at T, in exact rationals
    lemmas = lemma_statuses("bernoulli")
    ok = gate and positive and reduces and exact > Fraction(1, 2) and _proved(lemmas)
    return Verdict("refuted" if ok else "unknown",
                   f"exact family for every T (sigma(ln {k}T) = {k}T/({k}T+1), lemma bernoulli) "
                   f"and the exact rational product at T = {T}",
                   evidence={"weights": f"U = 0, W_f = 0, b_f = ln({k}T)",
                             "f_t": f"{k}T/({k}T+1)",
                             "dc_T/dc_0": f"(1 - 1/({k}T+1))^T >= 1 - T/({k}T+1) > 1/2",
                             "margin": str(margin), "T": T,
                             "product_at_T_exceeds_1/2": exact > Fraction(1, 2),
                             "product_at_T_approx": f"{float(exact):.6f}",
                             "lemmas": lemmas})
