"""What a recurrent cell is, symbolically: ordered definitions over named symbols.

A :class:`Cell` is the article's system of equations for one step. Each definition
``(symbol, expr)`` gives a gate or a new state in terms of the input ``x_t``, the previous
states, earlier definitions and the parameters. Written in 1-D form, a matrix–vector
product appears as a plain product of exactly one matrix parameter (``W_*`` or ``U_*``)
with the vector expression it acts on; this convention lets the same definitions be read
in n dimensions (see :mod:`symrnn.derivation`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import sympy

__all__ = ["Cell", "CellPath", "Param", "State", "t_sym", "prev_sym", "params_for"]

ParamKind = Literal["input_matrix", "recurrent_matrix", "bias"]


def t_sym(name: str) -> sympy.Symbol:
    """The symbol of a quantity at step t: ``f`` → ``f_t``, ``chat`` → ``chat_t`` (ĉ_t)."""
    return sympy.Symbol(f"{name}_t")


def prev_sym(name: str) -> sympy.Symbol:
    """The symbol of a quantity at step t-1: ``h`` → ``h_{t-1}``."""
    return sympy.Symbol(f"{name}_{{t-1}}")


@dataclass(frozen=True)
class Param:
    """A trained parameter: its name as in the article and its n-D kind."""

    name: str
    kind: ParamKind

    @property
    def symbol(self) -> sympy.Symbol:
        return sympy.Symbol(self.name)

    @property
    def is_matrix(self) -> bool:
        return self.kind != "bias"


@dataclass(frozen=True)
class State:
    """A state variable: ``name`` ("h" or "c"), its new value ``new`` and previous ``prev``."""

    name: str

    @property
    def new(self) -> sympy.Symbol:
        return t_sym(self.name)

    @property
    def prev(self) -> sympy.Symbol:
        return prev_sym(self.name)


def params_for(*suffixes: str, input_bias: dict[str, str] | None = None) -> tuple[Param, ...]:
    """Parameters ``W_s, U_s, b_s`` for each gate suffix ``s`` ("" gives ``W, U, b``).

    ``input_bias`` renames a bias, e.g. ``{"c": "b_c"}``.
    """
    out: list[Param] = []
    for s in suffixes:
        tail = f"_{s}" if s else ""
        bias = (input_bias or {}).get(s, f"b{tail}")
        out += [Param(f"W{tail}", "input_matrix"), Param(f"U{tail}", "recurrent_matrix"),
                Param(bias, "bias")]
    return tuple(out)


@dataclass(frozen=True)
class CellPath:
    """A derivative a cell's analysis singles out, as the article does for eq (8) and (14):
    ∂of_t/∂wrt_{t-1} with the previous values of other states written out, e.g.
    ``CellPath("c", "c", (("h", o_{t-1} tanh c_{t-1}),))`` for the LSTM's c-path.

    ``substitutions`` pairs a state name with its previous value in previous states and
    previous gates (``o_{t-1}``); :func:`symrnn.custom.define_cell` validates it.
    """

    of: str
    wrt: str
    substitutions: tuple[tuple[str, sympy.Expr], ...] = ()


@dataclass(frozen=True)
class Cell:
    """One recurrent cell: the article's equations for one step.

    Arguments:
        name: catalog name (``"lstm"``).
        title: a human title.
        equation: the article's equation id (``"eq7"``) or ``""`` for cells beyond it.
        states: the state variables, in the order of the Jacobian's blocks.
        gates: the named intermediate quantities (f_t, i_t, o_t, ĉ_t, ...).
        definitions: ordered ``(symbol, expr)``: every gate, then every new state.
        params: the trained parameters.
        reference: citation for the docstring and reports.
        notes: conventions worth stating (gate orientation, where reset applies).
        path: for a user cell, the derivative :func:`symrnn.derivation.article_derivative`
            gives (see :class:`CellPath`); None for the catalog, whose paths are fixed.
    """

    name: str
    title: str
    equation: str
    states: tuple[State, ...]
    gates: tuple[sympy.Symbol, ...]
    definitions: tuple[tuple[sympy.Symbol, sympy.Expr], ...]
    params: tuple[Param, ...]
    reference: str = ""
    notes: str = ""
    x: sympy.Symbol = field(default_factory=lambda: t_sym("x"))
    path: CellPath | None = None

    @property
    def inputs(self) -> tuple[sympy.Symbol, ...]:
        return (self.x,)

    @property
    def state_names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.states)

    @property
    def matrix_symbols(self) -> frozenset[sympy.Symbol]:
        return frozenset(p.symbol for p in self.params if p.is_matrix)

    @property
    def param_symbols(self) -> tuple[sympy.Symbol, ...]:
        return tuple(p.symbol for p in self.params)

    def definition(self, symbol: sympy.Symbol) -> sympy.Expr:
        """The defining expression of a gate or new state."""
        for s, e in self.definitions:
            if s == symbol:
                return e
        raise KeyError(symbol)

    def expanded(self, symbol: sympy.Symbol) -> sympy.Expr:
        """A gate or new state written out fully in x_t, the previous states and parameters."""
        subs: dict[sympy.Symbol, sympy.Expr] = {}
        for s, e in self.definitions:
            subs[s] = e.xreplace(subs)
            if s == symbol:
                return subs[s]
        raise KeyError(symbol)

    def gate_values(self) -> dict[sympy.Symbol, sympy.Expr]:
        """Every gate and new state, fully expanded (for substituting into gate notation)."""
        subs: dict[sympy.Symbol, sympy.Expr] = {}
        for s, e in self.definitions:
            subs[s] = e.xreplace(subs)
        return subs

    def __repr__(self) -> str:
        return f"Cell({self.name!r}: {self.title})"
