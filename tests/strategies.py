"""Hypothesis strategies for SymPy expressions and an independent high-precision evaluator.

``expressions()`` draws random expressions in the checker's language (+, −, ×, ÷, integer
powers, exp, tanh, sigmoid) over a few symbols; ``mp_value`` evaluates an expression with
SymPy's own evalf at 50 digits — a route independent of symrnn's Arb evaluator, used to
re-check witnesses.
"""

from __future__ import annotations

import sympy
from hypothesis import strategies as st

from symrnn import sigmoid

X, Y, Z = sympy.symbols("x y z")
SYMBOLS = (X, Y, Z)

leaves = st.one_of(
    st.sampled_from(SYMBOLS),
    st.fractions(min_value=-3, max_value=3, max_denominator=5).map(sympy.Rational),
)


def _extend(children):
    unary = st.sampled_from([sympy.tanh, sigmoid, lambda e: sympy.exp(e / 3), lambda e: -e])
    binary = st.sampled_from([sympy.Add, sympy.Mul, lambda a, b: a - b])
    return st.one_of(
        st.tuples(unary, children).map(lambda t: t[0](t[1])),
        st.tuples(binary, children, children).map(lambda t: t[0](t[1], t[2])),
        st.tuples(children, st.integers(2, 3)).map(lambda t: t[0] ** t[1]),
    )


expressions = st.recursive(leaves, _extend, max_leaves=6)


def mp_value(expr: sympy.Expr, point: dict, digits: int = 80) -> sympy.Float:
    """expr at the exact point, by SymPy's evalf (mpmath) at ``digits`` digits."""
    return sympy.N(expr.xreplace(point), digits)


def rechecks_witness(lhs: sympy.Expr, rhs: sympy.Expr, witness: dict) -> bool:
    """Independently confirm that lhs ≠ rhs at the witness: |lhs − rhs| at 50 digits
    (80 digits) is far above the evaluation error."""
    a, b = mp_value(lhs, witness), mp_value(rhs, witness)
    d = abs(a - b)
    scale = max(abs(a), abs(b), sympy.Float(1))
    return bool(d > scale * sympy.Float("1e-60", 80))
