r"""Jacobians as sums of chains ``diag(e_1) U diag(e_2) …``: one form for 1-D and n-D.

Every cell of the catalog is elementwise except for matrix–vector products, so each block
of its one-step Jacobian is a sum of products whose factors are either a diagonal matrix
``diag(e)`` of an elementwise expression ``e`` (gates, states) or a parameter matrix
``U_*``. In 1-D the product is an ordinary scalar product; in n dimensions it is the
matrix product, e.g. eq (6) becomes ``diag(1 − h_t²) U``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Union

import sympy

__all__ = ["Diag", "Mat", "Chain", "Factor", "chains_scalar", "chains_latex"]


@dataclass(frozen=True)
class Diag:
    """The diagonal matrix diag(expr) of an elementwise expression (a scalar in 1-D)."""

    expr: sympy.Expr

    def latex(self) -> str:
        e = sympy.latex(self.expr)
        return rf"\operatorname{{diag}}\left({e}\right)"

    def __str__(self) -> str:
        return f"diag({self.expr})"


@dataclass(frozen=True)
class Mat:
    """A parameter matrix (U_f, U_h, …)."""

    symbol: sympy.Symbol

    def latex(self) -> str:
        return sympy.latex(self.symbol)

    def __str__(self) -> str:
        return str(self.symbol)


Factor = Union[Diag, Mat]


@dataclass(frozen=True)
class Chain:
    """A product of factors, read left to right as matrices."""

    factors: tuple[Factor, ...] = ()

    def then(self, other: "Chain") -> "Chain":
        """The product self · other, with adjacent diagonals merged."""
        return Chain(_merge(self.factors + other.factors))

    def scale(self, expr: sympy.Expr) -> "Chain":
        """diag(expr) · self."""
        return Chain(_merge((Diag(expr),) + self.factors))

    @property
    def scalar(self) -> sympy.Expr:
        """The 1-D value: the product of every factor."""
        out: sympy.Expr = sympy.S.One
        for f in self.factors:
            out *= f.expr if isinstance(f, Diag) else f.symbol
        return out

    @property
    def matrices(self) -> tuple[sympy.Symbol, ...]:
        return tuple(f.symbol for f in self.factors if isinstance(f, Mat))

    @property
    def is_zero(self) -> bool:
        return any(isinstance(f, Diag) and f.expr == 0 for f in self.factors)

    def latex(self) -> str:
        if not self.factors:
            return "I"
        return " ".join(f.latex() for f in self.factors)

    def __str__(self) -> str:
        return " ".join(str(f) for f in self.factors) or "I"


def _merge(factors: tuple[Factor, ...]) -> tuple[Factor, ...]:
    out: list[Factor] = []
    for f in factors:
        if isinstance(f, Diag):
            if f.expr == 1:
                continue
            if out and isinstance(out[-1], Diag):
                out[-1] = Diag(out[-1].expr * f.expr)
                continue
        out.append(f)
    return tuple(out)


def chains_scalar(chains: tuple[Chain, ...]) -> sympy.Expr:
    """The 1-D value of a sum of chains."""
    return sympy.Add(*(c.scalar for c in chains))


def chains_latex(chains: tuple[Chain, ...]) -> str:
    """The n-D matrix form of a sum of chains, in LaTeX."""
    return " + ".join(c.latex() for c in chains) if chains else "0"
