"""An exact normal form for expressions in +, ×, ÷, powers, exp, log, tanh and σ.

The difference ``lhs − rhs`` is mapped, by a chain of exact identities, to an element of a
field of rational functions ``Q(x_1, …, x_k, a_1, …, a_m)`` in the free symbols and fresh
"atoms" standing for transcendental sub-expressions:

1. tanh u = (e^{2u} − 1)/(e^{2u} + 1) and σ(u) = 1/(1 + e^{−u}) (valid for every real u);
2. innermost first, every exp(arg) with a polynomial argument is split,
   exp(Σ c_j m_j) = Π exp(c_j m_j), and exp(c m) = a_m^{c/g} for the atom
   a_m = exp(g m), g the gcd of every rational coefficient c of the monomial m (so that
   exp(x), exp(2x) and exp(−x/2) become powers of the one atom exp(x/2));
3. any other exp, log or fractional power becomes an atom of its own.

A cheaper first tier, :func:`opaque_form_is_zero`, keeps every tanh, σ, exp, log and
fractional power as an atom of its own, keyed by its function and its canonical argument
(innermost first). Derivatives of nested cells (unrolled RNNs) are polynomials in such
atoms, so this tier settles them fast where rewriting through exp would nest rational
functions many levels deep.

Replacing atoms by independent variables is a ring homomorphism in the other direction:
if the image is exactly 0 in the field, the original difference is 0 wherever both sides
are defined. The converse fails (atoms may be algebraically dependent, as
log(xy) − log x − log y), so a nonzero image proves nothing; the caller then looks for a
witness.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd, lcm
from typing import Any

import sympy
from sympy.polys.domains import QQ
from sympy.polys.rings import ring

from .._limits import expanded_terms
from ..activations import sigmoid

__all__ = ["normal_form_is_zero", "opaque_form_is_zero", "rewrite_to_exp"]

_TRANSCENDENTAL = (sympy.exp, sympy.log)


def rewrite_to_exp(expr: sympy.Expr) -> sympy.Expr:
    """Step 1: tanh and σ through exp; symbolic powers b**e through exp(e log b)."""

    def tanh_to_exp(u: sympy.Expr) -> sympy.Expr:
        e2 = sympy.exp(2 * u)
        return (e2 - 1) / (e2 + 1)

    expr = expr.replace(sympy.tanh, tanh_to_exp)
    expr = expr.replace(sigmoid, lambda u: 1 / (1 + sympy.exp(-u)))
    return expr.replace(
        lambda e: e.is_Pow and not e.exp.is_Rational,
        lambda e: sympy.exp(e.exp * sympy.log(e.base)),
    )


def _is_atom_node(e: sympy.Basic) -> bool:
    return isinstance(e, _TRANSCENDENTAL) or e is sympy.E or (
        e.is_Pow and e.exp.is_Rational and not e.exp.is_Integer
    )


def _innermost(expr: sympy.Basic, is_node=None) -> list[sympy.Basic]:
    """Nodes (transcendental by default) with no such node in their arguments."""
    is_node = is_node or _is_atom_node
    found: list[sympy.Basic] = []

    def walk(e: sympy.Basic) -> bool:  # returns True if e contains a node
        inner = False
        for a in e.args:
            inner |= walk(a)
        if is_node(e):
            if not inner and e not in found:
                found.append(e)
            return True
        return inner

    walk(expr)
    return found


def _merge_exps(expr: sympy.Expr) -> sympy.Expr:
    """exp(a)·exp(b)·… → exp(a + b + …) in every product (so that the split of step 2
    sees one argument over one denominator)."""

    def is_exp(a: sympy.Basic) -> bool:  # SymPy keeps exp(1) as the constant E
        return isinstance(a, sympy.exp) or a is sympy.E

    def merge(m: sympy.Expr) -> sympy.Expr:
        args = [sympy.S.One if a is sympy.E else a.args[0] for a in m.args if is_exp(a)]
        rest = [a for a in m.args if not is_exp(a)]
        return sympy.Mul(*rest) * sympy.exp(sympy.Add(*args))

    return expr.replace(lambda e: e.is_Mul and sum(map(is_exp, e.args)) > 1, merge)


def _rgcd(values: list[Fraction]) -> Fraction:
    num = 0
    den = 1
    for v in values:
        num = gcd(num, v.numerator)
        den = lcm(den, v.denominator)
    return Fraction(num, den)


#: The most terms an exponent may have once over a common denominator and expanded: each of
#: its monomials becomes an atom, and the combining runs in SymPy's expression arithmetic
#: (an exponent Σ_i 1/(x_i + y_i + 1) of 8 fractions, 50 nodes, took minutes). The cells'
#: exponents have a handful of terms.
SPLIT_TERMS = 256

#: The most terms (numerator and denominator together) of a node's argument that tier 1
#: reduces by a polynomial gcd to its canonical fraction; past it, tier 1 gives no proof.
CANCEL_TERMS = 2000


def _fraction_terms(e: sympy.Basic, memo: dict) -> tuple[float, float]:
    """Upper estimate of the terms of (numerator, denominator) of ``e`` brought over one
    denominator and expanded; a function call or fractional power is one atom."""
    hit = memo.get(e)
    if hit is not None:
        return hit
    if not e.args or not (e.is_Add or e.is_Mul or e.is_Pow):
        r: tuple[float, float] = (1.0, 1.0)
    elif e.is_Add:
        parts = [_fraction_terms(a, memo) for a in e.args]
        den = 1.0
        for _, d in parts:
            den *= d
        r = (sum(n * den / d for n, d in parts), den)
    elif e.is_Mul:
        n, d = 1.0, 1.0
        for a in e.args:
            an, ad = _fraction_terms(a, memo)
            n, d = n * an, d * ad
        r = (n, d)
    elif e.exp.is_Integer:
        bn, bd = _fraction_terms(e.base, memo)
        k = int(e.exp)
        r = (expanded_terms(bn, abs(k)), expanded_terms(bd, abs(k)))
        r = r if k >= 0 else (r[1], r[0])
    else:
        r = (1.0, 1.0)
    memo[e] = r
    return r


class _Atomizer:
    """Steps 2–3, with one registry of atoms shared by every layer of nesting."""

    def __init__(self) -> None:
        self.exp_bases: dict[sympy.Expr, tuple[Fraction, sympy.Symbol]] = {}
        self.others: dict[sympy.Basic, sympy.Symbol] = {}
        self._n = 0

    def _fresh(self) -> sympy.Symbol:
        self._n += 1
        return sympy.Dummy(f"a{self._n}")

    @staticmethod
    def _split(arg: sympy.Expr) -> list[tuple[Fraction, sympy.Expr]]:
        """arg as Σ c_j m_j with rational c_j, canonically (no proof, :class:`_OverBudget`,
        when the estimate of :func:`_fraction_terms` is over ``SPLIT_TERMS``).

        arg = N/D in lowest terms with D primitive and of positive leading coefficient
        (lex order on the symbols sorted by name); N = Q·D + R with R the remainder of N
        modulo D (unique: no term of R is divisible by the leading term of D). Then
        arg = Q + R/D, and the m_j are the monomials of Q and the monomials of R over D.
        """
        if sum(_fraction_terms(arg, {})) > SPLIT_TERMS:
            raise _OverBudget  # judged before combining and expanding, not after
        num, den = sympy.fraction(sympy.cancel(sympy.together(sympy.expand(arg))))
        if den.is_Rational:
            quotient, rem, den, scale = num / den, sympy.S.Zero, sympy.S.One, Fraction(1)
        elif not den.free_symbols:  # a constant like 1 + E: kept inside the monomials
            quotient, rem, scale = sympy.S.Zero, num, Fraction(1)
        else:
            gens = sorted(den.free_symbols | num.free_symbols, key=sympy.default_sort_key)
            cont, prim = sympy.Poly(den, *gens).primitive()
            if prim.LC() < 0:  # Poly is lex-ordered on gens
                cont, prim = -cont, -prim
            if sympy.sympify(cont).is_Rational:
                cont = sympy.Rational(cont)
                scale, den = Fraction(int(cont.q), int(cont.p)), prim.as_expr()
            else:  # a content like pi stays inside the denominator
                scale, den = Fraction(1), (cont * prim).as_expr()
            (q,), rem = sympy.reduced(num, [den], *gens, order="lex")
            quotient = q * sympy.Rational(scale.numerator, scale.denominator)
        out: list[tuple[Fraction, sympy.Expr]] = []
        for part, under, k in ((quotient, sympy.S.One, Fraction(1)), (rem, den, scale)):
            for term in sympy.Add.make_args(sympy.expand(part)):
                if term == 0:
                    continue
                c, m = term.as_coeff_Mul()
                if not c.is_Rational:  # a float or an irrational constant stays inside m
                    c, m = sympy.S.One, term
                out.append((Fraction(int(c.p), int(c.q)) * k, m / under))
        return out

    def replace_layer(self, expr: sympy.Expr, nodes: list[sympy.Basic]) -> sympy.Expr:
        pieces: dict[sympy.Basic, list[tuple[Fraction, sympy.Expr]]] = {}
        coeffs: dict[sympy.Expr, list[Fraction]] = {}
        for node in nodes:
            if node is sympy.E:  # SymPy's exp(1)
                pieces[node] = [(Fraction(1), sympy.S.One)]
                coeffs.setdefault(sympy.S.One, []).append(Fraction(1))
            elif isinstance(node, sympy.exp):
                split = self._split(node.args[0])
                pieces[node] = split
                for c, m in split:
                    coeffs.setdefault(m, []).append(c)
        rebase: dict[sympy.Symbol, sympy.Expr] = {}
        for m, cs in coeffs.items():
            if m not in self.exp_bases:
                self.exp_bases[m] = (_rgcd(cs), self._fresh())
                continue
            g, atom = self.exp_bases[m]
            finer = _rgcd(cs + [g])
            if finer != g:  # exp(g m) = exp(finer m)^(g/finer): a finer atom replaces it
                new = self._fresh()
                self.exp_bases[m] = (finer, new)
                rebase[atom] = new ** int(g / finer)
        if rebase:  # rewrite everything in the finer atoms; the caller re-scans the layer
            self.exp_bases = {k.xreplace(rebase): v for k, v in self.exp_bases.items()}
            self.others = {k.xreplace(rebase): v for k, v in self.others.items()}
            return expr.xreplace(rebase)
        mapping: dict[sympy.Basic, sympy.Expr] = {}
        for node in nodes:
            if node in pieces:
                value: sympy.Expr = sympy.S.One
                for c, m in pieces[node]:
                    g, atom = self.exp_bases[m]
                    value *= atom ** int(c / g)  # an integer: g divides every c
                mapping[node] = value
            elif node.is_Pow:
                q = int(node.exp.q)
                root = self._other(sympy.Pow(sympy.cancel(node.base), sympy.Rational(1, q)))
                mapping[node] = root ** int(node.exp.p)
            else:
                mapping[node] = self._other(node.func(sympy.cancel(node.args[0])))
        return expr.xreplace(mapping)

    def _other(self, key: sympy.Basic) -> sympy.Symbol:
        if key not in self.others:
            self.others[key] = self._fresh()
        return self.others[key]


def _canonical(arg: sympy.Expr) -> sympy.Expr:
    arg = sympy.expand(arg)
    _, den = sympy.fraction(sympy.together(arg))
    return arg if not den.free_symbols else sympy.cancel(arg)


class _OverBudget(Exception):
    pass


def _field_is_zero(expr: sympy.Expr, max_terms: int = 20000) -> bool:
    """Exact zero test of a rational function of its free symbols.

    The expression is mapped to a numerator/denominator pair of sparse polynomials over
    Q (no gcds, so no cancellation cost); it is 0 exactly when the numerator is. If a
    polynomial grows past ``max_terms`` terms the test gives up and answers False ("no
    proof"), which is always sound.
    """
    if expr.is_Number:
        return bool(expr == 0)
    # E and pi left over are treated as independent variables (sound, as for any atom)
    expr = expr.xreplace({c: sympy.Dummy(str(c)) for c in (sympy.E, sympy.pi) if expr.has(c)})
    gens = sorted(expr.free_symbols, key=sympy.default_sort_key)
    R, *xs = ring(gens, QQ)
    of_symbol = dict(zip(gens, xs))
    memo: dict[sympy.Basic, tuple] = {}

    def check(p):
        if len(p) > max_terms:
            raise _OverBudget
        return p

    def conv(e: sympy.Basic) -> tuple:
        hit = memo.get(e)
        if hit is not None:
            return hit
        if e.is_Symbol:
            r = (of_symbol[e], R.one)
        elif e.is_Rational:
            r = (R(QQ(int(e.p), int(e.q))), R.one)
        elif e.is_Add:
            n, d = R.zero, R.one
            for a in e.args:
                an, ad = conv(a)
                n, d = (n + an, d) if ad == d else (check(n * ad + an * d), check(d * ad))
            r = (n, d)
        elif e.is_Mul:
            n, d = R.one, R.one
            for a in e.args:
                an, ad = conv(a)
                n, d = check(n * an), check(d * ad)
            r = (n, d)
        elif e.is_Pow and e.exp.is_Integer:
            bn, bd = conv(e.base)
            k = int(e.exp)
            if max(expanded_terms(len(bn), abs(k)), expanded_terms(len(bd), abs(k))) > max_terms:
                raise _OverBudget  # judged before the power is expanded, not after
            r = (check(bn**k), check(bd**k)) if k >= 0 else (check(bd**-k), check(bn**-k))
        else:  # pragma: no cover - the atomizers leave only rational operations
            raise _OverBudget
        memo[e] = r
        return r

    try:
        num, den = conv(expr)
    except _OverBudget:
        return False
    return bool(num == 0 and den != 0)


def _symbolic_powers_to_exp(expr: sympy.Expr) -> sympy.Expr:
    return expr.replace(lambda e: e.is_Pow and not e.exp.is_Rational,
                        lambda e: sympy.exp(e.exp * sympy.log(e.base)))


def opaque_form_is_zero(expr: sympy.Expr, max_terms: int = 20000) -> bool:
    """Tier 1: True only if ``expr`` is 0 with every transcendental node an independent
    variable (nodes with equal function and canonical argument being the same variable).

    One pass, innermost first, straight into a polynomial ring whose generators are the
    free symbols (and E, pi) and one variable per distinct node: a node's key is its
    function and its argument's canonical form (the fraction reduced by its gcd, with a
    monic denominator), and nodes with equal keys share one variable. No SymPy expression
    is rebuilt on the way.
    """
    expr = sympy.sympify(expr)
    if expr.is_Number:
        return bool(expr == 0)
    kinds = (sympy.tanh, sigmoid, sympy.exp, sympy.log)

    def is_node(e: sympy.Basic) -> bool:
        return isinstance(e, kinds) or (e.is_Pow and e.exp.is_Rational and not e.exp.is_Integer)

    def scan(root: sympy.Basic) -> tuple[dict, set] | None:
        """Nodes in post-order (children before their node) and leaves; None if a
        symbolic power b**e needs rewriting first."""
        nodes: dict[sympy.Basic, None] = {}
        leaves: set[sympy.Basic] = set()
        seen: set[sympy.Basic] = set()
        stack: list[tuple[sympy.Basic, bool]] = [(root, False)]
        while stack:
            e, done = stack.pop()
            if done:
                nodes[e] = None
                continue
            if e in seen:
                continue
            seen.add(e)
            if e.is_Symbol or e is sympy.E or e is sympy.pi:
                leaves.add(e)
            elif is_node(e):
                stack.append((e, True))
                stack.extend((a, False) for a in e.args)
            elif e.is_Pow and not e.exp.is_Rational:
                return None
            elif e.is_Add or e.is_Mul or e.is_Pow:
                stack.extend((a, False) for a in e.args)
            elif not e.is_Rational:
                raise _OverBudget  # nothing else is supported: no proof
        return nodes, leaves

    try:
        found = scan(expr)
        if found is None:
            expr = _symbolic_powers_to_exp(expr)
            found = scan(expr)
        if found is None:
            return False
    except _OverBudget:
        return False
    nodes, leaves = found
    gens = sorted(leaves, key=sympy.default_sort_key) + list(nodes)
    R, *xs = ring([sympy.Dummy() for _ in gens], QQ)
    var = dict(zip(gens, xs))
    keys: dict[object, Any] = {}
    memo: dict[sympy.Basic, tuple] = {e: (var[e], R.one) for e in leaves}

    def check(p):
        if len(p) > max_terms:
            raise _OverBudget
        return p

    def conv(e: sympy.Basic) -> tuple:
        hit = memo.get(e)
        if hit is not None:
            return hit
        if e.is_Rational:
            r = (R(QQ(int(e.p), int(e.q))), R.one)
        elif e.is_Add:
            n, d = R.zero, R.one
            for a in e.args:
                an, ad = conv(a)
                n, d = (n + an, d) if ad == d else (check(n * ad + an * d), check(d * ad))
            r = (n, d)
        elif e.is_Mul:
            n, d = R.one, R.one
            for a in e.args:
                an, ad = conv(a)
                n, d = check(n * an), check(d * ad)
            r = (n, d)
        else:  # an integer power; nodes and leaves are already in memo
            bn, bd = conv(e.base)
            k = int(e.exp)
            if max(expanded_terms(len(bn), abs(k)), expanded_terms(len(bd), abs(k))) > max_terms:
                raise _OverBudget  # judged before the power is expanded, not after
            r = (check(bn**k), check(bd**k)) if k >= 0 else (check(bd**-k), check(bn**-k))
        memo[e] = r
        return r

    def canonical(arg: sympy.Basic) -> object:
        """The argument as a reduced fraction with a monic denominator (unique)."""
        n, d = conv(arg)
        if d == 0:
            raise _OverBudget  # a division by zero inside the argument: no proof
        if not d.is_ground:
            if len(n) + len(d) > CANCEL_TERMS:
                raise _OverBudget  # a multivariate gcd of this size takes seconds to minutes
            n, d = n.cancel(d)
        lc = d.LC
        return frozenset((n * (1 / lc)).items()), frozenset((d * (1 / lc)).items())

    try:
        for node in nodes:  # innermost first: every node inside `node` is in memo already
            if node.is_Pow:
                key: object = ("root", int(node.exp.q), canonical(node.base))
                root: Any = keys.setdefault(key, var[node])
                p = int(node.exp.p)
                memo[node] = (root**p, R.one) if p > 0 else (R.one, root**-p)
            else:
                key = (node.func, canonical(node.args[0]))
                memo[node] = (keys.setdefault(key, var[node]), R.one)
        num, den = conv(expr)
    except _OverBudget:
        return False
    return bool(num == 0 and den != 0)


def normal_form_is_zero(expr: sympy.Expr, max_layers: int = 32) -> bool:
    """True only if ``expr`` is exactly 0 by the chain of identities above."""
    expr = rewrite_to_exp(sympy.sympify(expr))
    atomizer = _Atomizer()
    for _ in range(2 * max_layers):
        expr = _merge_exps(expr)
        nodes = _innermost(expr)
        if not nodes:
            break
        expr = atomizer.replace_layer(expr, nodes)
    else:
        return False
    return _field_is_zero(expr)
