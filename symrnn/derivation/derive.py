r"""Each cell's one-step Jacobian, and the derivative the article analyses, split into terms.

:func:`derive` gives the full state Jacobian ∂(state_t)/∂(state_{t-1}), block by block
(ordered (h, c) for the two-state cells). :func:`article_derivative` gives the derivative
the article studies for the cell — eq (6) for the simple RNN, eq (8)–(10) for the LSTM's
c-path (h_{t-1} = o_{t-1} tanh c_{t-1}), eq (13) for the GRU — and the same for the
cells the article leaves undone: eq (12) (``mgu``) and eq (14) (``variant``, c-path with
h_{t-1} = r_{t-1} c_{t-1}). Each is split the way the article writes it: one term per
factor of the state update's product rule, the term without a parameter matrix being
the *main* term (f_t, 1 − z_t) and the rest *secondary*.

:func:`path_derivative` is the general form behind :func:`article_derivative`: any
∂of_t/∂wrt_{t-1} of any cell, with the previous values of other states written out in
previous states and previous gates. A user cell carrying a
:class:`~symrnn.cells.CellPath` (``define_cell(..., path=...)``, a cell file's ``[path]``)
gets that derivative from :func:`article_derivative`.

>>> from sympy import Symbol, tanh
>>> o1, c1 = Symbol("o_{t-1}"), Symbol("c_{t-1}")
>>> path_derivative("lstm", "c", "c", {"h": o1 * tanh(c1)}).expr == \
...     article_derivative("lstm").expr
True

>>> from symrnn.derivation import article_derivative
>>> d = article_derivative("rnn")
>>> d.expr
U*(1 - h_t**2)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import sympy

from ..cells import Cell, get_cell
from .._errors import InvalidArgumentError
from ..cells._base import prev_sym, t_sym
from .chains import Chain, chains_latex, chains_scalar
from .jacobian import ChainRule

__all__ = ["Term", "Derivation", "Jacobian", "derive", "article_derivative", "path_derivative",
           "ARTICLE_PATHS"]


@dataclass(frozen=True)
class Term:
    """One additive term of a derivative, as the article writes it.

    ``coefficient · ∂via/∂wrt``, with ∂via/∂wrt expanded into ``chains``.
    """

    label: str
    role: Literal["main", "secondary"]
    via: sympy.Expr
    coefficient: sympy.Expr
    chains: tuple[Chain, ...]

    @property
    def expr(self) -> sympy.Expr:
        """The term in 1-D, in gate notation."""
        return sympy.factor_terms(chains_scalar(self.chains))

    @property
    def matrices(self) -> tuple[sympy.Symbol, ...]:
        """The parameter matrices the term carries, outermost first."""
        seen: list[sympy.Symbol] = []
        for c in self.chains:
            for m in c.matrices:
                if m not in seen:
                    seen.append(m)
        return tuple(seen)

    def latex(self) -> str:
        """The n-D matrix form of the term."""
        return chains_latex(self.chains)

    def _repr_latex_(self) -> str:
        from .._display import display, math, text

        return display([text(f"{self.role} term {self.label}: ") + math(self.expr),
                        text("n-D: ") + self.latex()])


@dataclass(frozen=True)
class Derivation:
    """∂(of)/∂(wrt) for one cell, with its term split.

    Arguments:
        cell: the cell.
        of, wrt: the differentiated quantity and the variable (``c_t``, ``c_{t-1}``).
        substitutions: extra definitions used, e.g. h_{t-1} = o_{t-1} tanh(c_{t-1}).
        terms: main term first, then the secondary terms in the article's order.
        equation: the article's equation id for this derivative, or ``""``.
    """

    cell: Cell
    of: sympy.Symbol
    wrt: sympy.Symbol
    terms: tuple[Term, ...]
    substitutions: dict[sympy.Symbol, sympy.Expr] = field(default_factory=dict)
    equation: str = ""

    @property
    def chains(self) -> tuple[Chain, ...]:
        return tuple(c for t in self.terms for c in t.chains)

    @property
    def expr(self) -> sympy.Expr:
        """The derivative in 1-D, in gate notation."""
        return sympy.Add(*(t.expr for t in self.terms))

    @property
    def main(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.role == "main")

    @property
    def secondary(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.role == "secondary")

    def values(self) -> dict[sympy.Symbol, sympy.Expr]:
        """Every gate, new state and substituted symbol written out in x_t, the
        previous states (and previous gates) and the parameters."""
        vals: dict[sympy.Symbol, sympy.Expr] = dict(self.substitutions)
        for s, e in self.cell.definitions:
            vals[s] = e.xreplace(vals)
        return vals

    def expand(self, expr: sympy.Expr) -> sympy.Expr:
        """Write a gate-notation expression out in the underlying variables."""
        return expr.xreplace(self.values())

    def direct(self) -> sympy.Expr:
        """An independent route: SymPy's ``diff`` of the fully written-out ``of``."""
        return sympy.diff(self.values()[self.of], self.wrt)

    def latex(self) -> str:
        """``∂of/∂wrt = term_1 + term_2 …`` in LaTeX, terms in the article's order."""
        lhs = rf"\frac{{\partial {sympy.latex(self.of)}}}{{\partial {sympy.latex(self.wrt)}}}"
        body = ""
        for k, t in enumerate(self.terms):
            tex = sympy.latex(t.expr)
            if k and not tex.startswith("-"):
                body += " + "
            elif k:
                body += " - "
                tex = tex[1:].lstrip()
            body += tex
        return f"{lhs} = {body}"

    def _repr_latex_(self) -> str:
        from .._display import display, math, text

        rows = [self.latex().replace(" = ", " &= ", 1)]
        rows += [text(f"with {k} = ") + "&" + math(v) for k, v in self.substitutions.items()]
        rows += [text(f"{t.role}: ") + "&" + math(t.expr) for t in self.terms]
        return display(rows)

    def __str__(self) -> str:
        lines = [f"d{self.of}/d{self.wrt} = {self.expr}"]
        for t in self.terms:
            lines.append(f"  [{t.role:9}] {t.label}  =  {t.expr}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Jacobian:
    """The full one-step state Jacobian of a cell, block by block."""

    cell: Cell
    blocks: dict[tuple[str, str], tuple[Chain, ...]]
    derivations: dict[tuple[str, str], Derivation]

    def _repr_latex_(self) -> str:
        from .._display import display

        rows = [rf"\frac{{\partial {o}_t}}{{\partial {i}_{{t-1}}}} &= {chains_latex(ch) or '0'}"
                for (o, i), ch in self.blocks.items()]
        return display(rows)

    @property
    def matrix(self) -> sympy.Matrix:
        """The 1-D Jacobian as a SymPy matrix, rows and columns ordered as the states."""
        names = self.cell.state_names
        return sympy.Matrix(
            [[chains_scalar(self.blocks[(o, i)]) for i in names] for o in names]
        )


def _rule(cell: Cell, substitutions: dict[sympy.Symbol, sympy.Expr]) -> ChainRule:
    defs = dict(cell.definitions)
    defs.update(substitutions)
    gate_defs = {e: s for s, e in cell.definitions}
    return ChainRule(defs, cell.matrix_symbols, gate_defs)


def _split(cell: Cell, of: sympy.Symbol, wrt: sympy.Symbol,
           substitutions: dict[sympy.Symbol, sympy.Expr], equation: str = "") -> Derivation:
    rule = _rule(cell, substitutions)
    order = {s: k for k, (s, _) in enumerate(cell.definitions)}
    atoms = rule.atom_terms(cell.definition(of), wrt)
    atoms.sort(key=lambda a: (a[0] != wrt, order.get(a[0], len(order))))
    terms: list[Term] = []
    for atom, coeff, inner in atoms:
        if atom == wrt:
            chains = tuple(c.scale(coeff) for c in inner)
            terms.append(Term(str(coeff), "main", atom, coeff, chains))
            continue
        # a gate's coefficient is split as the article does ((ĥ_t − h_{t-1}) z_t' gives
        # two terms in eq (13)); a matrix–vector atom's coefficient stays whole (eq 6).
        # (1 − z_t) is one coefficient, not two terms.
        split = coeff.is_Add and atom.is_Symbol and not any(a.is_Number for a in coeff.args)
        pieces = coeff.args if split else (coeff,)
        for piece in pieces:
            chains = tuple(c.scale(piece) for c in inner if not c.scale(piece).is_zero)
            if not chains:
                continue
            d = f"∂{atom}/∂{wrt}" if atom.is_Symbol else f"∂({atom})/∂{wrt}"
            shown = f"({piece})" if piece.is_Add else str(piece)
            label = d if piece == 1 else f"{shown} {d}"
            role: Literal["main", "secondary"] = (
                "main" if not any(c.matrices for c in chains) else "secondary")
            terms.append(Term(label, role, atom, piece, chains))
    return Derivation(cell, of, wrt, tuple(terms), dict(substitutions), equation)


@lru_cache(maxsize=None)
def derive(cell: str | Cell) -> Jacobian:
    """The one-step state Jacobian ∂(state_t)/∂(state_{t-1}) of a catalog cell."""
    cell = get_cell(cell)
    blocks: dict[tuple[str, str], tuple[Chain, ...]] = {}
    ders: dict[tuple[str, str], Derivation] = {}
    for out in cell.states:
        for inp in cell.states:
            d = _split(cell, out.new, inp.prev, {})
            ders[(out.name, inp.name)] = d
            blocks[(out.name, inp.name)] = d.chains
    return Jacobian(cell, blocks, ders)


#: The derivative the article analyses for each cell: (of, wrt, substitutions, equation).
ARTICLE_PATHS: dict[str, tuple[str, str, dict[str, tuple[str, str]], str]] = {
    "rnn": ("h", "h", {}, "eq6"),
    "relu_rnn": ("h", "h", {}, ""),
    "lstm": ("c", "c", {"h": ("o", "tanh")}, "eq8"),
    "gru": ("h", "h", {}, "eq13"),
    "mgu": ("h", "h", {}, ""),
    "variant": ("c", "c", {"h": ("r", "id")}, ""),
    "gru_torch": ("h", "h", {}, ""),
}


def _state_name(cell: Cell, value: object, arg: str) -> str:
    names = cell.state_names
    for s in cell.states:
        if value in (s.name, s.new, s.prev, str(s.new), str(s.prev)):
            return s.name
    raise InvalidArgumentError(
        f"{arg}={value!r} is not a state of {cell.name} (states: {', '.join(names)}); "
        "name one of them")


def path_derivative(cell: str | Cell, of: str | sympy.Symbol, wrt: str | sympy.Symbol,
                    substitutions: dict | None = None, equation: str = "") -> Derivation:
    """∂of_t/∂wrt_{t-1} for ``cell``, split into the article's terms.

    Arguments:
        cell: a catalog name or a :class:`~symrnn.cells.Cell`.
        of, wrt: state names (``"c"``) or their symbols (``c_t``, ``c_{t-1}``).
        substitutions: ``{state: expr}``, the previous value of a state other than ``wrt``
            written in previous states and previous gates (``{"h": o_{t-1} tanh c_{t-1}}``);
            keys may be names or ``h_{t-1}``. Each expression must hold no step-t symbol
            (x_t, a gate, a new state) and no other substituted state.
        equation: the article's equation id to record, or ``""``.

    Raises:
        InvalidArgumentError: for a name that is not a state, a substitution of ``wrt``
            itself, or a substitution that uses step-t symbols or another substitution.
    """
    cell = get_cell(cell)
    of_name = _state_name(cell, of, "of")
    wrt_name = _state_name(cell, wrt, "wrt")
    subs: dict[sympy.Symbol, sympy.Expr] = {}
    for key, expr in (substitutions or {}).items():
        name = _state_name(cell, key, "substitutions key")
        if name == wrt_name:
            raise InvalidArgumentError(
                f"substitutions[{key!r}] rewrites {prev_sym(name)}, the variable differentiated "
                "by; substitute other states only")
        if not isinstance(expr, sympy.Expr):
            raise InvalidArgumentError(f"substitutions[{key!r}]={expr!r} is not a SymPy "
                                       "expression")
        subs[prev_sym(name)] = expr
    now = {cell.x, *cell.gates, *(s.new for s in cell.states)}
    for var, expr in subs.items():
        bad = expr.free_symbols & (now | set(subs))
        if bad:
            raise InvalidArgumentError(
                f"the substitution for {var} uses {', '.join(sorted(map(str, bad)))}: write it "
                "in previous states and previous gates that are not substituted themselves")
    return _split(cell, t_sym(of_name), prev_sym(wrt_name), subs, equation)


@lru_cache(maxsize=None)
def article_derivative(cell: str | Cell) -> Derivation:
    """The derivative the article analyses for ``cell``, split into its terms.

    LSTM: ∂c_t/∂c_{t-1} with h_{t-1} = o_{t-1} tanh(c_{t-1}) (eq 8–10); variant (eq 14):
    ∂c_t/∂c_{t-1} with h_{t-1} = r_{t-1} c_{t-1}; the other cells: ∂h_t/∂h_{t-1}. A cell
    with a :class:`~symrnn.cells.CellPath` (a user cell): that path, by
    :func:`path_derivative`.
    """
    cell = get_cell(cell)
    if cell.path is not None:
        p = cell.path
        return path_derivative(cell, p.of, p.wrt, dict(p.substitutions))
    of, wrt, subs_spec, eq = ARTICLE_PATHS.get(cell.name, ("h", "h", {}, ""))
    wrt_sym = prev_sym(wrt)
    subs: dict[sympy.Symbol, sympy.Expr] = {}
    for var, (gate, act) in subs_spec.items():
        subs[prev_sym(var)] = prev_sym(gate) * (sympy.tanh(wrt_sym) if act == "tanh" else wrt_sym)
    return path_derivative(cell, of, wrt, subs, eq)
