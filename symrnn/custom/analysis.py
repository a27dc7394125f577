r"""The full analysis of any cell: what a built-in cell gets, for a user's cell in seconds.

:func:`analyze` returns, for every block :math:`\partial s^a_t/\partial s^b_{t-1}` of the
one-step state Jacobian (:func:`symrnn.derivation.derive`):

* each term in gate notation, its role (*main*: no parameter matrix; *secondary*), and its
  *gate count* — the factors bounded by 1 in magnitude, the article's "one U_f times four
  gates" (eq 9);
* the rigorous supremum of each term over the admissible gate box (:mod:`._sup`), or an
  upper bound when gates are not independent, or "unknown";
* the n-D matrix form of the block, :math:`\sum \mathrm{diag}(e_1)\,U\,\mathrm{diag}(e_2)\cdots`;

plus the state-range invariants provable by the vertex lemma (:mod:`._domains`), and — when
the cell carries a path (``define_cell(..., path=...)``, a cell file's ``[path]``, or
``analyze(cell, path=...)``) — the same term split, gate counts and suprema for that
derivative (:func:`symrnn.derivation.path_derivative`) in :attr:`Analysis.path_terms`: the
LSTM's c-path with :math:`h_{t-1} = o_{t-1}\tanh c_{t-1}` gives eq (9)'s
:math:`(g^*/4)|U_f|`. A path term holding a previous gate :math:`g_{t-1}` and a previous
state whose update depends on :math:`g_t` is bounded as an upper bound only (the two are
not independent). A numeric
implementation compiled from the same equations (:func:`compile_cell`) and a property test
against 50-digit finite differences (:func:`run_property_test`) come with it.

>>> from symrnn.cells import get_cell
>>> a = analyze(get_cell("rnn"))
>>> a.terms[0].expr, a.terms[0].bound.status, a.terms[0].bound.bound
(U*(1 - h_t**2), 'sup', Abs(U))
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sympy
from numpy.typing import NDArray

from .. import numeric
from .._timeout import time_limit
from ..cells import get_cell
from ..cells._base import Cell, CellPath, prev_sym
from ..derivation import Derivation, Jacobian, article_derivative, chains_latex, derive
from ..numeric import CellKernel
from ..verify.verdict import Verdict
from ._domains import CellDomains, cell_domains, state_invariants
from ._mp import fd_jacobian
from ._sup import TermBound, bound_chains, gate_count
from .define import check_cell, check_path

__all__ = ["TermAnalysis", "Analysis", "analyze", "CompiledCell", "compile_cell",
           "PropertyTestResult", "run_property_test"]

Array = NDArray[np.float64]


@dataclass(frozen=True)
class TermAnalysis:
    """One term of one Jacobian block."""

    block: tuple[str, str]
    label: str
    role: str
    expr: sympy.Expr
    gates: int
    bound: TermBound
    matrix_form: str


@dataclass(frozen=True)
class Analysis:
    """Everything :func:`analyze` found about one cell (see the module docstring)."""

    cell: Cell
    jacobian: Jacobian
    terms: tuple[TermAnalysis, ...]
    invariants: Verdict
    domains: CellDomains
    matrix_form: dict[tuple[str, str], str]
    matrix_latex: dict[tuple[str, str], str]
    seconds: dict[str, float] = field(default_factory=dict)
    path: Derivation | None = None
    path_terms: tuple[TermAnalysis, ...] = ()

    def block_terms(self, out: str, inp: str) -> tuple[TermAnalysis, ...]:
        return tuple(t for t in self.terms if t.block == (out, inp))

    def _repr_latex_(self) -> str:
        from .._display import display, math, text

        rows = [text(f"{self.cell.name}: {self.cell.title}")]
        for (o, i), tex in self.matrix_latex.items():
            rows.append(rf"\frac{{\partial {o}_t}}{{\partial {i}_{{t-1}}}} &= {tex or '0'}")
        for t in self.terms + self.path_terms:
            rel = {"sup": r"\sup |\cdot| = ", "upper": r"|\cdot| \le "}.get(t.bound.status)
            bound = rel + math(t.bound.bound) if rel and t.bound.bound is not None \
                else text("bound unknown")
            rows.append(text(f"{t.role}, {t.gates} gate{'s' if t.gates != 1 else ''}: ") + "&"
                        + math(t.expr) + r"\qquad " + bound)
        rows.append(text(f"state invariants: {self.invariants.status}"))
        return display(rows)


def _term(cell: Cell, block: tuple[str, str], t, doms: CellDomains) -> TermAnalysis:
    return TermAnalysis(block, t.label, t.role, t.expr, gate_count(cell, t.expr, doms),
                        bound_chains(cell, t, doms),
                        " + ".join(str(c) for c in t.chains) or "0")


def _coupled(cell: Cell, expr: sympy.Expr) -> list[str]:
    """Pairs (g_{t-1}, s_{t-1}) in ``expr`` where s's update depends on g_t."""
    deps: dict[sympy.Symbol, set[sympy.Symbol]] = {}
    for s, e in cell.definitions:
        d = set(e.free_symbols)
        for v in e.free_symbols & set(deps):
            d |= deps[v]
        deps[s] = d
    out = []
    for g in cell.gates:
        gp = prev_sym(str(g)[:-2])
        if gp not in expr.free_symbols:
            continue
        for st in cell.states:
            if st.prev in expr.free_symbols and g in deps[st.new]:
                out.append(f"{gp} and {st.prev} ({st.name}'s update uses {g})")
    return out


def _both_steps(cell: Cell, expr: sympy.Expr) -> list[str]:
    """The gates g with both g_t and g_{t-1} in ``expr``."""
    free = expr.free_symbols
    return [str(g)[:-2] for g in cell.gates if g in free and prev_sym(str(g)[:-2]) in free]


def analyze(cell: Cell | str, path: Mapping[str, object] | CellPath | None = None, *,
            timeout: float | None = None) -> Analysis:
    """Derive, split, bound and check invariants for ``cell`` (a :class:`Cell` or a catalog
    name); ``path`` (see :func:`~symrnn.custom.define_cell`) overrides the cell's own path.
    Raises :class:`~symrnn.SymrnnError` if the cell or the path breaks a definition rule or a
    limit, and :class:`~symrnn.TimeLimitError` past ``timeout`` seconds (None: no limit)."""
    name = cell if isinstance(cell, str) else getattr(cell, "name", "cell")
    with time_limit(timeout, f"analyze {name}", "timeout"):
        return _analyze(cell, path)


def _analyze(cell: Cell | str, path: Mapping[str, object] | CellPath | None) -> Analysis:
    cell = check_cell(get_cell(cell))
    if path is not None:
        cell = dataclasses.replace(cell, path=check_path(cell, path))
    t0 = time.perf_counter()
    jac = derive(cell)
    der = article_derivative(cell) if cell.path is not None else None
    t1 = time.perf_counter()
    inv = state_invariants(cell)
    doms = cell_domains(cell, inv)
    terms = [_term(cell, key, t, doms) for key, d in jac.derivations.items() for t in d.terms]
    path_terms: list[TermAnalysis] = []
    if der is not None:
        key = (cell.path.of, cell.path.wrt)  # type: ignore[union-attr]
        for t in der.terms:
            ta = _term(cell, key, t, doms)
            pairs = _coupled(cell, t.expr)
            twice = _both_steps(cell, t.expr.xreplace(doms.derived))
            if (pairs or twice) and ta.bound.status == "sup":
                why = (["previous gate and state not independent: " + "; ".join(pairs)]
                       if pairs else [])
                why += ([f"{', '.join(twice)} at both t and t-1, bounded as independent "
                         "values, which they need not be (a gate that does not depend on the "
                         "state is the same number at both steps)"] if twice else [])
                ta = dataclasses.replace(ta, bound=dataclasses.replace(
                    ta.bound, status="upper", attained=None, reason="; ".join(why)))
            path_terms.append(ta)
    t2 = time.perf_counter()
    forms = {k: " + ".join(str(c) for c in ch) or "0" for k, ch in jac.blocks.items()}
    latex = {k: chains_latex(ch) for k, ch in jac.blocks.items()}
    return Analysis(cell, jac, tuple(terms), inv, doms, forms, latex,
                    {"derivation": t1 - t0, "decomposition_and_bounds": t2 - t1,
                     "total": time.perf_counter() - t0}, der, tuple(path_terms))


@dataclass(frozen=True)
class CompiledCell:
    """A cell's definitions and derived Jacobian in numpy, through :mod:`symrnn.numeric`.

    The same functions and the same validation as :func:`symrnn.step` and
    :func:`symrnn.jacobian` with the cell object, kept batch-first for compatibility: ``x`` is
    ``(B, m)`` and ``state`` a tuple of ``(B, n)`` arrays (``(m,)`` and ``(n,)`` work too).
    ``params`` maps exactly the cell's names to arrays: input matrices ``(n, m)``, recurrent
    ``(n, n)``, vectors ``(n,)``.
    """

    cell: Cell
    kernel: CellKernel

    def step(self, params: Mapping[str, Array], x: Array,
             state: tuple[Array, ...]) -> tuple[Array, ...]:
        """The new state tuple, each ``(B, n)``."""
        new = numeric.step(self.cell, params, x, _pack(state))
        return new if isinstance(new, tuple) else (new,)

    def jacobian(self, params: Mapping[str, Array], x: Array,
                 state: tuple[Array, ...]) -> Array:
        """The one-step Jacobian ``(B, S, S)``, S = n × number of states."""
        return numeric.jacobian(self.cell, params, x, _pack(state))  # type: ignore[return-value]


def _pack(state: tuple[Array, ...] | Array) -> Any:
    if isinstance(state, tuple) and len(state) == 1:
        return state[0]
    return state


def compile_cell(cell: Cell | str) -> CompiledCell:
    """Compile ``cell``'s equations and its derived Jacobian chains to numpy (cached)."""
    cell = check_cell(get_cell(cell))
    return CompiledCell(cell, numeric.kernel(cell))


def random_params(cell: Cell, m: int, n: int, rng: np.random.Generator,
                  scale: float = 0.8) -> dict[str, Array]:
    """Gaussian parameters of the right shapes (std ``scale/sqrt(fan_in)``)."""
    shapes = {"input_matrix": (n, m), "recurrent_matrix": (n, n), "bias": (n,)}
    return {p.name: rng.normal(0, scale / np.sqrt(shapes[p.kind][-1]), shapes[p.kind])
            for p in cell.params}


@dataclass(frozen=True)
class PropertyTestResult:
    """Compiled Jacobian vs 50-digit finite differences at random points."""

    cell: str
    trials: int
    max_abs_error: float
    tolerance: float

    @property
    def passed(self) -> bool:
        return self.max_abs_error <= self.tolerance


def run_property_test(cell: Cell | str, *, n: int = 3, m: int = 2, trials: int = 3,
                      seed: int = 0, tolerance: float = 1e-9) -> PropertyTestResult:
    """Compare :meth:`CompiledCell.jacobian` with 50-digit central differences of an
    independent mpmath evaluation of the equations, at ``trials`` random points.

    Arguments:
        n, m: state and input sizes. trials: random points. seed: numpy seed.
        tolerance: allowed max abs difference, relative to ``max(1, |J|)``.
    """
    comp = compile_cell(cell)
    rng = np.random.default_rng(seed)
    worst = 0.0
    for _ in range(trials):
        params = random_params(comp.cell, m, n, rng)
        x = rng.normal(size=(1, m))
        state = tuple(rng.uniform(-0.9, 0.9, size=(1, n)) for _ in comp.cell.states)
        got = comp.jacobian(params, x, state)[0]
        ref = fd_jacobian(comp.cell, params, x[0], tuple(s[0] for s in state))
        worst = max(worst, float(np.max(np.abs(got - ref)) / max(1.0, np.max(np.abs(ref)))))
    return PropertyTestResult(comp.cell.name, trials, worst, tolerance)
