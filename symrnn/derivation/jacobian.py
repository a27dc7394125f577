r"""The chain rule over a cell's definitions, written back in gate notation.

For a definition ``v = E(a_1, …, a_k)`` (elementwise in its atoms ``a_j``: gates, states
and matrix–vector products ``U w``),

.. math::

    \frac{\partial v}{\partial s} = \sum_j \operatorname{diag}\!\Big(\frac{\partial E}{\partial a_j}\Big)
        \frac{\partial a_j}{\partial s}, \qquad
    \frac{\partial (U w)}{\partial s} = U \frac{\partial w}{\partial s},

and every ``∂E/∂a_j`` is rewritten in gate notation: a sub-expression equal to a gate's
definition is replaced by the gate (σ(·)(1 − σ(·)) → f_t(1 − f_t), eq (4d);
1 − tanh²(·) → 1 − ĉ_t², eq (4c)).
"""

from __future__ import annotations

from collections.abc import Mapping

import sympy

from .._errors import InvalidExpressionError
from .chains import Chain, Mat

__all__ = ["ChainRule", "split_matvec"]


def split_matvec(
    expr: sympy.Expr, matrices: frozenset[sympy.Symbol]
) -> tuple[sympy.Expr, dict[sympy.Symbol, tuple[sympy.Symbol, sympy.Expr]]]:
    """Replace each matrix–vector product ``U·w`` in ``expr`` by a placeholder symbol.

    Returns the new expression and ``{placeholder: (U, w)}``. A product holding more than
    one matrix parameter has no n-D reading and is rejected.
    """
    found: dict[sympy.Expr, sympy.Symbol] = {}
    parts: dict[sympy.Symbol, tuple[sympy.Symbol, sympy.Expr]] = {}

    def visit(e: sympy.Expr) -> sympy.Expr:
        if e.is_Mul:
            mats = [a for a in e.args if a in matrices]
            if len(mats) > 1:
                raise InvalidExpressionError(
                    f"{e} multiplies the matrices {mats}: write each matrix–vector "
                    "product as one matrix times a vector expression"
                )
            if mats:
                if e not in found:
                    u = mats[0]
                    w = sympy.Mul(*[a for a in e.args if a is not u])
                    ph = sympy.Dummy(f"{u}·w")
                    found[e] = ph
                    parts[ph] = (u, w)
                return found[e]
        if e.args and not e.is_Atom:
            return e.func(*[visit(a) for a in e.args])
        if e in matrices:
            raise InvalidExpressionError(
                f"the matrix {e} appears outside a product with a vector; write U*w"
            )
        return e

    return visit(expr), parts


class ChainRule:
    """∂(target)/∂(wrt) as a sum of :class:`Chain`, over ordered definitions.

    Arguments:
        definitions: ``{symbol: expr}`` for every intermediate (gates, new states, and
            substitutions such as h_{t-1} = o_{t-1} tanh(c_{t-1}) for the c-path).
        matrices: the matrix parameters (appear only as ``U·w`` products).
        gate_defs: ``{expr: gate}`` used to write derivatives back in gate notation.
    """

    def __init__(
        self,
        definitions: Mapping[sympy.Symbol, sympy.Expr],
        matrices: frozenset[sympy.Symbol],
        gate_defs: Mapping[sympy.Expr, sympy.Symbol],
    ) -> None:
        self.definitions = dict(definitions)
        self.matrices = matrices
        self.gate_defs = dict(gate_defs)
        self._memo: dict[tuple[sympy.Symbol, sympy.Symbol], tuple[Chain, ...]] = {}

    def gate_notation(self, expr: sympy.Expr) -> sympy.Expr:
        """Replace every sub-expression equal to a gate's definition by the gate."""
        return expr.xreplace(self.gate_defs)

    def depends(self, expr: sympy.Expr, wrt: sympy.Symbol, _seen: frozenset = frozenset()) -> bool:
        for s in expr.free_symbols:
            if s == wrt:
                return True
            if s in self.definitions and s not in _seen:
                if self.depends(self.definitions[s], wrt, _seen | {s}):
                    return True
        return False

    def atom_terms(
        self, expr: sympy.Expr, wrt: sympy.Symbol
    ) -> list[tuple[sympy.Expr, sympy.Expr, tuple[Chain, ...]]]:
        """The first chain-rule step: ``[(atom, ∂E/∂atom in gate notation, ∂atom/∂wrt)]``.

        ``atom`` is a symbol (gate, state, wrt itself) or a product ``U·w``.
        """
        flat, parts = split_matvec(expr, self.matrices)
        out = []
        for a in sorted(flat.free_symbols, key=sympy.default_sort_key):
            if a in parts:
                u, w = parts[a]
                if not self.depends(w, wrt):
                    continue
                inner = tuple(Chain((Mat(u),)).then(c) for c in self.chains(w, wrt))
                atom: sympy.Expr = u * w
            elif a == wrt:
                inner, atom = (Chain(),), a
            elif a in self.definitions and self.depends(self.definitions[a], wrt):
                inner, atom = self.of_symbol(a, wrt), a
            else:
                continue
            coeff = sympy.diff(flat, a).xreplace({p: u * w for p, (u, w) in parts.items()})
            out.append((atom, self.gate_notation(coeff), inner))
        return out

    def chains(self, expr: sympy.Expr, wrt: sympy.Symbol) -> tuple[Chain, ...]:
        """∂expr/∂wrt as a sum of chains (zero chains dropped)."""
        result: list[Chain] = []
        for _, coeff, inner in self.atom_terms(expr, wrt):
            for c in inner:
                term = c.scale(coeff)
                if not term.is_zero:
                    result.append(term)
        return tuple(result)

    def of_symbol(self, symbol: sympy.Symbol, wrt: sympy.Symbol) -> tuple[Chain, ...]:
        """∂symbol/∂wrt for an intermediate, memoised."""
        key = (symbol, wrt)
        if key not in self._memo:
            self._memo[key] = self.chains(self.definitions[symbol], wrt)
        return self._memo[key]

