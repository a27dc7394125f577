r"""The supremum of every term of every cell's Jacobian over all admissible gate values.

Each term of :func:`symrnn.derivation.article_derivative` — eq (6), (8)–(10), (13), and the
single-gate (12) and variant (14) Jacobians — is a product of factors. The factors split
into the *carried weight* (a bare ``U_*``) and groups with disjoint variables; over the
product box of admissible values the supremum of a product of non-negative functions of
disjoint variables is the product of the suprema, attained iff each is. Admissible values:

* sigmoid gates (``f_t, i_t, o_t, z_t, r_t``, and ``o_{t-1}, r_{t-1}``): the open (0, 1);
* tanh outputs (``chat_t, hhat_t, n_t``, the simple RNN's ``h_t``): the open (-1, 1);
* ``h_{t-1}`` of the GRUs and ``c_{t-1}`` of eq (14): the closed [-1, 1], by
  :mod:`~symrnn.bounds.invariants` (given :math:`|h_0| \le 1`, resp. :math:`|c_0| \le 1`);
* the LSTM's ``c_{t-1}``: all of ℝ (it is unbounded, *lstm-c-unbounded*).

Gates of different pre-activations are independent (each has its own bias), so the box is
the true admissible set. One-variable groups are maximised exactly: polynomials by their
derivative's real roots and the interval's ends; :math:`1-\tanh^2 c` (sup 1 at c = 0) and
:math:`(1-\tanh^2 c)c` (sup g* by :mod:`~symrnn.bounds.xsech2`) over ℝ. A group carrying
*another* weight — GRU's :math:`r_t(1 + (1-r_t)h_{t-1}U_r)` — is a function of that weight:

.. math::

    \psi(k) = \sup_{r, |h|\le1} r\,|1 + (1-r)hU_r| =
      \begin{cases} 1 & k \le 1 \\ \frac{(1+k)^2}{4k} & k > 1 \end{cases},\qquad
    \chi(k) = \sup r^2 |1 + (1-r)hU_r| =
      \begin{cases} 1 & k \le 2 \\ \frac{4(1+k)^3}{27k^2} & k > 2 \end{cases}

(k = |U_r|; GRU eq (13), and eq (12) where r_t is also the update gate), proved in
:func:`reset_factor_lemmas` and evaluated exactly for given weights by :func:`group_sup`.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (6), (8)–(10), (13).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sympy
from flint import arb

from .._errors import UnsupportedFunctionError
from ..cells import get_cell
from ..cells._base import Cell, prev_sym
from ..derivation import article_derivative
from ._interval import ball_str, lower_str, upper_str
from .xsech2 import xsech2_supremum

__all__ = ["TermSup", "term_suprema", "comparison_table", "group_sup", "reset_factor_lemmas",
           "GSTAR", "Domain"]

#: The symbol g_star = g* = sup |(1 - tanh^2 c) c| in exact sup formulas.
GSTAR = sympy.Symbol("g_star", positive=True)
K = sympy.Symbol("k", nonnegative=True)

#: (lo, hi, lo_closed, hi_closed); lo = -oo, hi = oo for the real line.
Domain = tuple[sympy.Expr, sympy.Expr, bool, bool]
OPEN_GATE: Domain = (sympy.Integer(0), sympy.Integer(1), False, False)
OPEN_TANH: Domain = (sympy.Integer(-1), sympy.Integer(1), False, False)
CLOSED_STATE: Domain = (sympy.Integer(-1), sympy.Integer(1), True, True)
REAL_LINE: Domain = (-sympy.oo, sympy.oo, False, False)


@dataclass(frozen=True)
class TermSup:
    """One term's supremum: ``sup|term| = factor · |weight|`` (``factor`` may depend on
    other weights: then ``factor_formula`` is a function of them and ``factor`` is None)."""

    cell: str
    label: str
    role: str
    expr: sympy.Expr
    weight: sympy.Expr | None
    factor_formula: sympy.Expr
    factor: arb | None
    attained: bool
    groups: tuple[dict[str, Any], ...]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "cell": self.cell, "label": self.label, "role": self.role, "term": str(self.expr),
            "carried_weight": str(self.weight) if self.weight is not None else None,
            "sup_factor": _display(self.factor_formula), "attained": self.attained,
            "groups": list(self.groups),
        }
        if self.factor is not None:
            out.update(enclosure=ball_str(self.factor), lower=lower_str(self.factor),
                       upper=upper_str(self.factor))
        return out


def _display(formula: sympy.Expr) -> str:
    """The formula with the reset-factor piecewise functions shown by name."""
    k = sympy.Symbol("|U_r|")
    return str(formula.subs({_piecewise("psi"): sympy.Function("psi")(k),
                             _piecewise("chi"): sympy.Function("chi")(k)}))


def _domains(cell: Cell) -> dict[sympy.Symbol, Domain]:
    dom: dict[sympy.Symbol, Domain] = {}
    for s, e in cell.definitions:
        kind = type(e).__name__
        if kind == "sigmoid":
            dom[s] = OPEN_GATE
            dom[prev_sym(str(s)[:-2])] = OPEN_GATE  # o_{t-1}, r_{t-1}
        elif kind == "tanh":
            dom[s] = OPEN_TANH
    for st in cell.states:
        bounded = cell.name in ("gru", "mgu", "gru_torch", "variant")
        dom[prev_sym(st.name)] = CLOSED_STATE if bounded else REAL_LINE
    return dom


@functools.lru_cache(maxsize=None)
def _gstar() -> arb:
    return xsech2_supremum().value


def _to_arb(v: sympy.Expr) -> arb:
    if v.has(GSTAR):
        coeff = v / GSTAR
        return _to_arb(coeff) * _gstar()
    if v.is_Rational:
        return arb(int(v.p)) / int(v.q)
    # a 40-digit decimal is not an enclosure: refuse rather than certify a rounded value
    raise UnsupportedFunctionError(  # pragma: no cover - algebraic sups do not occur
        f"supremum {v} is not rational; an enclosure of it is not implemented")


def _poly_sup(p: sympy.Expr, v: sympy.Symbol, dom: Domain) -> tuple[sympy.Expr, bool, str]:
    """Exact sup of |p| over the domain for a polynomial p with rational coefficients (an
    infinite end of the domain contributes the limit: oo for a non-constant p, not attained)."""
    lo, hi, lo_c, hi_c = dom
    constant = sympy.degree(p, v) < 1

    def end(x: sympy.Expr, closed: bool) -> tuple[sympy.Expr, bool, str]:
        if x.is_infinite:
            return (abs(p) if constant else sympy.oo), False, f"{v}->{x}"
        return abs(p.subs(v, x)), closed, f"{v}={x}"

    cands: list[tuple[sympy.Expr, bool, str]] = [end(lo, lo_c), end(hi, hi_c)]
    for root in sympy.Poly(sympy.diff(p, v), v).real_roots() if sympy.degree(p, v) > 1 else []:
        if lo < root < hi:
            cands.append((abs(p.subs(v, root)), True, f"{v}={root}"))
    best = max((c[0] for c in cands), key=lambda c: (c.is_infinite, c if c.is_finite else 0))
    hits = [c for c in cands if c[0] == best
            or (best.is_finite and c[0].is_finite and sympy.expand(c[0] - best) == 0)]
    attained = any(c[1] for c in hits)
    where = next((c[2] for c in hits if c[1]), hits[0][2])
    return best, attained, where if attained else f"{where} (limit, not attained)"


def group_sup(expr: sympy.Expr, dom: dict[sympy.Symbol, Domain]) -> tuple[sympy.Expr, bool, str]:
    """Exact ``(sup |expr|, attained, where)`` for a group in at most two bounded variables
    affine in all but one, or one real variable of the known sech² forms."""
    free = sorted(expr.free_symbols, key=str)
    if not free:
        return abs(expr), True, "constant"
    if len(free) == 1:
        v = free[0]
        if dom[v] is REAL_LINE:
            sech2 = 1 - sympy.tanh(v) ** 2
            if sympy.expand(expr - sech2) == 0:
                return sympy.Integer(1), True, f"{v}=0"
            if sympy.expand(expr - v * sech2) == 0 or sympy.expand(expr + v * sech2) == 0:
                return GSTAR, True, f"{v}=±c* (xsech2 maximiser)"
            raise UnsupportedFunctionError(
                f"no exact supremum rule for {expr} over the real line; supported: "
                "1 - tanh^2 c and c(1 - tanh^2 c)"
            )
        if expr.is_polynomial(v):
            return _poly_sup(sympy.expand(expr), v, dom[v])
    affine = [s for s in free if sympy.degree(sympy.expand(expr), s) == 1 and dom[s][2] and dom[s][3]]
    if len(free) == 2 and affine:
        h = affine[0]
        (r,) = [s for s in free if s != h]
        # affine in h: extremal at an end of its closed range (vertex lemma)
        ends = [(group_sup(expr.subs(h, end), dom), end) for end in (dom[h][0], dom[h][1])]
        (val, att, where), end = max(ends, key=lambda e: e[0][0])
        return val, att, f"{where}, {h}={end}"
    raise UnsupportedFunctionError(
        f"no exact supremum rule for the group {expr} in {free}; split it or extend terms.py"
    )


@functools.lru_cache(maxsize=1)
def reset_factor_lemmas() -> dict[str, str]:
    """Check the closed forms ψ (GRU) and χ (single-gate GRU) exactly; return them."""
    r = sympy.Symbol("r")
    k = sympy.Symbol("k", positive=True)
    phi = r + k * r * (1 - r)
    rs = (1 + k) / (2 * k)
    ok_psi = (sympy.cancel(sympy.diff(phi, r).subs(r, rs)) == 0
              and sympy.diff(phi, r, 2) == -2 * k
              and sympy.cancel(phi.subs(r, rs) - (1 + k) ** 2 / (4 * k)) == 0
              and sympy.cancel(rs - 1 - (1 - k) / (2 * k)) == 0
              and sympy.cancel(sympy.diff(phi, r).subs(r, 1) - (1 - k)) == 0)
    p = r**2 * (1 + k * (1 - r))
    rc = 2 * (1 + k) / (3 * k)
    ok_chi = (sympy.expand(sympy.diff(p, r) - r * (2 + 2 * k - 3 * k * r)) == 0
              and sympy.cancel(p.subs(r, rc) - 4 * (1 + k) ** 3 / (27 * k**2)) == 0
              and sympy.cancel(rc - 1 - (2 - k) / (3 * k)) == 0)
    if not (ok_psi and ok_chi):  # pragma: no cover - SymPy regression guard
        raise RuntimeError("a reset-factor lemma identity failed")
    return {
        "psi": "psi(k) = sup_{r in (0,1), |h| <= 1} r|1 + (1 - r) h U_r| (k = |U_r|) = 1 for k <= 1 "
               "(phi = r + k r(1 - r) has phi' >= phi'(1) = 1 - k >= 0), (1 + k)^2/(4k) for k > 1 "
               "(concave, phi'' = -2k, vertex r* = (1 + k)/(2k) < 1); h = sign(U_r) gives |.|'s max",
        "chi": "chi(k) = sup r^2 |1 + (1 - r) h U_r| = 1 for k <= 2 (p' = r(2 + 2k - 3kr) >= r(2 - k) "
               ">= 0), 4(1 + k)^3/(27k^2) for k > 2 (p' changes sign once, at r* = 2(1 + k)/(3k) < 1)",
    }


def _piecewise(name: str) -> sympy.Expr:
    if name == "psi":
        return sympy.Piecewise((1, K <= 1), ((1 + K) ** 2 / (4 * K), True))
    return sympy.Piecewise((1, K <= 2), (4 * (1 + K) ** 3 / (27 * K**2), True))


def split_weight(term_expr: sympy.Expr, weights) -> tuple[sympy.Expr | None,
                                                          list[sympy.Expr], list[sympy.Expr]]:
    """A term as (the weights it carries, its step-function factors, the other factors).

    A factor is a weight when it is a weight symbol or a power of one; numbers other than
    ±1 go to the other factors as their absolute value.
    """
    carried: list[sympy.Expr] = []
    steps: list[sympy.Expr] = []
    rest: list[sympy.Expr] = []
    for fac in sympy.Mul.make_args(sympy.factor_terms(term_expr)):
        if (fac.base if fac.is_Pow else fac) in weights:
            carried.append(fac)
        elif isinstance(fac, sympy.Heaviside):
            steps.append(fac)
        elif fac.is_number:
            if abs(fac) != 1:
                rest.append(abs(fac))
        else:
            rest.append(fac)
    return (sympy.Mul(*carried) if carried else None), steps, rest


def _components(factors: list[sympy.Expr]) -> list[sympy.Expr]:
    groups: list[tuple[set[sympy.Symbol], list[sympy.Expr]]] = []
    for f in factors:
        syms = set(f.free_symbols)
        merged = [g for g in groups if g[0] & syms]
        for g in merged:
            groups.remove(g)
            syms |= g[0]
        groups.append((syms, [f] + [x for g in merged for x in g[1]]))
    return [sympy.Mul(*g[1]) for g in groups]


#: The cells whose admissible domains :func:`term_suprema` knows (others: symrnn.custom).
TERM_CELLS = ("rnn", "relu_rnn", "lstm", "gru", "mgu", "variant", "gru_torch")


def term_suprema(cell: str) -> list[TermSup]:
    """Every term's supremum over the admissible box, for ``cell``'s article derivative."""
    name = get_cell(cell).name
    if name not in TERM_CELLS:
        raise UnsupportedFunctionError(
            f"term_suprema(cell={name!r}): admissible domains are known for "
            f"{', '.join(TERM_CELLS)}; for other cells use symrnn.analyze(cell)")
    return list(_term_suprema(name))


@functools.lru_cache(maxsize=None)
def _term_suprema(cell: str) -> tuple[TermSup, ...]:
    c = get_cell(cell)
    d = article_derivative(c)
    dom = _domains(c)
    weights = c.matrix_symbols | {s for s in c.param_symbols}
    out: list[TermSup] = []
    for t in d.terms:
        weight, steps, rest = split_weight(t.expr, c.matrix_symbols)
        formula = sympy.Integer(1)
        attained = True
        groups: list[dict[str, Any]] = []
        for hv in steps:
            groups.append({"factor": str(hv), "sup": "1", "attained": True,
                           "where": "argument > 0 (take the bias large)"})
        for g in _components(rest):
            if g.free_symbols & weights:
                kind = _parametric_kind(g)
                if kind:
                    _check_closed_form(kind, g, dom)
                formula *= _piecewise(kind) if kind else sympy.Function("sup_gates")(g)
                attained = False if kind else attained
                groups.append({"factor": str(g), "sup": kind + "(|U_r|)" if kind else
                               "function of the weights", "attained": "see lemma" if kind
                               else "depends on the weights"})
                continue
            val, att, where = group_sup(g, dom)
            formula *= val
            attained &= att
            groups.append({"factor": str(g), "sup": str(val), "attained": att, "where": where})
        factor = None if formula.free_symbols - {GSTAR} else _to_arb(formula)
        out.append(TermSup(c.name, t.label, t.role, t.expr, weight, formula, factor, attained,
                           tuple(groups)))
    return tuple(out)


#: |U_r| values at which the closed forms psi, chi are re-derived by exact maximisation.
CHECK_POINTS = (sympy.Rational(1, 2), sympy.Integer(3))


def _check_closed_form(kind: str, g: sympy.Expr, dom: dict[sympy.Symbol, Domain]) -> None:
    """Cross-check the lemma against :func:`group_sup` at exact weights (both signs)."""
    reset_factor_lemmas()
    U_r = sympy.Symbol("U_r")
    for k in CHECK_POINTS:
        for sign in (1, -1):
            val, _, _ = group_sup(g.subs(U_r, sign * k), dom)
            if val != _piecewise(kind).subs(K, k):  # pragma: no cover - would be a bug
                raise RuntimeError(f"{kind}({k}) = {_piecewise(kind).subs(K, k)} but exact "
                                   f"maximisation of {g} gives {val}")


def _parametric_kind(g: sympy.Expr) -> str:
    r, h, U_r = sympy.Symbol("r_t"), prev_sym("h"), sympy.Symbol("U_r")
    if sympy.expand(g - r * (1 + (1 - r) * h * U_r)) == 0:
        return "psi"
    if sympy.expand(g - r**2 * (1 + (1 - r) * h * U_r)) == 0:
        return "chi"
    return ""


def comparison_table(cells: tuple[str, ...] = ("rnn", "relu_rnn", "lstm", "gru", "mgu",
                                               "variant", "gru_torch")) -> list[dict[str, Any]]:
    """The term-by-term table: for each cell and term, sup|term| / |carried weight|."""
    return [ts.to_json() for name in cells for ts in term_suprema(name)]
