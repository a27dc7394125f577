r"""The matrix forms checked entry by entry at explicit n (up to 16), and witnesses at n = 2.

For a fixed n every vector is written out as n scalar symbols (``h_{t-1}[1]`` …) and every
matrix as n² symbols (``U_f[1,2]`` …); the input is taken of size m = 1 (the input enters
the Jacobian only through the gates' pre-activations). The *derived* Jacobian is SymPy's
``diff`` of each written-out component :math:`s_t[k]` with respect to :math:`s_{t-1}[l]`,
with the gates expanded to σ(·), tanh(·) of their pre-activations; the result is written
back in gate notation (σ(pre_f[k]) → ``f_t[k]``) and compared with the matrix form's entry
(computed from its :class:`~symrnn.ndim.matrix_form.Path` normal form, gates as
independent symbols) by an exact polynomial difference. Using the structure — gates as
independent symbols, one ``diff`` per entry, no ``simplify`` — is what makes this fast
(see ``docs/benchmarks.md``); each comparison is exact, so "proved" here means proved for
that n.

:func:`find_witness` is the refutation side: exact rational values of every parameter,
input and previous state at which an Arb ball of (derived − form) excludes 0.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (6), (8)–(10), (13).
"""

from __future__ import annotations

import itertools
import random
import time
from fractions import Fraction
from typing import Any

import sympy
from flint import arb

from .._errors import InvalidArgumentError
from ..cells import get_cell
from ..cells._base import Cell
from ..verify.arb import arb_eval, working_precision
from ..verify.verdict import Verdict
from ._sparse import ONE, ZERO, Poly
from .matrix_form import BlockForm

__all__ = ["ExplicitCell", "derived_matrix", "form_matrix", "check_elementwise",
           "find_witness", "MAX_N"]

#: The largest n the explicit check accepts (its cost grows like n² diffs of size n).
MAX_N = 16


def _check_n(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_N:
        raise InvalidArgumentError(
            f"n={n!r} must be an integer with 1 <= n <= {MAX_N}; for every n at once use "
            "symrnn.ndim.prove_block (the dimension-free proof)")
    return n


class ExplicitCell:
    """A cell written out at dimension n (state) and m (input)."""

    def __init__(self, cell: Cell, n: int, substitutions: dict[sympy.Symbol, sympy.Expr],
                 m: int = 1) -> None:
        self.n, self.m = n, m
        self.defs = dict(cell.definitions)
        self.defs.update(substitutions)
        self.gates = {s for s, _ in cell.definitions}
        self.matrices = cell.matrix_symbols
        self.inputs = {p.symbol for p in cell.params if p.kind == "input_matrix"}
        self.memo: dict[tuple[sympy.Symbol, int, bool], sympy.Expr] = {}

    @staticmethod
    def entry(s: sympy.Symbol, *ix: int) -> sympy.Symbol:
        return sympy.Symbol(f"{s.name}[{','.join(map(str, ix))}]")

    def vec(self, s: sympy.Symbol, i: int, expand: bool) -> sympy.Expr:
        """Component i of a vector: its written-out definition if ``expand`` (and it has
        one), else its own symbol."""
        if s not in self.defs or (not expand and s in self.gates):
            return self.entry(s, i)
        key = (s, i, expand)
        if key not in self.memo:
            self.memo[key] = self.component(self.defs[s], i, expand)
        return self.memo[key]

    def component(self, e: sympy.Expr, i: int, expand: bool = True) -> sympy.Expr:
        """Component i of a 1-D-notation expression (``U*w`` read as a matrix product)."""
        if e.is_Symbol:
            return self.vec(e, i, expand)
        if e.is_Number:
            return e
        if e.is_Mul:
            mats = [a for a in e.args if a in self.matrices]
            if mats:
                (u,) = mats
                w = sympy.Mul(*[a for a in e.args if a is not u])
                top = self.m if u in self.inputs else self.n
                return sympy.Add(*[self.entry(u, i, j) * self.component(w, j, expand)
                                   for j in range(1, top + 1)])
        return e.func(*[self.component(a, i, expand) for a in e.args])

    def gate_notation(self) -> dict[sympy.Expr, sympy.Symbol]:
        return {v: self.entry(s, i) for (s, i, ex), v in self.memo.items()
                if ex and s in self.gates}

    def gate_values(self) -> dict[sympy.Symbol, sympy.Expr]:
        """Each gate's entry symbol → its written-out value."""
        out = {}
        for s in self.gates:
            for i in range(1, self.n + 1):
                out[self.entry(s, i)] = self.vec(s, i, True)
        return out


def _explicit(block: BlockForm, n: int) -> ExplicitCell:
    return ExplicitCell(get_cell(block.cell), n, dict(block.substitutions))


def derived_matrix(block: BlockForm, n: int, *, gate_notation: bool = True,
                   ex: ExplicitCell | None = None) -> list[list[sympy.Expr]]:
    """The elementwise Jacobian ∂s_t[k]/∂s_{t-1}[l] at dimension n by SymPy's ``diff``."""
    ex = ex or _explicit(block, _check_n(n))
    rows = []
    wrt = [ex.entry(block.wrt, l) for l in range(1, n + 1)]
    for k in range(1, n + 1):
        comp = ex.vec(block.of, k, True)
        coef = ex.component(block.coefficient, k, True)
        rows.append([coef * sympy.diff(comp, w) for w in wrt])
    if gate_notation:
        back = ex.gate_notation()
        rows = [[e.xreplace(back) for e in row] for row in rows]
    return rows


def form_matrix(block: BlockForm, n: int, *, ex: ExplicitCell | None = None
                ) -> list[list[sympy.Expr]]:
    """The matrix form's n × n entries (gates as symbols), from its paths."""
    ex = ex or _explicit(block, _check_n(n))
    out = [[sympy.S.Zero] * n for _ in range(n)]
    cache: dict[tuple[int, int, int], sympy.Expr] = {}

    def node(pi: int, p: int, e: sympy.Expr, i: int) -> sympy.Expr:
        key = (pi, p, i)
        if key not in cache:
            cache[key] = ex.component(e, i, expand=False)
        return cache[key]

    for pi, path in enumerate(block.form.paths()):
        m = len(path.edges)
        if m == 0:
            for k in range(n):
                out[k][k] += node(pi, 0, path.nodes[0], k + 1)
            continue
        for ix in itertools.product(range(1, n + 1), repeat=m + 1):
            value = sympy.Mul(*[node(pi, p, e, ix[p]) for p, e in enumerate(path.nodes)])
            for p, (u, transposed) in enumerate(path.edges):
                a, b = (ix[p + 1], ix[p]) if transposed else (ix[p], ix[p + 1])
                value *= ex.entry(u, a, b)
            out[ix[0] - 1][ix[-1] - 1] += value
    return out


class _Forward:
    """Values and derivatives of 1-D-notation expressions at explicit indices, exactly.

    Gates, states and transcendental atoms (tanh(c_t)[k], Heaviside(pre)[k]) are
    independent polynomial variables; the derivative of an activation F is SymPy's
    ``diff`` of F(x) (σ' = σ(1 − σ), eq 4d; tanh' = 1 − tanh², eq 4c; relu' = θ) written
    through F(x) itself, then evaluated in the variables. Forward mode: ``deriv(e, i)[l]``
    is ∂e[i]/∂wrt[l].
    """

    def __init__(self, ex: ExplicitCell, wrt: sympy.Symbol, gates: dict[sympy.Expr, sympy.Symbol]
                 ) -> None:
        self.ex, self.wrt, self.n = ex, wrt, ex.n
        self.gate_of = gates
        self.ids: dict[str, int] = {}
        self._val: dict[tuple[sympy.Expr, int], Poly] = {}
        self._der: dict[tuple[sympy.Expr, int], list[Poly]] = {}
        self._zero = [ZERO] * self.n

    def var(self, name: str) -> Poly:
        return Poly.var(self.ids.setdefault(name, len(self.ids)))

    def _leaf(self, s: sympy.Symbol, i: int) -> Poly:
        if s in self.ex.defs and s not in self.ex.gates:  # a substitution (h_{t-1} = ...)
            return self.value(self.ex.defs[s], i)
        return self.var(f"{s.name}[{i}]")

    def _atom(self, e: sympy.Expr, i: int) -> Poly:
        if e in self.gate_of:
            return self.var(f"{self.gate_of[e].name}[{i}]")
        return self.var(f"{sympy.sstr(e)}[{i}]")

    def value(self, e: sympy.Expr, i: int) -> Poly:
        key = (e, i)
        if key not in self._val:
            self._val[key] = self._value(e, i)
        return self._val[key]

    def _value(self, e: sympy.Expr, i: int) -> Poly:
        if e.is_Symbol:
            return self._leaf(e, i)
        if e.is_Number:
            return Poly.const(Fraction(int(e.p), int(e.q)) if e.q != 1 else int(e.p))
        if e.is_Add:
            out = ZERO
            for a in e.args:
                out = out + self.value(a, i)
            return out
        if e.is_Mul:
            u, w = self._matvec(e)
            if u is not None:
                top = self.ex.m if u in self.ex.inputs else self.n
                out = ZERO
                for j in range(1, top + 1):
                    out = out + self.var(f"{u.name}[{i},{j}]") * self.value(w, j)
                return out
            out = ONE
            for a in e.args:
                out = out * self.value(a, i)
            return out
        if e.is_Pow and e.exp.is_Integer and e.exp >= 0:
            return self.value(e.base, i) ** int(e.exp)
        if e.is_Pow or isinstance(e, sympy.Function):
            # tanh(c_t), Heaviside(pre), 1/(f_t + i_t): one independent variable each
            return self._atom(e, i)
        raise InvalidArgumentError(f"expression {e} is outside what the entrywise check reads")

    def _matvec(self, e: sympy.Expr) -> tuple[sympy.Symbol | None, sympy.Expr]:
        mats = [a for a in e.args if a in self.ex.matrices]
        if not mats:
            return None, e
        (u,) = mats
        return u, sympy.Mul(*[a for a in e.args if a is not u])

    def deriv(self, e: sympy.Expr, i: int) -> list[Poly]:
        key = (e, i)
        if key not in self._der:
            self._der[key] = self._deriv(e, i)
        return self._der[key]

    def _deriv(self, e: sympy.Expr, i: int) -> list[Poly]:
        n = self.n
        if e.is_Symbol:
            if e == self.wrt:
                return [ONE if l == i else ZERO for l in range(1, n + 1)]
            if e in self.ex.defs:
                return self.deriv(self.ex.defs[e], i)
            return self._zero
        if e.is_Number:
            return self._zero
        if e.is_Add:
            out = self._zero
            for a in e.args:
                out = [p + q for p, q in zip(out, self.deriv(a, i))]
            return out
        if e.is_Mul:
            u, w = self._matvec(e)
            if u is not None:
                if u in self.ex.inputs:
                    return self._zero
                out = self._zero
                for j in range(1, n + 1):
                    uij = self.var(f"{u.name}[{i},{j}]")
                    out = [p + uij * q for p, q in zip(out, self.deriv(w, j))]
                return out
            out = self._zero
            for a in e.args:
                da = self.deriv(a, i)
                if all(d.is_zero for d in da):
                    continue
                rest = ONE
                for b in e.args:
                    if b is not a:
                        rest = rest * self.value(b, i)
                out = [p + rest * q for p, q in zip(out, da)]
            return out
        if e.is_Pow:
            inner = self.deriv(e.base, i)
            if all(d.is_zero for d in inner):
                return self._zero
            p = e.exp
            if not p.is_Rational:
                raise InvalidArgumentError(f"expression {e} has a non-rational exponent")
            outer = Poly.const(Fraction(int(p.p), int(p.q))) * self.value(e.base ** (p - 1), i)
            return [outer * q for q in inner]
        if isinstance(e, sympy.Function) and len(e.args) == 1:
            (arg,) = e.args
            inner = self.deriv(arg, i)
            if all(d.is_zero for d in inner):
                return self._zero
            x = sympy.Dummy("x")
            local = sympy.diff(e.func(x), x)  # F'(x), written through F(x): eq (4c), (4d)
            outer = self.value(local.xreplace({e.func(x): e}).xreplace({x: arg}), i)
            return [outer * q for q in inner]
        raise InvalidArgumentError(f"expression {e} is outside what the entrywise check reads")


def _fast_matrices(block: BlockForm, n: int) -> tuple[list[list[Poly]], list[list[Poly]]]:
    """(derived, form) as exact polynomials with gates as independent variables."""
    cell = get_cell(block.cell)
    ex = _explicit(block, n)
    fw = _Forward(ex, block.wrt, {e: s for s, e in cell.definitions})
    derived = [[fw.value(block.coefficient, k) * d for d in fw.deriv(block.of, k)]
               for k in range(1, n + 1)]
    form = [[ZERO] * n for _ in range(n)]
    for path in block.form.paths():
        m = len(path.edges)
        if m == 0:
            for k in range(1, n + 1):
                form[k - 1][k - 1] = form[k - 1][k - 1] + fw.value(path.nodes[0], k)
            continue
        for ix in itertools.product(range(1, n + 1), repeat=m + 1):
            value = ONE
            for p, e in enumerate(path.nodes):
                value = value * fw.value(e, ix[p])
            for p, (u, transposed) in enumerate(path.edges):
                a, b = (ix[p + 1], ix[p]) if transposed else (ix[p], ix[p + 1])
                value = value * fw.var(f"{u.name}[{a},{b}]")
            form[ix[0] - 1][ix[-1] - 1] = form[ix[0] - 1][ix[-1] - 1] + value
    return derived, form


def check_elementwise(block: BlockForm, n: int) -> Verdict:
    """Exact entrywise check of ``block`` at dimension n: proved / refuted / unknown.

    >>> from symrnn.ndim import matrix_form
    >>> check_elementwise(matrix_form("lstm"), 3).status
    'proved'
    """
    n = _check_n(n)
    start = time.perf_counter()
    derived, form = _fast_matrices(block, n)
    bad = [(k, l) for k in range(n) for l in range(n) if derived[k][l] != form[k][l]]
    seconds = round(time.perf_counter() - start, 4)
    statement = f"n = {n}: {block} entry by entry"
    evidence: dict[str, Any] = {"n": n, "entries": n * n, "seconds": seconds}
    if not bad:
        return Verdict("proved", "exact: every entry of derived − form is the zero polynomial "
                       "(gates as independent variables)", evidence=evidence,
                       statement=statement)
    found = find_witness(block, n=min(n, 2))
    evidence["differing_entries"] = [[k + 1, l + 1] for k, l in bad[:10]]
    if found is not None:
        return Verdict("refuted", "Arb witness: exact rational point", evidence=evidence |
                       {"witness": found}, statement=statement)
    return Verdict("unknown", "nonzero symbolic difference, no witness", evidence=evidence,
                   statement=statement)


def _ball(expr: sympy.Expr, point: dict[sympy.Symbol, Any]) -> Any:
    # relu' = Heaviside of a rational pre-activation: decide it exactly first
    expr = expr.replace(lambda e: isinstance(e, sympy.Heaviside),
                        lambda e: sympy.Heaviside(e.args[0].xreplace(point)))
    return _ev(expr, point)


def _ev(e: sympy.Expr, point: dict[sympy.Symbol, Any]) -> Any:
    # python-flint's ball ** int is nan when the ball contains 0 (tanh(0)² at an inexact
    # zero, e.g. -24/13 + 24/13); a product of equal balls encloses the same value
    if e.is_Pow and e.exp.is_Integer and e.exp > 0:
        base, out = _ev(e.base, point), arb(1)
        for _ in range(int(e.exp)):
            out = out * base
        return out
    if e.is_Add or e.is_Mul:
        parts = [_ev(a, point) for a in e.args]
        out = parts[0]
        for q in parts[1:]:
            out = out + q if e.is_Add else out * q
        return out
    return arb_eval(e, point)


def find_witness(block: BlockForm, n: int = 2, *, points: int = 6,
                 seed: int = 20201130) -> dict[str, Any] | None:
    """Exact rational values of every variable and an entry (k, l) where an Arb ball of
    (derived − form) excludes 0; ``None`` if none is found among ``points`` points."""
    n = _check_n(n)
    ex = _explicit(block, n)
    derived = derived_matrix(block, n, gate_notation=False, ex=ex)
    values = ex.gate_values()
    form = [[e.xreplace(values) for e in row] for row in form_matrix(block, n, ex=ex)]
    symbols = sorted(set().union(*(e.free_symbols for row in derived + form for e in row)),
                     key=sympy.default_sort_key)
    rng = random.Random(seed)
    for _ in range(points):
        point = {s: sympy.Rational(rng.randint(-5, 5), rng.choice((2, 3, 4)))
                 for s in symbols}
        with working_precision(128):
            for k, l in itertools.product(range(n), repeat=2):
                d = _ball(derived[k][l], point) - _ball(form[k][l], point)
                if d.is_finite() and 0 not in d:
                    return {"n": n, "entry": [k + 1, l + 1],
                            "point": {str(s): str(v) for s, v in point.items()},
                            "derived_minus_form": d.str(radius=True)}
    return None
