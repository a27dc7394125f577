"""Forward-mode differentiation of an expression DAG, node by node, left unevaluated.

SymPy's ``diff`` re-simplifies every intermediate product and sum; on a cell written out
over several steps that costs seconds, and the exact checker needs none of it. This
derivative applies the sum, product and power rules and the article's (4c) and (4d) at
every node, shares the derivative of shared sub-expressions, and builds the result with
``evaluate=False``. It is a second route to the derivative, independent of SymPy's
``diff`` (the checks that use it compare the two on small cases).

>>> import sympy
>>> from symrnn.activations import sigmoid
>>> x = sympy.Symbol("x")
>>> forward_derivative(sigmoid(2 * x), x).doit()
2*(1 - sigmoid(2*x))*sigmoid(2*x)
"""

from __future__ import annotations

import sympy

from .._errors import InvalidExpressionError
from ..activations import sigmoid

__all__ = ["forward_derivative"]


def forward_derivative(expr: sympy.Expr, theta: sympy.Symbol) -> sympy.Expr:
    """d expr/d theta through every node of ``expr`` (a DAG of +, ×, integer powers, tanh
    and σ), built unevaluated so that no SymPy simplification runs on the way: the sum and
    product rules, (u^k)' = k u^(k-1) u', (4c) tanh' = 1 - tanh², (4d) σ' = σ(1 - σ)."""
    zero = sympy.S.Zero
    memo: dict[sympy.Basic, sympy.Expr] = {}

    def d(e: sympy.Basic) -> sympy.Expr:
        hit = memo.get(e)
        if hit is not None:
            return hit
        if e == theta:
            r: sympy.Expr = sympy.S.One
        elif e.is_Symbol or e.is_Number or theta not in e.free_symbols:
            r = zero
        elif e.is_Add:
            parts = [p for p in map(d, e.args) if p is not zero]
            r = sympy.Add(*parts, evaluate=False) if parts else zero
        elif e.is_Mul:
            parts = []
            for i, a in enumerate(e.args):
                da = d(a)
                if da is not zero:
                    parts.append(sympy.Mul(*e.args[:i], da, *e.args[i + 1:], evaluate=False))
            r = sympy.Add(*parts, evaluate=False) if parts else zero
        elif e.is_Pow and e.exp.is_Integer:
            k = int(e.exp)
            r = sympy.Mul(k, sympy.Pow(e.base, k - 1, evaluate=False), d(e.base),
                          evaluate=False)
        elif isinstance(e, sympy.tanh):
            r = sympy.Mul(1 - e**2, d(e.args[0]), evaluate=False)
        elif isinstance(e, sigmoid):
            r = sympy.Mul(e, 1 - e, d(e.args[0]), evaluate=False)
        else:
            raise InvalidExpressionError(f"forward_derivative: unsupported node {e.func}")
        memo[e] = r
        return r

    return d(expr)
