"""Derivative identities as Coq theorems: the formulas (4a)-(4d) and every cell's Jacobian.

(4a), (4b) are identities between σ and tanh at different arguments: every ``exp`` is
written as a power of exp(base), base = the largest x/n of which every argument is an
integer multiple (:func:`exp_base`), and ``field`` closes the identity (``exp_base`` and
``pos_field`` in ``Defs.v``).

Each cell's update is printed once as a Coq ``Definition`` from the cell's SymPy
definitions (the gates as ``let``-bindings, in the cell's order); each theorem states that
this function of the previous state has, at ``h_prev`` (or ``c_prev``), the derivative the
article prints — eq (6), (9), (10), (13) — or, where the article prints none (eq (8) as a
whole, (12), (14)), the derivative symrnn derives. Proof: ``auto_derive`` (Coquelicot) and
``field``.
"""

from __future__ import annotations

import sympy

from ..cells._base import Cell
from ..claims._text import TEXT
from ..claims.article import formula4, printed, x_sym
from ..derivation import article_derivative
from ..derivation.derive import Derivation
from ._model import CoqGroup, CoqTheorem, comment
from ._printer import coq, coq_name

__all__ = ["formulas_group", "jacobians_group", "exp_base"]


def _article(cid: str) -> str:
    return TEXT[cid][2]


def exp_base(exprs: list[sympy.Expr], x: sympy.Symbol) -> sympy.Expr:
    """The base b·x such that every σ/tanh argument c·x of ``exprs`` is an integer multiple
    of it (b = gcd of the numerators / lcm of the denominators of the c's).

    >>> from sympy import Symbol, tanh, Rational
    >>> x = Symbol("x")
    >>> exp_base([tanh(x), tanh(x * Rational(3, 2))], x)
    x/2
    """
    coeffs = []
    for e in exprs:
        for f in e.atoms(sympy.Function):
            c = sympy.simplify(f.args[0] / x)
            if not c.is_Rational or c == 0:
                raise ValueError(f"argument {f.args[0]} is not a rational multiple of {x}")
            coeffs.append(abs(c))
    num = sympy.gcd([sympy.Rational(c).p for c in coeffs])
    den = sympy.lcm([sympy.Rational(c).q for c in coeffs])
    return x * sympy.Rational(num, den)


def formulas_group(identities: dict[str, tuple[sympy.Expr, sympy.Expr]] | None = None
                   ) -> CoqGroup:
    """eq4a, eq4b as identities (``identities`` may replace their two sides, for the test
    that a wrong identity fails to check), eq4c, eq4d as ``is_derive`` statements, and the
    suprema of σ' and tanh'."""
    from ..bounds.terms import OPEN_GATE, REAL_LINE, group_sup

    x = x_sym
    thms = []
    for cid in ("eq4a", "eq4b"):
        lhs, rhs = (identities or {}).get(cid, formula4(cid))
        base = exp_base([lhs, rhs], x)
        thms.append(CoqTheorem(
            cid, (cid,), f"{lhs} = {rhs}",
            f"{comment(cid + ': ' + _article(cid))}\n"
            f"Theorem {cid} ({coq(x)} : R) : {coq(lhs)} = {coq(rhs)}.\n"
            f"Proof. unfold sigma, tanh. exp_base ({coq(base)}). pos_field. Qed."))
    for cid, fn in (("eq4c", "tanh"), ("eq4d", "sigma")):
        rhs = formula4(cid)[1]
        thms.append(CoqTheorem(
            cid, (cid,), f"({fn})' = {rhs}",
            f"{comment(cid + ': ' + _article(cid))}\n"
            f"Theorem {cid} ({coq(x)} : R) : is_derive {fn} {coq(x)} ({coq(rhs)}).\n"
            "Proof. derive_field. Qed."))
    s = sympy.Symbol("s")
    sig_sup, _, _ = group_sup(s * (1 - s), {s: OPEN_GATE})
    tanh_sup, _, _ = group_sup(1 - sympy.tanh(x) ** 2, {x: REAL_LINE})
    thms.append(CoqTheorem(
        "sup_sigma_prime", (), f"sup σ' = {sig_sup}, attained at 0",
        f"{comment(f'sup of sigma prime over all real x is {sig_sup}, attained at x = 0')}\n"
        f"Theorem sup_sigma_prime : (forall x : R, Derive sigma x <= {coq(sig_sup)}) /\\ "
        f"Derive sigma 0 = {coq(sig_sup)}.\n"
        "Proof.\n  split.\n"
        "  - intros x. rewrite (is_derive_unique _ _ _ (eq4d x)).\n"
        "    pose proof (sigma_range x). pose proof (pow2_ge_0 (sigma x - 1 / 2)). nra.\n"
        "  - rewrite (is_derive_unique _ _ _ (eq4d 0)), sigma_0. field.\nQed."))
    thms.append(CoqTheorem(
        "sup_tanh_prime", (), f"sup tanh' = {tanh_sup}, attained at 0",
        f"{comment(f'sup of tanh prime over all real x is {tanh_sup}, attained at x = 0')}\n"
        f"Theorem sup_tanh_prime : (forall x : R, Derive tanh x <= {coq(tanh_sup)}) /\\ "
        f"Derive tanh 0 = {coq(tanh_sup)}.\n"
        "Proof.\n  split.\n"
        "  - intros x. rewrite (is_derive_unique _ _ _ (eq4c x)). pose proof (tanh_range x). nra.\n"
        "  - rewrite (is_derive_unique _ _ _ (eq4c 0)), tanh_0. ring.\nQed."))
    return CoqGroup("Formulas", "the formulas (4a)-(4d) and the suprema of sigma' and tanh'",
                    (), "", tuple(thms))


# --- cell functions -------------------------------------------------------------------

def _bindings(d: Derivation) -> list[tuple[sympy.Symbol, sympy.Expr]]:
    """Substitutions first (h_prev = o_prev tanh c_prev), then the cell's definitions."""
    return list(d.substitutions.items()) + list(d.cell.definitions)


def _needed(d: Derivation, exprs: list[sympy.Expr]) -> list[tuple[sympy.Symbol, sympy.Expr]]:
    binds = _bindings(d)
    defined = {s for s, _ in binds}
    need: set[sympy.Symbol] = set()
    todo = [s for e in exprs for s in e.free_symbols if s in defined]
    by_sym = dict(binds)
    while todo:
        s = todo.pop()
        if s not in need:
            need.add(s)
            todo += [t for t in by_sym[s].free_symbols if t in defined]
    return [(s, e) for s, e in binds if s in need]


def _arguments(d: Derivation, of: sympy.Symbol) -> list[sympy.Symbol]:
    """The function's arguments: parameters (cell order), x_t, other inputs, then wrt."""
    free = d.expand(of).free_symbols | {d.wrt}
    params = [p.symbol for p in d.cell.params if p.symbol in free]
    rest = sorted(free - set(params) - {d.wrt}, key=lambda s: (str(s) != "x_t", str(s)))
    return params + rest + [d.wrt]


def _fun_name(d: Derivation, of: sympy.Symbol) -> str:
    return f"{d.cell.name}_{coq_name(of)}" + ("_path" if d.substitutions else "")


def _lets(binds: list[tuple[sympy.Symbol, sympy.Expr]], indent: str) -> str:
    return "".join(f"{indent}let {coq_name(s)} := {coq(e)} in\n" for s, e in binds)


def _definition(d: Derivation, of: sympy.Symbol) -> str:
    args = _arguments(d, of)
    body = of if of in dict(_bindings(d)) else of
    binds = _needed(d, [body])
    result = dict(binds)[of]
    binds = [b for b in binds if b[0] != of]
    how = (", with " + ", ".join(f"{coq_name(k)} = {coq(v)}" for k, v in d.substitutions.items())
           if d.substitutions else "")
    return (f"{comment(f'{d.cell.title}: {of} as a function of {d.wrt}{how}')}\n"
            f"Definition {_fun_name(d, of)} ({' '.join(map(coq_name, args))} : R) : R :=\n"
            f"{_lets(binds, '  ')}  {coq(result)}.")


def _derivative_theorem(name: str, claims: tuple[str, ...], d: Derivation, of: sympy.Symbol,
                        rhs: sympy.Expr, coefficient: sympy.Expr, article: str) -> CoqTheorem:
    """``is_derive (cell_of args) wrt rhs``; with a coefficient ``k`` (eq 9, 10), the
    derivative D exists and ``k * D = rhs``."""
    args = _arguments(d, of)
    wrt = coq_name(d.wrt)
    binds = _needed(d, [rhs, coefficient])
    fun = f"({_fun_name(d, of)} {' '.join(coq_name(a) for a in args[:-1])})"
    extra = set().union(*(d.expand(s).free_symbols for s, _ in binds)) - set(args)
    order = {p.symbol: k for k, p in enumerate(d.cell.params)}
    binders = sorted(set(args[:-1]) | extra, key=lambda s: (order.get(s, len(order)),
                                                             str(s) != "x_t", str(s)))
    binders.append(args[-1])
    intro = " ".join(coq_name(s) for s, _ in binds)
    unfold = ", ".join([coq_name(s) for s, _ in reversed(binds)] + [_fun_name(d, of)])
    head = (f"{comment(article)}\n"
            f"Theorem {name} ({' '.join(map(coq_name, binders))} : R) :\n{_lets(binds, '  ')}")
    if coefficient == 1:
        stmt = f"  is_derive {fun} {wrt}\n    ({coq(rhs)}).\n"
        proof = (f"Proof.\n  intros {intro}.\n  unfold {unfold}.\n  derive_field.\nQed."
                 if intro else f"Proof.\n  unfold {unfold}.\n  derive_field.\nQed.")
    else:
        factors = list(sympy.Mul.make_args(rhs))
        if coefficient in factors:  # the article's form: the coefficient is one factor
            factors.remove(coefficient)
            deriv = sympy.Mul(*factors)
        else:  # pragma: no cover - not reached by the article's equations
            deriv = sympy.factor_terms(sympy.cancel(rhs / coefficient))
        stmt = (f"  exists D, is_derive {fun} {wrt} D /\\\n"
                f"    {coq(coefficient)} * D = {coq(rhs)}.\n")
        proof = (f"Proof.\n  intros {intro}.\n  exists ({coq(deriv)}). split.\n"
                 f"  - unfold {unfold}. derive_field.\n  - ring.\nQed.")
    return CoqTheorem(name, claims, f"{d.cell.name}: {article[:90]}", head + stmt + proof)


def _term_for(d: Derivation, rhs: sympy.Expr):
    hits = [t for t in d.terms if sympy.expand(t.expr - rhs) == 0]
    if len(hits) != 1:  # pragma: no cover - the registry's identity checks would fail first
        raise RuntimeError(f"no unique term of {d.cell.name} equals {rhs}")
    return hits[0]


#: (theorem name, claim ids, cell, printed equation or "" for symrnn's derived Jacobian).
JACOBIANS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("eq6", ("eq6",), "rnn", "eq6"),
    ("eq8", ("eq8",), "lstm", ""),
    ("eq9", ("eq9",), "lstm", "eq9"),
    ("eq10a", ("eq10a",), "lstm", "eq10a"),
    ("eq10b", ("eq10b",), "lstm", "eq10b"),
    ("eq13", ("eq13",), "gru", "eq13"),
    ("eq12_jacobian", ("eq12",), "mgu", ""),
    ("eq14_jacobian", ("eq14",), "variant", ""),
)


def jacobians_group() -> CoqGroup:
    """The cell functions and the derivative theorems of :data:`JACOBIANS`."""
    defs: dict[str, str] = {}
    thms = []
    for name, claims, cell_name, eq in JACOBIANS:
        d = article_derivative(cell_name)
        if eq and eq != d.equation:
            term = _term_for(d, printed(eq))
            of, coefficient = term.via, term.coefficient
            if coefficient.could_extract_minus_sign():  # pragma: no cover - not in the article
                raise RuntimeError(f"{eq}: negative coefficient {coefficient}")
            rhs, article = printed(eq), f"{eq}: {_article(eq)}"
        else:
            of, coefficient = d.of, sympy.Integer(1)
            rhs = printed(eq) if eq else d.expr
            article = (f"{eq}: {_article(eq)}" if eq else
                       f"{claims[0]}: {_cell_note(d.cell)} d{d.of}/d{d.wrt} as symrnn derives it"
                       + (" (the article prints (8) in partial derivatives; here written out)"
                          if claims[0] == "eq8" else " (the article gives no Jacobian)"))
        key = _fun_name(d, of)
        if key not in defs:
            defs[key] = _definition(d, of)
        thms.append(_derivative_theorem(name, claims, d, of, rhs, coefficient, article))
    return CoqGroup("Jacobians", "the derivative identities (6), (8)-(10), (13) and the "
                    "Jacobians of (12) and (14)", (), "\n\n".join(defs.values()),
                    tuple(thms))


def _cell_note(cell: Cell) -> str:
    eq = f"eq {cell.equation[2:]}" if cell.equation.startswith("eq") else cell.equation
    return cell.title if not eq or eq in cell.title else f"{cell.title} ({cell.equation})"

