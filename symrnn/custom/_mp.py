r"""A reference evaluator for any cell in n dimensions, in mpmath at 50 digits.

It walks the SymPy trees of the cell's definitions directly (a ``Mul`` holding one matrix
parameter is the matrix-vector product, everything else elementwise) and shares no code with
``lambdify`` or :mod:`symrnn.numeric`, so comparing the two is a real check. Central
differences with step :math:`10^{-20}` at 50 digits have truncation error
:math:`\sim 10^{-40}|f'''|` and rounding error :math:`\sim 10^{-30}`: exact derivatives for
float64 purposes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import mpmath
import numpy as np
import sympy

from ..activations import relu, sigmoid
from ..cells._base import Cell

__all__ = ["mp_step", "fd_jacobian", "DPS"]

DPS = 50
_FUN = {sigmoid: lambda a: 1 / (1 + mpmath.exp(-a)), sympy.tanh: mpmath.tanh,
        relu: lambda a: a if a > 0 else mpmath.mpf(0), sympy.exp: mpmath.exp,
        sympy.log: mpmath.log}


def _eval(e: sympy.Expr, env: Mapping[sympy.Symbol, object], n: int,
          matrices: frozenset[sympy.Symbol]) -> list:
    if e.is_Number:
        return [mpmath.mpf(sympy.Rational(e).p) / sympy.Rational(e).q] * n
    if e.is_Symbol:
        return list(env[e])  # type: ignore[call-overload]
    if e.is_Mul:
        mats = [a for a in e.args if a in matrices]
        rest = [a for a in e.args if a not in matrices]
        vec = [mpmath.mpf(1)] * n
        if mats:
            inner = sympy.Mul(*rest)
            rows = cast("list[list[mpmath.mpf]]", env[mats[0]])
            width = len(rows[0])
            v = _eval(inner, env, width, matrices)
            return [mpmath.fsum(r * s for r, s in zip(row, v)) for row in rows]
        for a in rest:
            vec = [p * q for p, q in zip(vec, _eval(a, env, n, matrices))]
        return vec
    if e.is_Add:
        parts = [_eval(a, env, n, matrices) for a in e.args]
        return [mpmath.fsum(t) for t in zip(*parts)]
    if e.is_Pow:
        base = _eval(e.base, env, n, matrices)
        k = sympy.Rational(e.exp)
        return [b ** (mpmath.mpf(k.p) / k.q) if k.q != 1 else b ** int(k.p) for b in base]
    fn = _FUN[type(e)]
    return [fn(a) for a in _eval(e.args[0], env, n, matrices)]


def mp_step(cell: Cell, params: Mapping[str, np.ndarray], x: np.ndarray,
            state: tuple[list, ...]) -> tuple[list, ...]:
    """The new state (lists of mpf) from float64 params/x and mpf state vectors."""
    with mpmath.workdps(DPS):
        n = len(state[0])
        env: dict[sympy.Symbol, object] = {}
        for p in cell.params:
            a = np.asarray(params[p.name], dtype=np.float64)
            env[p.symbol] = ([[mpmath.mpf(float(v)) for v in row] for row in a] if a.ndim == 2
                             else [mpmath.mpf(float(v)) for v in a])
        env[cell.x] = [mpmath.mpf(float(v)) for v in x]
        for st, v in zip(cell.states, state):
            env[st.prev] = v
        for sym, expr in cell.definitions:
            env[sym] = _eval(expr, env, n, cell.matrix_symbols)
        return tuple(env[st.new] for st in cell.states)  # type: ignore[misc]


def fd_jacobian(cell: Cell, params: Mapping[str, np.ndarray], x: np.ndarray,
                state: tuple[np.ndarray, ...]) -> np.ndarray:
    """The state Jacobian ``(S, S)`` by 50-digit central differences (rows: new state)."""
    with mpmath.workdps(DPS):
        h = mpmath.mpf(10) ** -20
        base = [[mpmath.mpf(float(v)) for v in s] for s in state]
        n = len(base[0])
        size = n * len(base)
        out = np.zeros((size, size))
        for col in range(size):
            k, j = divmod(col, n)
            plus = [list(b) for b in base]
            minus = [list(b) for b in base]
            plus[k][j] += h
            minus[k][j] -= h
            fp = mp_step(cell, params, x, tuple(plus))
            fm = mp_step(cell, params, x, tuple(minus))
            flat = [(a - b) / (2 * h) for sp, sm in zip(fp, fm) for a, b in zip(sp, sm)]
            out[:, col] = [float(v) for v in flat]
        return out
