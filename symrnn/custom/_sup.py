r"""Rigorous suprema of the Jacobian terms of any cell, by the rules of :mod:`symrnn.bounds.terms`.

A term (1-D, gate notation) is split as in :mod:`symrnn.bounds.terms`: the *carried weight*
(every parameter factor: ``U_f``, IndRNN's ``u``), step factors :math:`\theta(\cdot)` (sup 1
when their argument holds a bias or ``x``, which can make it positive), and groups of
factors with disjoint variables. Over a product box,

.. math::

    \sup |t| = |w| \prod_g \sup |g|

and each group's supremum comes from, in order:

1. :func:`symrnn.bounds.terms.group_sup` — exact (polynomials by their critical points,
   :math:`1-\tanh^2`, :math:`c(1-\tanh^2 c)` by the xsech2 proof, the vertex lemma);
2. the vertex lemma for a multilinear group over a bounded box (exact);
3. *monotone rational* groups: if every partial derivative is a quotient of polynomials
   with coefficients of one sign, over non-negative variables, the group is monotone in
   each variable and its supremum is its value (limit) at a vertex (exact; minLSTM's
   :math:`f/(f+i)`);
4. a certified branch-and-bound enclosure (:func:`symrnn.bounds._branch.maximize`, Arb)
   for one bounded variable;
5. :math:`+\infty` for a non-constant polynomial in one unbounded variable;

otherwise the group — and the term — is *unknown*. The result is the supremum when the
cell's primitive gates are independent and no non-primitive new state occurs in the term
(:mod:`._domains`); otherwise it is an upper bound, and says so.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy
from flint import arb

from .._errors import SymrnnError
from .._limits import MAX_VERTEX_VARIABLES
from ..bounds._branch import maximize
from ..bounds._interval import ball_str, compile_enclosure, upper_str
from ..bounds.terms import (
    GSTAR,
    REAL_LINE,
    Domain,
    _components,
    _to_arb,
    group_sup,
    split_weight,
)
from ..cells._base import Cell
from ._domains import CellDomains

__all__ = ["TermBound", "bound_term", "gate_count"]


@dataclass(frozen=True)
class TermBound:
    """``sup |term| = factor · |weight|`` over the admissible box.

    Attributes:
        status: ``"sup"`` (the supremum, enclosed by ``factor``), ``"upper"`` (an upper bound:
            the box over-approximates the admissible values) or ``"unknown"``.
        weight: the carried parameter factor, or None.
        formula: the exact factor when every group had an exact rule (may contain g*, oo).
        factor: an Arb ball containing the factor (None when unknown or infinite).
        infinite: True when the factor is +oo (proved unbounded).
        attained: True / False when known, None otherwise.
        groups: per group: factor, sup, rule, attained.
        reason: why the status is not "sup".
    """

    status: str
    weight: sympy.Expr | None
    formula: sympy.Expr | None
    factor: arb | None
    infinite: bool
    attained: bool | None
    groups: tuple[dict[str, Any], ...]
    reason: str = ""

    @property
    def bound(self) -> sympy.Expr | None:
        """The bound on ``|term|`` as an expression in ``|weight|`` (None if unknown)."""
        if self.infinite:
            return sympy.oo
        w = sympy.Abs(self.weight) if self.weight is not None else 1
        if self.formula is not None:
            return self.formula * w
        if self.factor is not None:  # the enclosure's rounded-up upper end: still a bound
            return sympy.Rational(upper_str(self.factor, 12)) * w
        return None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "status": self.status, "carried_weight": str(self.weight) if self.weight else None,
            "sup_factor": "oo" if self.infinite else (str(self.formula) if self.formula is not None
                                                     else None),
            "attained": self.attained, "bound": None if self.bound is None else str(self.bound),
            "groups": list(self.groups)}
        if self.factor is not None:
            out.update(enclosure=ball_str(self.factor), upper=upper_str(self.factor))
        if self.reason:
            out["reason"] = self.reason
        return out


def _signs(p: sympy.Expr, free: list[sympy.Symbol]) -> set:
    coeffs = [p] if p.is_number else sympy.Poly(p, *free).coeffs()
    return {sympy.sign(c) for c in coeffs}


def _vertex(g: sympy.Expr, dom: dict[sympy.Symbol, Domain]):
    """Rules 2 and 3: ``(sup, attained, rule)`` or None."""
    free = sorted(g.free_symbols, key=str)
    if not free or any(not (dom[v][0].is_finite and dom[v][1].is_finite) for v in free):
        return None
    if len(free) > MAX_VERTEX_VARIABLES:  # 2**k vertices: beyond the budget, no rule
        return None
    if not g.is_rational_function(*free):
        return None
    num, den = sympy.fraction(sympy.cancel(sympy.together(g)))
    if den.is_number and all(sympy.degree(num, v) <= 1 for v in free):
        vals = []
        for corner in itertools.product(*[(dom[v][0], dom[v][1]) for v in free]):
            closed = all(dom[v][2] if c == dom[v][0] else dom[v][3] for v, c in zip(free, corner))
            vals.append((abs(g.subs(dict(zip(free, corner)))), closed))
        best = max(v for v, _ in vals)
        hit = [c for v, c in vals if v == best]
        all_open = all(not dom[v][2] and not dom[v][3] for v in free)
        # a non-constant multilinear function is harmonic: no interior maximum
        attained = True if any(hit) else (False if all_open else None)
        return best, attained, "vertex lemma (multilinear)"
    if any(dom[v][0] < 0 for v in free):
        return None
    up, down = {}, {}
    for v in free:  # monotone in v when the partial's numerator and denominator keep a sign
        pn, pd = sympy.fraction(sympy.cancel(sympy.diff(g, v)))
        sn, sd = _signs(pn, free), _signs(pd, free)
        if len(sn) != 1 or len(sd) != 1 or 0 in sn | sd:
            return None
        rising = (sn.pop() * sd.pop()) > 0
        lo, hi = (dom[v][0], dom[v][2]), (dom[v][1], dom[v][3])
        up[v], down[v] = (hi, lo) if rising else (lo, hi)
    out = []
    for side in (up, down):
        point = {v: c[0] for v, c in side.items()}
        if sympy.simplify(den.subs(point)) == 0:
            return None
        out.append((abs(g.subs(point)), all(c[1] for c in side.values())))
    best, closed = max(out, key=lambda t: t[0])
    return best, closed, "monotone in each variable (partials of one sign): value at a vertex"


def _group(g: sympy.Expr, dom: dict[sympy.Symbol, Domain]) -> dict[str, Any]:
    try:
        val, att, where = group_sup(g, dom)
        return {"sup": val, "ball": _to_arb(val), "attained": att, "rule": f"exact ({where})"}
    except (SymrnnError, KeyError, TypeError, ValueError, NotImplementedError,
            sympy.PolynomialError):
        pass
    v = _vertex(g, dom)
    if v is not None:
        return {"sup": v[0], "ball": _to_arb(v[0]), "attained": v[1], "rule": v[2]}
    free = sorted(g.free_symbols, key=str)
    if len(free) == 1:
        (s,) = free
        lo, hi = dom[s][0], dom[s][1]
        if lo.is_finite and hi.is_finite:
            try:
                f = compile_enclosure(sympy.Abs(g), [s])
                res = maximize(f, Fraction(str(lo)), Fraction(str(hi)), width=Fraction(1, 10**12),
                               max_boxes=20_000)
                return {"sup": None, "ball": _frac_ball(res.lower, res.upper), "attained": None,
                        "rule": f"certified branch-and-bound over [{lo}, {hi}]"}
            except SymrnnError:
                pass
        elif g.is_polynomial(s) and sympy.degree(g, s) >= 1:
            return {"sup": sympy.oo, "ball": None, "attained": False,
                    "rule": f"non-constant polynomial in {s} over an unbounded range"}
        elif dom[s] is REAL_LINE and type(g) in (sympy.tanh,) and g.args[0] == s:
            return {"sup": sympy.Integer(1), "ball": arb(1), "attained": False,
                    "rule": f"|tanh| < 1, -> 1 as {s} -> oo"}
    return {"sup": None, "ball": None, "attained": None,
            "rule": "no rule applies (several unbounded or non-monotone variables)"}


def _frac_ball(lo: Fraction, hi: Fraction) -> arb:
    a = arb(lo.numerator) / lo.denominator
    b = arb(hi.numerator) / hi.denominator
    return a.union(b)


def bound_term(cell: Cell, expr: sympy.Expr, doms: CellDomains) -> TermBound:
    """The supremum (or an upper bound) of ``|expr|`` over the admissible box."""
    expr = expr.xreplace(doms.derived)
    params = set(cell.param_symbols)
    weight, steps, rest = split_weight(expr, params)
    groups: list[dict[str, Any]] = []
    formula: sympy.Expr | None = sympy.Integer(1)
    ball: arb | None = arb(1)
    attained: bool | None = True
    reason = ""
    biases = {p.symbol for p in cell.params if p.kind == "bias"}
    for st in steps:
        ok = bool(st.args[0].free_symbols & (biases | {cell.x}))
        groups.append({"factor": str(st), "sup": "1" if ok else None, "attained": ok or None,
                       "rule": "argument holds a bias or x: can be made positive" if ok
                       else "no rule"})
        if not ok:
            formula = ball = attained = None
    for g in _components(rest):
        if g.free_symbols & params:
            groups.append({"factor": str(g), "sup": None, "attained": None,
                           "rule": "depends on the weights; not bounded here"})
            formula = ball = attained = None
            reason = "a group depends on the weights"
            continue
        missing = g.free_symbols - set(doms.domains)
        if missing:
            groups.append({"factor": str(g), "sup": None, "attained": None,
                           "rule": f"no range for {sorted(map(str, missing))}"})
            formula = ball = attained = None
            continue
        r = _group(g, doms.domains)
        groups.append({"factor": str(g), "sup": None if r["sup"] is None else str(r["sup"]),
                       "attained": r["attained"], "rule": r["rule"]})
        if r["sup"] is sympy.oo:
            formula = sympy.oo if formula is not None else None
            ball = None
            attained = False
            continue
        formula = formula * r["sup"] if formula is not None and r["sup"] is not None else None
        ball = ball * r["ball"] if ball is not None and r["ball"] is not None else None
        attained = attained and r["attained"] if attained is not None and r["attained"] \
            is not None else (False if r["attained"] is False else None)
    infinite = formula is sympy.oo
    known = infinite or ball is not None
    new_states = expr.free_symbols & doms.new_states
    if not known:
        status = "unknown"
        reason = reason or "a group has no supremum rule"
    elif not doms.independent or new_states:
        status = "upper"
        reason = ("gates share a pre-activation: " + ", ".join(map(str, doms.shared))
                  if not doms.independent else
                  f"new state(s) {', '.join(sorted(map(str, new_states)))} taken as free "
                  "variables")
        attained = None
    else:
        status = "sup"
    return TermBound(status, weight, formula if known else None, ball, infinite, attained,
                     tuple(groups), reason)


def gate_count(cell: Cell, expr: sympy.Expr, doms: CellDomains) -> int:
    """How many factors of the term are gates in the article's sense: bounded by 1 in
    magnitude over their range (``f_t(1-f_t)`` counts 2; a power counts its exponent)."""
    expr = expr.xreplace(doms.derived)
    params = set(cell.param_symbols)
    count = 0
    for fac in sympy.Mul.make_args(sympy.factor_terms(expr)):
        base, k = (fac.base, fac.exp) if fac.is_Pow and fac.exp.is_Integer else (fac, 1)
        if base in params or base.is_number:
            continue
        if isinstance(base, sympy.Heaviside):
            count += int(k)
            continue
        if base.free_symbols - set(doms.domains) or base.free_symbols & params:
            continue
        r = _group(base, doms.domains)
        if r["ball"] is not None and r["ball"] <= 1:
            count += int(k)
    return count


_ = GSTAR  # re-exported for formulas that contain g*


def bound_chains(cell: Cell, term: Any, doms: CellDomains) -> TermBound:
    """Bound a derivation :class:`~symrnn.derivation.Term`: the term as a whole when one rule
    covers it, else the triangle inequality over its chains (an upper bound)."""
    whole = bound_term(cell, term.expr, doms)
    if whole.status != "unknown" or len(term.chains) < 2:
        return whole
    parts = [bound_term(cell, c.scalar, doms) for c in term.chains]
    if any(p.status == "unknown" or p.bound is None for p in parts):
        return whole
    total = sympy.Add(*(p.bound for p in parts))
    groups = tuple({"factor": f"chain {k}", "sup": str(p.bound), "attained": p.attained,
                    "rule": f"{p.status}: " + "; ".join(g["rule"] for g in p.groups)}
                   for k, p in enumerate(parts, 1))
    return TermBound("upper", None, total, None, total is sympy.oo, None, groups,
                     "triangle inequality over the term's chains " + "(" + whole.reason + ")")
