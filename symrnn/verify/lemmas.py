r"""The general lemmas behind the readings, each checked by machine.

A reading is *proved* only when every step of its argument is checked (issue 12): the
article's "a product of m numbers of modulus ≤ q has modulus ≤ q^m" is a lemma here, with
its induction step checked exactly, not a sentence in a docstring. Each lemma's algebra is
reduced to one of two exact checks:

* **non-negative polynomial** — the difference of the two sides, expanded, is a polynomial
  whose coefficients are all ≥ 0 in variables that are ≥ 0 (real variables only at even
  powers): every monomial is ≥ 0, so the sum is (:func:`nonnegative_polynomial`);
* **identity** — :func:`~symrnn.verify.identity.check_identity` or an exact SymPy limit.

The logic that joins the steps is fixed and small: induction on m (base and step checked),
transitivity of ≤, summing finitely many inequalities term by term, and the definition of
the operator norm as the least K ≥ 0 with ‖Ax‖₂ ≤ K‖x‖₂ for every x.

>>> lemma("power-bound").status
'proved'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

import sympy

from .._errors import SymrnnError, TimeLimitError, UnknownClaimError
from .identity import check_identity
from .verdict import Verdict

__all__ = ["LEMMAS", "identically_zero", "lemma", "lemma_statuses", "nonnegative_polynomial"]


def identically_zero(expr: sympy.Expr) -> bool:
    """True when :func:`~symrnn.verify.identity.check_identity` proves ``expr = 0`` for all
    real values of its symbols. A symbol with assumptions (``M`` positive) is read as a plain
    real variable first: an identity of all reals holds a fortiori on the smaller domain.
    False when unsure (never from SymPy's ``simplify``, whose zero is not a proof)."""
    expr = sympy.sympify(expr)
    symbols = expr.free_symbols
    if len({s.name for s in symbols}) != len(symbols):
        return False  # two variables with one name: the plain reading would merge them
    plain = {s: sympy.Symbol(s.name) for s in symbols if isinstance(s, sympy.Symbol)}
    try:
        return check_identity(expr.xreplace(plain), 0).proved
    except TimeLimitError:
        raise  # the caller's time budget
    except SymrnnError:  # outside the checker's language or over its size limits: unsure
        return False


def nonnegative_polynomial(expr: sympy.Expr, nonneg: Iterable[sympy.Symbol] = (),
                           real: Iterable[sympy.Symbol] = ()) -> bool:
    """True when ``expr``, expanded, is a polynomial in ``nonneg`` (each ≥ 0) and ``real``
    variables with every coefficient ≥ 0 and every ``real`` variable at an even power:
    then ``expr ≥ 0`` wherever the variables are in range. False when unsure."""
    nonneg, real = set(nonneg), set(real)
    expr = sympy.expand(expr)
    if expr.free_symbols - nonneg - real:
        return False
    if expr.is_zero:
        return True
    gens = sorted(nonneg | real, key=str)
    if not gens:
        return bool(expr.is_Rational and expr >= 0)
    try:
        poly = sympy.Poly(expr, *gens)
    except sympy.PolynomialError:
        return False
    for monom, coeff in poly.terms():
        if not (coeff.is_Rational and coeff >= 0):
            return False
        if any(g in real and e % 2 for g, e in zip(poly.gens, monom)):
            return False
    return True


def _verdict(statement: str, steps: dict[str, bool], how: str) -> Verdict:
    ok = all(steps.values())
    return Verdict("proved" if ok else "unknown", how,
                   evidence={"steps": {k: "checked" if v else "FAILED" for k, v in steps.items()}},
                   statement=statement)


_nn = functools.partial(sympy.Symbol, nonnegative=True)


def _product_monotone() -> Verdict:
    a, b, s, u = (_nn(n) for n in "absu")
    return _verdict(
        "for 0 ≤ x ≤ A and 0 ≤ y ≤ B: xy ≤ AB; for x ≥ A ≥ 0 and y ≥ B ≥ 0: xy ≥ AB",
        {"(a + s)(b + u) - ab = au + sb + su >= 0 for a, b, s, u >= 0 (upper half: a, b = x, "
         "y and A = x + s, B = y + u; lower half: a, b = A, B and x = A + s, y = B + u)":
             nonnegative_polynomial((a + s) * (b + u) - a * b, {a, b, s, u})},
        "non-negative polynomial after writing each larger side as the smaller plus a slack")


def _power_bound() -> Verdict:
    a, b = sympy.symbols("a b", real=True)
    mono = lemma("product-monotone").proved
    return _verdict(
        "if |a_j| ≤ q for j = 1, …, m then |a_1⋯a_m| ≤ q^m; if |a_j| ≥ q ≥ 0 for every j "
        "then |a_1⋯a_m| ≥ q^m (every m ≥ 0)",
        {"base m = 0: the empty product is 1 = q^0": True,
         "|ab| = |a||b|: both sides >= 0 with equal squares (ab)^2 = a^2 b^2":
             sympy.expand((a * b) ** 2 - a**2 * b**2) == 0,
         "step: |P_{m-1}| <= q^(m-1), |a_m| <= q => |P_m| <= q^m (product-monotone)": mono,
         "step, lower: |P_{m-1}| >= q^(m-1), |a_m| >= q => |P_m| >= q^m (product-monotone)":
             mono},
        "induction on m with the product-monotone lemma")


def _bernoulli() -> Verdict:
    m, e, s, Y = _nn("m"), _nn("e"), _nn("s"), sympy.Symbol("Y", real=True)
    d = sympy.Symbol("d", real=True)  # d >= -1: 1 + d = e >= 0
    return _verdict(
        "(1 + d)^m ≥ 1 + m d for every real d ≥ −1 and integer m ≥ 0",
        {"base m = 0: (1 + d)^0 = 1 = 1 + 0 d": True,
         "(1 + d)^(m+1) >= (1 + m d)(1 + d): the hypothesis X = Y + s >= Y = 1 + m d times "
         "e = 1 + d >= 0: e X - e Y = e s >= 0": nonnegative_polynomial(e * (Y + s) - e * Y,
                                                                       {e, s}),
         "(1 + m d)(1 + d) - (1 + (m + 1) d) = m d^2 >= 0":
             nonnegative_polynomial((1 + m * d) * (1 + d) - (1 + (m + 1) * d), {m}, {d})},
        "induction on m: exact step and a non-negative polynomial")


def _geometric_limit() -> Verdict:
    m, d = sympy.Symbol("m", positive=True), sympy.Symbol("d", positive=True)
    return _verdict(
        "for 0 ≤ q < 1, q^m → 0 as m → ∞; for q > 1, q^m → ∞",
        {"q = 0: q^m = 0 for m >= 1": True,
         "0 < q < 1: q = 1/(1 + d), d > 0, q^m <= 1/(1 + m d) (bernoulli)":
             lemma("bernoulli").proved,
         "lim 1/(1 + m d) = 0": sympy.limit(1 / (1 + m * d), m, sympy.oo) == 0,
         "q > 1: q = 1 + d, q^m >= 1 + m d (bernoulli)": lemma("bernoulli").proved,
         "lim (1 + m d) = oo": sympy.limit(1 + m * d, m, sympy.oo) is sympy.oo},
        "Bernoulli's inequality and exact limits of rational functions")


def _geometric_tail() -> Verdict:
    q, A, B = sympy.symbols("q A B")  # A = q^d, B = q^(M+1): then q^(M+2) = B q
    closed = (A - B) / (1 - q)
    return _verdict(
        "for 0 ≤ q < 1 and integers M ≥ d ≥ 0: Σ_{m=d}^{M} q^m = (q^d − q^(M+1))/(1 − q) "
        "≤ q^d/(1 − q)",
        {"base M = d (B = A q): (A - A q)/(1 - q) = A":
             check_identity(closed.subs(B, A * q), A).proved,
         "step: closed(M) + q^(M+1) = closed(M + 1), i.e. (A - B)/(1 - q) + B = (A - B q)/(1 - q)":
             check_identity(closed + B, (A - B * q) / (1 - q)).proved,
         "q^d/(1 - q) - closed(M) = q^(M+1)/(1 - q) >= 0 (q >= 0, 1 - q > 0)":
             check_identity(A / (1 - q) - closed, B / (1 - q)).proved},
        "induction on M with exact identities")


def _triangle() -> Verdict:
    a, b = sympy.symbols("a b", real=True)
    A, B = _nn("A"), _nn("B")  # A = |a|, B = |b|, with A^2 = a^2, B^2 = b^2 and AB = |ab| >= ab
    lhs_minus_rhs = sympy.expand((A + B) ** 2 - (a + b) ** 2).xreplace({A**2: a**2, B**2: b**2})
    return _verdict(
        "|a_1 + ⋯ + a_m| ≤ |a_1| + ⋯ + |a_m| for real a_j",
        {"(|a| + |b|)^2 - (a + b)^2 = 2(|a||b| - ab)":
             sympy.expand(lhs_minus_rhs - 2 * (A * B - a * b)) == 0,
         "|a||b| = |ab| >= ab (power-bound's |ab| = |a||b|; x <= |x|)": lemma("power-bound").proved,
         "both sides >= 0, so |a + b| <= |a| + |b|; m terms by induction": True},
        "exact expansion of the squares")


def _diag_norm() -> Verdict:
    s = _nn("s")
    dk, yk = sympy.symbols("d_k y_k", real=True)
    m2 = dk**2 + s  # m^2 >= d_k^2 for every k: m^2 = d_k^2 + s_k, s_k >= 0
    return _verdict(
        "for d ∈ ℝ^n and m ≥ max_k |d_k|: ‖diag(d) y‖₂ ≤ m‖y‖₂ for every y ∈ ℝ^n, every n; "
        "so ‖diag(d)‖₂ = max_k |d_k| (equality at y = e_k) and ‖diag(d) A‖₂ ≤ max_k |d_k| ‖A‖₂",
        {"term k: m^2 y_k^2 - d_k^2 y_k^2 = s_k y_k^2 >= 0":
             nonnegative_polynomial(m2 * yk**2 - dk**2 * yk**2, {s}, {yk}),
         "sum over k: m^2 ‖y‖² - ‖diag(d) y‖² = Σ_k s_k y_k^2 >= 0 (a sum of the terms)": True,
         "square roots: both sides >= 0": True,
         "y = e_k: ‖diag(d) e_k‖₂ = |d_k|, so the bound max_k |d_k| is attained": True,
         "‖diag(d) A x‖₂ <= m ‖A x‖₂ <= m ‖A‖₂ ‖x‖₂ (y = A x; product-monotone)":
             lemma("product-monotone").proved},
        "generic coordinate k: a non-negative polynomial, summed over k")


def _operator_norm_product() -> Verdict:
    return _verdict(
        "with ‖A‖₂ the least K ≥ 0 such that ‖Ax‖₂ ≤ K‖x‖₂ for every x: ‖AB‖₂ ≤ ‖A‖₂‖B‖₂, "
        "so ‖J_t⋯J_{k+1}‖₂ ≤ ∏_j ‖J_j‖₂, and ≤ q^(t−k) when every ‖J_j‖₂ ≤ q",
        {"‖ABx‖ <= ‖A‖ ‖Bx‖: the definition of ‖A‖ at the vector Bx": True,
         "‖A‖ ‖Bx‖ <= ‖A‖ ‖B‖ ‖x‖: product-monotone with ‖A‖ >= 0":
             lemma("product-monotone").proved,
         "t - k factors: induction as in power-bound": lemma("power-bound").proved},
        "the operator norm's definition, product-monotone and induction")


#: name → check; each returns a Verdict with the checked steps as evidence.
LEMMAS: dict[str, Callable[[], Verdict]] = {
    "product-monotone": _product_monotone,
    "power-bound": _power_bound,
    "bernoulli": _bernoulli,
    "geometric-limit": _geometric_limit,
    "geometric-tail": _geometric_tail,
    "triangle": _triangle,
    "diag-norm": _diag_norm,
    "operator-norm-product": _operator_norm_product,
}


@functools.lru_cache(maxsize=None)
def lemma(name: str) -> Verdict:
    """The (cached) verdict of one lemma of :data:`LEMMAS`."""
    try:
        check = LEMMAS[name]
    except KeyError:
        raise UnknownClaimError(f"unknown lemma {name!r}; known: {', '.join(LEMMAS)}") from None
    return check()


def lemma_statuses(*names: str) -> dict[str, Any]:
    """``{name: {"status", "statement"}}`` for the evidence of a reading that uses them."""
    return {n: {"status": lemma(n).status, "statement": lemma(n).statement} for n in names}
