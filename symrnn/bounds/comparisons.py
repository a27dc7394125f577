r"""Worst cases and witnesses: the readings of the article's comparisons, decided.

Where the article compares terms ("squeezed harder", "one gate fewer so they may be
larger", "the main term dominates"), a careful reader can mean the comparison *pointwise*
(at every admissible point) or of *suprema* (the worst case over all admissible points).
Each is its own reading with its own verdict; this module decides the worst-case and
unqualified readings, from the same objects as :mod:`symrnn.bounds.terms`:

* a supremum is *approached* by an exact family of admissible points whose value is a
  rational function of N with limit the supremum (checked by SymPy, exactly);
* a reading is *refuted* by an admissible point at which an exact or Arb evaluation of the
  article's own term (from :func:`~symrnn.derivation.article_derivative`) excludes it.

Admissible points are in gate notation: sigmoid gates in (0, 1), tanh outputs in (−1, 1),
the LSTM's c_{t-1} real. Every such point is reached by the cell (each gate has its own
bias, so its value can be set independently: :mod:`symrnn.bounds.terms`).

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (6), (8)–(10), (13).
"""

from __future__ import annotations

import functools
from typing import Any

import sympy

from ..cells._base import prev_sym, t_sym
from ..verify.lemmas import identically_zero, nonnegative_polynomial
from ..derivation import article_derivative
from ..verify.arb import arb_eval, working_precision
from ..verify.verdict import Verdict
from ._interval import ball_str, lower_str
from .terms import TermSup, reset_factor_lemmas, term_suprema

__all__ = ["check_tanh_uniform_in_a", "check_tanh_below_1", "check_four_gates_worst_case",
           "check_four_gates_all_weights", "check_secondary_worst_case",
           "check_forget_main_term_larger", "check_forget_no_explosion",
           "check_gru_strictly_larger", "check_reset_amplifies", "approaching_family"]

Q = sympy.Rational
N = sympy.Symbol("N", positive=True)
_M = sympy.Symbol("M", nonnegative=True)
_U, _Uf, _Ui, _Uc = (sympy.Symbol(n) for n in ("U", "U_f", "U_i", "U_c"))


@functools.lru_cache(maxsize=None)
def _terms(cell: str) -> dict[str, sympy.Expr]:
    """The article's terms of ``cell``'s derivative, by label (eq 8's and eq 13's split)."""
    return {t.label: t.expr for t in article_derivative(cell).terms}


def _lstm(eq: str) -> sympy.Expr:
    label = {"main": "f_t", "eq9": "c_{t-1} ∂f_t/∂c_{t-1}", "eq10a": "chat_t ∂i_t/∂c_{t-1}",
             "eq10b": "i_t ∂chat_t/∂c_{t-1}"}[eq]
    return _terms("lstm")[label]


def _row(cell: str, label_has: str) -> TermSup:
    (ts,) = [t for t in term_suprema(cell) if label_has in t.label]
    return ts


def _point(values: dict[str, Any]) -> dict[sympy.Symbol, sympy.Rational]:
    names = {"f": t_sym("f"), "i": t_sym("i"), "chat": t_sym("chat"), "o1": prev_sym("o"),
             "c1": prev_sym("c"), "U_f": _Uf, "U_i": _Ui, "U_c": _Uc}
    return {names[k]: Q(v) for k, v in values.items()}


def _json(point: dict[sympy.Symbol, Any]) -> dict[str, str]:
    return {str(k): str(v) for k, v in point.items()}


def approaching_family(term: sympy.Expr, point: dict[sympy.Symbol, sympy.Expr],
                       weight: sympy.Symbol, sup_factor: sympy.Expr) -> dict[str, Any]:
    """Check exactly that ``term`` at ``point`` (a function of N) equals ``weight`` times a
    rational function of N that tends to ``sup_factor`` as N → ∞, from below (N ≥ 1)."""
    value = sympy.cancel(term.subs(point) / weight)
    ok = value.free_symbols <= {N}
    limit = sympy.limit(value, N, sympy.oo) if ok else sympy.nan
    below = sympy.cancel(sup_factor - value)
    # sup - value >= 0 for N >= 1: numerator and denominator are non-negative polynomials in
    # M = N - 1 with a non-zero denominator
    num, den = (sympy.expand(p.subs(N, 1 + _M)) for p in sympy.fraction(below))
    return {"point": {str(k): str(v) for k, v in point.items()}, "N": ">= 1",
            "term/weight": str(value), "limit_N->oo": str(limit), "sup - term/weight": str(below),
            "ok": bool(ok and sympy.cancel(limit - sup_factor) == 0
                       and nonnegative_polynomial(num, {_M}) and nonnegative_polynomial(den, {_M})
                       and not den.is_zero)}


def check_tanh_uniform_in_a(a_sign: int = -1) -> Verdict:
    """``tanh-bounded-in-U/uniform-in-a``: refuted by a = −A, U = A, h_{t-1} = 1
    (``a_sign`` = +1 puts a = +A instead, which does not refute: a test of the check)."""
    J = article_derivative("rnn").direct()  # U (1 - tanh(U h + W x + b)^2)
    A = sympy.Symbol("A", positive=True)
    W, x, b, h = sympy.Symbol("W"), t_sym("x"), sympy.Symbol("b"), prev_sym("h")
    value = J.subs({W: 0, x: 0, b: a_sign * A, _U: A, h: 1})
    ok = identically_zero(value - A)
    witness = {W: 0, x: 0, b: -10, _U: 10, h: 1}
    return Verdict("refuted" if ok else "unknown",
                   "exact family: at h_{t-1} = 1, a = W x_t + b = -A, U = A the derivative is "
                   "(1 - tanh² 0) A = A, unbounded in A",
                   witness={k: Q(v) for k, v in witness.items()} if ok else None,
                   evidence={"family": {"h_{t-1}": "1", "a": "-A", "U": "A"},
                             "dh_t/dh_{t-1}": str(value),
                             "why": "S(|a|) >= |a|: the bound over U grows with |a|"})


def check_tanh_below_1(U: str = "24/5", h: str = "1/4") -> Verdict:
    """``tanh-bounded-in-U/below-1``: refuted at h_{t-1} = 1/4, a = 0, U = 24/5."""
    J = article_derivative("rnn").direct()
    W, x, b, h1 = sympy.Symbol("W"), t_sym("x"), sympy.Symbol("b"), prev_sym("h")
    witness = {W: Q(0), x: Q(0), b: Q(0), _U: Q(U), h1: Q(h)}
    with working_precision(128):
        val = arb_eval(J, witness)
    ok = bool(val > 1)
    return Verdict("refuted" if ok else "unknown",
                   "Arb evaluation of eq (6)'s derivative of the written-out cell at an exact "
                   f"point: (1 - tanh²(U h)) U > 1 at U = {U}, h_(t-1) = {h}",
                   witness=witness if ok else None,
                   evidence={"value": ball_str(val), "lower": lower_str(val),
                             "why": "the supremum over U is S(|a|)/|h_{t-1}| = g*/|h_{t-1}| at "
                                    "a = 0, above 1 whenever |h_{t-1}| < g* ≈ 0.448"})


def check_four_gates_worst_case() -> Verdict:
    """``four-gates/worst-case``: sup|term (9)| = (g*/4)|U_f| < |U| = sup|eq 6| at equal
    weight."""
    t9, rnn = _row("lstm", "∂f_t"), term_suprema("rnn")[0]
    ok = (t9.factor is not None and bool(t9.factor < 1) and rnn.factor_formula == 1
          and rnn.attained)
    return Verdict("proved" if ok else "unknown",
                   "certified term suprema: (g*/4) < 1 by the Arb enclosure of g*; eq (6)'s "
                   "supremum |U| attained at h_t = 0",
                   evidence={"eq9": t9.to_json(), "eq6": rnn.to_json()})


def check_four_gates_all_weights(U_f: int = 20) -> Verdict:
    """``four-gates/all-weights``: refuted at U_f = 20 (term (9) > 1)."""
    witness = _point({"f": "1/2", "o1": "99/100", "c1": "6/5", "U_f": U_f})
    with working_precision(128):
        val = arb_eval(_lstm("eq9"), witness)
    ok = bool(val > 1)
    return Verdict("refuted" if ok else "unknown",
                   "Arb evaluation of the article's term (9) at an admissible exact point",
                   witness=witness if ok else None,
                   evidence={"term": str(_lstm("eq9")), "value": ball_str(val),
                             "lower": lower_str(val),
                             "why": "the four gates bound the term by (g*/4)|U_f|, which "
                                    "exceeds 1 once |U_f| > 4/g* ≈ 8.93"})


def check_secondary_worst_case(i_t: sympy.Expr = 1 - 1 / N) -> Verdict:
    """``secondary-terms-small/worst-case``: refuted by eq (10b), whose supremum |U_c|
    equals eq (6)'s |U| (approached as i_t, o_{t-1} → 1 with ĉ_t = c_{t-1} = 0)."""
    t10b, rnn = _row("lstm", "∂chat_t"), term_suprema("rnn")[0]
    fam = approaching_family(_lstm("eq10b"), {t_sym("i"): i_t, prev_sym("o"): 1 - 1 / N,
                                              t_sym("chat"): 0, prev_sym("c"): 0}, _Uc, 1)
    ok = fam["ok"] and t10b.factor_formula == 1 and rnn.factor_formula == 1 and rnn.attained
    return Verdict("refuted" if ok else "unknown",
                   "eq (10b)'s supremum |U_c| (certified upper bound, and an exact family "
                   "approaching it) equals eq (6)'s attained |U|: not strictly below",
                   evidence={"eq10b": t10b.to_json(), "eq6": rnn.to_json(),
                             "approaching_family": fam})


def _lstm_total(point: dict[sympy.Symbol, sympy.Rational]) -> tuple[sympy.Expr, sympy.Expr]:
    main = _lstm("main").subs(point)
    rest = sum((_lstm(e).subs(point) for e in ("eq9", "eq10a", "eq10b")), sympy.Integer(0))
    return sympy.nsimplify(main), sympy.nsimplify(rest)


def check_forget_main_term_larger(f: str = "1/100") -> Verdict:
    """``forget-dominant/main-term-larger``: refuted at f_t = 1/100, U_c = 1."""
    witness = _point({"f": f, "i": "1/2", "chat": 0, "o1": "1/2", "c1": 0,
                      "U_f": 0, "U_i": 0, "U_c": 1})
    main, rest = _lstm_total(witness)
    ok = main.is_Rational and rest.is_Rational and abs(rest) > abs(main)
    return Verdict("refuted" if ok else "unknown",
                   "exact evaluation of the article's terms (8)–(10) at an admissible point: "
                   f"the secondary terms sum to 1/4 > f_t = {f}",
                   witness=witness if ok else None,
                   evidence={"main_term": str(main), "secondary_sum": str(rest),
                             "why": "f_t can be arbitrarily close to 0 while i_t ∂ĉ_t/∂c_{t-1} "
                                    "stays near |U_c|/4 (independent biases); the same holds "
                                    "for every U_c != 0"})


def check_forget_no_explosion(f: str = "9/10") -> Verdict:
    """``forget-dominant/no-explosion``: refuted: ∂c_t/∂c_{t-1} = 23/20 > 1 at |U_c| = 1."""
    witness = _point({"f": f, "i": "1/2", "chat": 0, "o1": "1/2", "c1": 0,
                      "U_f": 0, "U_i": 0, "U_c": 1})
    main, rest = _lstm_total(witness)
    total = main + rest
    ok = total.is_Rational and abs(total) > 1
    return Verdict("refuted" if ok else "unknown",
                   "exact evaluation of the article's (8) at an admissible point with all "
                   f"weights in [-1, 1]: ∂c_t/∂c_{{t-1}} = {total}",
                   witness=witness if ok else None,
                   evidence={"dc_t/dc_{t-1}": str(total), "main_term": str(main),
                             "secondary_sum": str(rest),
                             "why": "the gain is f_t plus secondary terms; with f_t near 1 any "
                                    "positive secondary term pushes it above 1 (it stays below "
                                    "1 + eps(U): forget-dominant/pointwise)"})


def check_gru_strictly_larger(c_prev: sympy.Expr = sympy.Integer(0)) -> Verdict:
    """``gru-less-stable/strictly-larger``: refuted: eq (13)'s ĥ_t term and eq (10a) have the
    same supremum |U|/4."""
    gru = _row("gru", "hhat_t ∂z_t")
    t10a = _row("lstm", "∂i_t")
    fam = approaching_family(_lstm("eq10a"), {t_sym("i"): Q(1, 2), prev_sym("o"): 1 - 1 / N,
                                              t_sym("chat"): 1 - 1 / N, prev_sym("c"): c_prev},
                             _Ui, Q(1, 4))
    ok = fam["ok"] and gru.factor_formula == Q(1, 4) and t10a.factor_formula == Q(1, 4)
    return Verdict("refuted" if ok else "unknown",
                   "certified suprema: eq (13)'s z_t(1 - z_t) ĥ_t U_z has sup |U_z|/4 (upper "
                   "bound), eq (10a)'s term approaches |U_i|/4 along an exact family: at equal "
                   "weights the GRU term is not strictly larger",
                   evidence={"gru_term": gru.to_json(), "lstm_eq10a": t10a.to_json(),
                             "approaching_family": fam})


def check_reset_amplifies() -> Verdict:
    """``gru-less-stable/reset-amplifies``: ψ(k) > 1 exactly when k = |U_r| > 1."""
    lemmas = reset_factor_lemmas()  # raises if an identity of the ψ derivation fails
    k = sympy.Symbol("k", positive=True)
    gap = sympy.cancel((1 + k) ** 2 / (4 * k) - 1)
    kk = sympy.Symbol("kk", nonnegative=True)  # k = 1 + kk, kk > 0 for k > 1
    ok = (sympy.cancel(gap - (k - 1) ** 2 / (4 * k)) == 0
          and sympy.expand(((k - 1) ** 2).subs(k, 1 + kk)) == kk**2)
    return Verdict("proved" if ok else "unknown",
                   "the ψ lemma (exact maximisation over r_t, |h_{t-1}| <= 1) and "
                   "(1+k)²/(4k) - 1 = (k-1)²/(4k) > 0 for k > 1",
                   evidence={"psi": lemmas["psi"],
                             "psi(k) - 1 for k > 1": "(k - 1)^2/(4k) = kk^2/(4(1 + kk)), "
                                                     "k = 1 + kk, kk > 0",
                             "factor": "r_t (1 + (1 - r_t) h_{t-1} U_r)"})

