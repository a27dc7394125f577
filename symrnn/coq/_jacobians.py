"""Derivative identities as Coq theorems: the formulas (4a)-(4d) and every cell's Jacobian.

(4a), (4b) are identities between σ and tanh at different arguments: every ``exp`` is
written as a power of exp(base), base = the largest x/n of which every argument is an
integer multiple (:func:`exp_base`), and ``field`` closes the identity (``exp_base`` and
``pos_field`` in ``Defs.v``).

The cells' updates are the functions of ``Cells.v`` (:mod:`._cells`); each theorem states
that a function of the previous state has, at ``h_prev`` (or ``c_prev``), the derivative the
article prints — eq (6), (9), (10), (13) — or, where the article prints none (eq (8)
written out, (12), (14)), the derivative symrnn derives. Proof: ``auto_derive``
(Coquelicot) and ``field``. ``eq8_article`` states (8) in the article's form: the
derivative of c_t is f_t + c_{t-1} ∂f_t/∂c_{t-1} + ĉ_t ∂i_t/∂c_{t-1} + i_t ∂ĉ_t/∂c_{t-1}, each
partial derivative the derivative of the gate's own function, each product the printed
(9), (10a), (10b) — proved from those three theorems and the product rule.
"""

from __future__ import annotations

import re

import sympy

from ..cells._base import Cell
from ..claims._text import TEXT
from ..claims.article import formula4, printed, x_sym
from ..derivation import article_derivative
from ..derivation.derive import Derivation
from ._cells import cell_function, paths
from ._model import CoqGroup, CoqTheorem, comment
from ._printer import coq, coq_name

__all__ = ["formulas_group", "jacobians_group", "exp_base", "JACOBIANS"]


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
            cid, (f"{cid}/1d",), f"{lhs} = {rhs}",
            f"{comment(cid + ': ' + _article(cid))}\n"
            f"Theorem {cid} ({coq(x)} : R) : {coq(lhs)} = {coq(rhs)}.\n"
            f"Proof. unfold sigma, tanh. exp_base ({coq(base)}). pos_field. Qed."))
    for cid, fn in (("eq4c", "tanh"), ("eq4d", "sigma")):
        rhs = formula4(cid)[1]
        thms.append(CoqTheorem(
            cid, (f"{cid}/1d",), f"({fn})' = {rhs}",
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
                    (), "", tuple(thms), interval=False)


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


def _unfold(d: Derivation, of: sympy.Symbol) -> tuple[str, ...]:
    """The names to unfold to reach sigma/tanh: the path function, the cell functions."""
    name = _fun_name(d, of)
    if d.substitutions:
        return paths()[name].unfold
    return cell_function(d.cell.name, str(of)).unfold


def _lets(binds: list[tuple[sympy.Symbol, sympy.Expr]], indent: str,
          d: Derivation | None = None) -> str:
    """``let`` lines: a gate of ``d``'s cell as a call of its function (Cells.v), anything
    else (the path's substitution h_prev = o_prev tanh c_prev) printed."""
    out = []
    for s, e in binds:
        if d is not None and s in d.cell.gates:
            out.append(f"{indent}let {coq_name(s)} := {cell_function(d.cell.name, str(s)).call()} in\n")
        else:
            out.append(f"{indent}let {coq_name(s)} := {coq(e)} in\n")
    return "".join(out)


def _binders(d: Derivation, of: sympy.Symbol,
             binds: list[tuple[sympy.Symbol, sympy.Expr]]) -> list[sympy.Symbol]:
    """A derivative theorem's variables: the function's arguments and whatever its let-bound
    gates use (parameters in the cell's order, x_t, the rest), the variable last."""
    args = _arguments(d, of)
    extra = set().union(*(d.expand(s).free_symbols for s, _ in binds)) - set(args)
    order = {p.symbol: k for k, p in enumerate(d.cell.params)}
    binders = sorted(set(args[:-1]) | extra, key=lambda s: (order.get(s, len(order)),
                                                             str(s) != "x_t", str(s)))
    return binders + [args[-1]]


def _derivative_theorem(name: str, readings: tuple[str, ...], d: Derivation, of: sympy.Symbol,
                        rhs: sympy.Expr, coefficient: sympy.Expr, article: str) -> CoqTheorem:
    """``is_derive (cell_of args) wrt rhs``; with a coefficient ``k`` (eq 9, 10), the
    derivative D exists and ``k * D = rhs``."""
    args = _arguments(d, of)
    wrt = coq_name(d.wrt)
    binds = _needed(d, [rhs, coefficient])
    fun = f"({_fun_name(d, of)} {' '.join(coq_name(a) for a in args[:-1])})"
    binders = _binders(d, of, binds)
    intro = " ".join(coq_name(s) for s, _ in binds)
    unfold = ", ".join([coq_name(s) for s, _ in reversed(binds)] + list(_unfold(d, of)))
    head = (f"{comment(article)}\n"
            f"Theorem {name} ({' '.join(map(coq_name, binders))} : R) :\n{_lets(binds, '  ', d)}")
    if coefficient == 1:
        stmt = f"  is_derive {fun} {wrt}\n    ({coq(rhs)}).\n"
        proof = (f"Proof.\n  intros {intro}.\n  unfold {unfold}.\n  derive_ring.\nQed."
                 if intro else f"Proof.\n  unfold {unfold}.\n  derive_ring.\nQed.")
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
                 f"  - unfold {unfold}. derive_ring.\n  - ring.\nQed.")
    return CoqTheorem(name, readings, f"{d.cell.name}: {article[:90]}", head + stmt + proof)


def _term_for(d: Derivation, rhs: sympy.Expr):
    hits = [t for t in d.terms if sympy.expand(t.expr - rhs) == 0]
    if len(hits) != 1:  # pragma: no cover - the registry's identity checks would fail first
        raise RuntimeError(f"no unique term of {d.cell.name} equals {rhs}")
    return hits[0]


#: (theorem name, reading ids, cell, printed equation or "" for symrnn's derived Jacobian).
#: eq12_jacobian and eq14_jacobian are supporting results: the readings of eq12 and eq14
#: are their definitions (printed in Cells.v), and the article gives no Jacobian for them.
JACOBIANS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("eq6", ("eq6/1d",), "rnn", "eq6"),
    ("eq8", ("eq8/1d",), "lstm", ""),
    ("eq9", ("eq9/1d",), "lstm", "eq9"),
    ("eq10a", ("eq10a/1d",), "lstm", "eq10a"),
    ("eq10b", ("eq10b/1d",), "lstm", "eq10b"),
    ("eq13", ("eq13/1d",), "gru", "eq13"),
    ("eq12_jacobian", (), "mgu", ""),
    ("eq14_jacobian", (), "variant", ""),
)


def jacobians_group() -> CoqGroup:
    """The derivative theorems of :data:`JACOBIANS` and eq (8) in the article's form."""
    thms = []
    pieces = []  # (theorem, gate, coefficient) of (9), (10a), (10b)
    for name, readings, cell_name, eq in JACOBIANS:
        d = article_derivative(cell_name)
        if eq and eq != d.equation:
            term = _term_for(d, printed(eq))
            of, coefficient = term.via, term.coefficient
            if coefficient.could_extract_minus_sign():  # pragma: no cover - not in the article
                raise RuntimeError(f"{eq}: negative coefficient {coefficient}")
            rhs, article = printed(eq), f"{eq}: {_article(eq)}"
            pieces.append((name, of, coefficient))
        else:
            of, coefficient = d.of, sympy.Integer(1)
            rhs = printed(eq) if eq else d.expr
            article = (f"{eq}: {_article(eq)}" if eq else
                       f"{name.split('_')[0]}: {_cell_note(d.cell)} d{d.of}/d{d.wrt} as symrnn "
                       "derives it"
                       + (" (written out; eq8_article states the article's form)"
                          if name == "eq8" else " (the article gives no Jacobian)"))
        thms.append(_derivative_theorem(name, readings, d, of, rhs, coefficient, article))
    thms.append(_eq8_article(pieces))
    return CoqGroup("Jacobians", "the derivative identities (6), (8)-(10), (13), (8) in the "
                    "article's form, and the Jacobians of (12) and (14)", ("Cells",), "",
                    tuple(thms), interval=False)


def _eq8_article(pieces: list[tuple[str, sympy.Symbol, sympy.Expr]]) -> CoqTheorem:
    """(8) = f_t + c_{t-1} Df + chat_t Di + i_t Dc with Df, Di, Dc the gates' derivatives
    along the path, each product the printed (9), (10a), (10b)."""
    d = article_derivative("lstm")
    (main,) = d.main
    if sorted(str(g) for _, g, _ in pieces) != sorted(str(t.via) for t in d.secondary):
        raise RuntimeError("eq (9), (10a), (10b) do not cover eq (8)'s secondary terms")  # pragma: no cover
    args = _arguments(d, d.of)
    fixed = " ".join(coq_name(a) for a in args[:-1])
    wrt = coq_name(d.wrt)
    binds = _needed(d, [main.expr] + [c for _, _, c in pieces])
    c_fun = paths()[_fun_name(d, d.of)]
    gates = [(n, g, c, paths()[_fun_name(d, g)]) for n, g, c in pieces]
    D = {g: f"D{coq_name(g).split('_')[0]}" for _, g, _ in pieces}
    fixed_of = {g: " ".join(f.args[:-1]) for _, g, _, f in gates}
    lines = [comment("eq8 in the article's form: dc_t/dc_(t-1) = f_t + c_(t-1) df_t/dc_(t-1) + "
                     "chat_t di_t/dc_(t-1) + i_t dchat_t/dc_(t-1), each gate's derivative that of "
                     "its own function along the path h_(t-1) = o_(t-1) tanh c_(t-1), and the three "
                     "products are the printed (9), (10a), (10b)"),
             f"Theorem eq8_article ({' '.join(coq_name(a) for a in args)} : R) :",
             _lets(binds, "  ", d).rstrip("\n"),
             f"  exists D {' '.join(D[g] for _, g, _ in pieces)},",
             f"    is_derive ({c_fun.name} {fixed}) {wrt} D /\\"]
    lines += [f"    is_derive ({f.name} {fixed_of[g]}) {wrt} {D[g]} /\\" for _, g, _, f in gates]
    combo = " + ".join([coq(main.expr)] + [f"{coq(c)} * {D[g]}" for _, g, c in pieces])
    lines.append(f"    D = {combo} /\\")
    lines.append("    " + " /\\\n    ".join(f"{coq(c)} * {D[g]} = {coq(printed(n))}"
                                            for n, g, c in pieces) + ".")
    intro = " ".join(coq_name(s) for s, _ in binds)
    proof = ["Proof.", f"  intros {intro}."]
    for n, g, c, f in gates:
        vs = _binders(d, g, _needed(d, [printed(n), c]))
        proof.append(f"  destruct ({n} {' '.join(map(coq_name, vs))}) as ({D[g]} & H{D[g]} & E{D[g]}).")
    # along the path c_t = c_prev f_t + chat_t i_t, each gate its own function: product rule
    body = _update_body({g: f"({f.name} {fixed_of[g]} {wrt})" for _, g, _, f in gates},
                        wrt)
    path_names = ", ".join(f.name for _, _, _, f in gates)
    proof += [
        f"  assert (Hc : is_derive ({c_fun.name} {fixed}) {wrt} ({combo})).",
        f"  {{ apply (is_derive_ext (fun {wrt} => {body})).",
        "    - intros y. reflexivity.",
        "    - auto_derive; [repeat split; eexists; eassumption |].",
    ]
    proof += [f"      replace (Derive (fun y : R => {f.name} {fixed_of[g]} y) {wrt}) with {D[g]}\n"
              f"        by (symmetry; apply is_derive_unique; exact H{D[g]})."
              for _, g, _, f in gates]
    proof += [f"      unfold {', '.join([coq_name(s) for s, _ in reversed(binds)] + [path_names])}. ring. }}",
              f"  exists ({combo}), {', '.join(D[g] for _, g, _ in pieces)}.",
              "  exact " + _conj(["Hc"] + [f"H{D[g]}" for _, g, _ in pieces] + ["eq_refl"]
                                 + [f"E{D[g]}" for _, g, _ in pieces]) + ".",
              "Qed."]
    return CoqTheorem("eq8_article", ("eq8/1d",),
                      "lstm: dc_t/dc_prev = f_t + c_prev Df + chat_t Di + i_t Dc, products (9), "
                      "(10a), (10b)", "\n".join(lines) + "\n" + "\n".join(proof))


def _conj(proofs: list[str]) -> str:
    """``conj p1 (conj p2 (... pn))``: a proof of a conjunction without ``split`` (which would
    also split ``is_derive``, itself a conjunction)."""
    out = proofs[-1]
    for p in reversed(proofs[:-1]):
        out = f"(conj {p} {out})"
    return out


def _update_body(gates: dict[sympy.Symbol, str], wrt: str) -> str:
    """The LSTM's c-update with each gate replaced by its path function applied to ``wrt``."""
    from ..cells import get_cell

    cell = get_cell("lstm")
    expr = dict(cell.definitions)[sympy.Symbol("c_t")]
    text = coq(expr)
    for g, call in gates.items():
        text = re.sub(rf"\b{coq_name(g)}\b", call, text)
    return re.sub(r"\bc_prev\b", wrt, text)


def _cell_note(cell: Cell) -> str:
    eq = f"eq {cell.equation[2:]}" if cell.equation.startswith("eq") else cell.equation
    return cell.title if not eq or eq in cell.title else f"{cell.title} ({cell.equation})"

