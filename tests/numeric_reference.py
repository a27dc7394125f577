"""Independent references for the numeric tests, in mpmath at 50 significant digits.

* :func:`ref_step`: every catalog cell re-implemented from its source's printed equations
  (the article, ``/work/shared/spec/seed-claims.md``: eq5, eq7, eq11, eq12, eq14, plus the
  reset-after GRU; the extended cells from the papers and code cited in
  ``symrnn/cells/extended.py``, minGRU's g written as its piecewise definition), with plain
  lists of ``mpf`` — no numpy, no SymPy, no code shared with ``symrnn.numeric``.
* :func:`eval_definitions`: the symbolic catalog (``symrnn.cells``) evaluated in n dimensions
  by walking the SymPy trees (a ``Mul`` holding one matrix parameter is a matrix-vector
  product), independent of ``lambdify``.
* :func:`fd_jacobian`, :func:`fd_directional`: central finite differences of :func:`ref_step`
  with step ``1e-20`` at 50 digits: truncation error ~``1e-40 |f'''|``, rounding error
  ~``1e-30``, both far below float64 resolution, so they act as exact derivatives.

Float64 inputs are converted to ``mpf`` exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import mpmath
import numpy as np
import sympy
from mpmath import mpf

DPS = 50
FD_STEP = mpf(10) ** -20

Vec = list  # list of mpf
Mat = list  # list of rows


def to_mp(a: np.ndarray) -> list:
    """An exact mpf copy of a float64 vector or matrix."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        return [mpf(float(v)) for v in a]
    return [[mpf(float(v)) for v in row] for row in a]


def _sig(v: Vec) -> Vec:
    return [1 / (1 + mpmath.exp(-a)) for a in v]


def _tanh(v: Vec) -> Vec:
    return [mpmath.tanh(a) for a in v]


def _mv(m: Mat, v: Vec) -> Vec:
    return [mpmath.fsum(r * s for r, s in zip(row, v)) for row in m]


def _add(*vs: Vec) -> Vec:
    return [mpmath.fsum(t) for t in zip(*vs)]


def _mul(a: Vec, b: Vec) -> Vec:
    return [s * t for s, t in zip(a, b)]


def _one_minus(a: Vec) -> Vec:
    return [1 - s for s in a]


def _pre(p: Mapping[str, list], g: str, x: Vec, h: Vec, bias: str | None = None) -> Vec:
    s = f"_{g}" if g else ""
    return _add(_mv(p["W" + s], x), _mv(p["U" + s], h), p[bias or "b" + s])


def ref_step(cell: str, p: Mapping[str, list], x: Vec, state: Sequence[Vec]) -> tuple[Vec, ...]:
    """One step of ``cell`` from the article's equations, in mpmath."""
    with mpmath.workdps(DPS):
        h = state[0]
        if cell == "rnn":  # eq5
            return (_tanh(_pre(p, "", x, h)),)
        if cell == "relu_rnn":
            return ([max(a, mpf(0)) for a in _pre(p, "", x, h)],)
        if cell == "lstm":  # eq7
            c = state[1]
            f, i, o = (_sig(_pre(p, g, x, h)) for g in "fio")
            c_hat = _tanh(_pre(p, "c", x, h))
            c_new = _add(_mul(f, c), _mul(i, c_hat))
            return (_mul(o, _tanh(c_new)), c_new)
        if cell in ("gru", "mgu"):  # eq11, eq12
            r = _sig(_pre(p, "r", x, h))
            z = _sig(_pre(p, "z", x, h)) if cell == "gru" else r
            h_hat = _tanh(_add(_mv(p["W_h"], x), _mv(p["U_h"], _mul(r, h)), p["b_h"]))
            return (_add(_mul(_one_minus(z), h), _mul(z, h_hat)),)
        if cell == "variant":  # eq14
            c = state[1]
            z, r = _sig(_pre(p, "z", x, h)), _sig(_pre(p, "r", x, h))
            c_hat = _tanh(_pre(p, "h", x, h, bias="b_c"))
            c_new = _add(_mul(_one_minus(z), c), _mul(z, c_hat))
            return (_mul(r, c_new), c_new)
        if cell == "gru_torch":  # n = tanh(W_h x + b_h + r∘(U_h h + bu_h)); h' = (1−z)∘n + z∘h
            z, r = _sig(_pre(p, "z", x, h)), _sig(_pre(p, "r", x, h))
            u = _add(_mv(p["U_h"], h), p["bu_h"])
            n = _tanh(_add(_mv(p["W_h"], x), p["b_h"], _mul(r, u)))
            return (_add(_mul(_one_minus(z), n), _mul(z, h)),)
        return _ref_extended(cell, p, x, state)
    raise KeyError(cell)


def _peep(p: Mapping[str, list], g: str, x: Vec, h: Vec, c: Vec) -> Vec:
    return _add(_pre(p, g, x, h), _mul(p["p_" + g], c))


def _g(v: Vec) -> Vec:
    """minGRU's g: a + 1/2 for a >= 0, sigma(a) below (Feng et al., appendix B.3)."""
    return [a + mpf(1) / 2 if a >= 0 else 1 / (1 + mpmath.exp(-a)) for a in v]


def _input_gate(p: Mapping[str, list], g: str, x: Vec) -> Vec:
    return _add(_mv(p["W_" + g], x), p["b_" + g])


def _ref_extended(cell: str, p: Mapping[str, list], x: Vec, state: Sequence[Vec]) -> tuple[Vec, ...]:
    h = state[0]
    if cell == "peephole_lstm":  # Gers et al. 2002: o peeks at the new c
        c = state[1]
        f, i = _sig(_peep(p, "f", x, h, c)), _sig(_peep(p, "i", x, h, c))
        c_new = _add(_mul(f, c), _mul(i, _tanh(_pre(p, "c", x, h))))
        o = _sig(_peep(p, "o", x, h, c_new))
        return (_mul(o, _tanh(c_new)), c_new)
    if cell == "cifg_lstm":  # Greff et al.: f = 1 - i
        c = state[1]
        i, o = _sig(_pre(p, "i", x, h)), _sig(_pre(p, "o", x, h))
        c_new = _add(_mul(_one_minus(i), c), _mul(i, _tanh(_pre(p, "c", x, h))))
        return (_mul(o, _tanh(c_new)), c_new)
    if cell in ("mgu_zhou", "mgu_keep", "mgu_flax"):
        f = _sig(_pre(p, "f", x, h))
        if cell == "mgu_flax":  # tanh(W_h x + b_h + f∘(U_h h + bu_h)), h' = (1-f) hhat + f h
            hh = _tanh(_add(_mv(p["W_h"], x), p["b_h"], _mul(f, _add(_mv(p["U_h"], h), p["bu_h"]))))
            return (_add(_mul(_one_minus(f), hh), _mul(f, h)),)
        hh = _tanh(_add(_mv(p["W_h"], x), _mv(p["U_h"], _mul(f, h)), p["b_h"]))
        if cell == "mgu_zhou":  # Zhou et al.: h' = (1-f) h + f hhat
            return (_add(_mul(_one_minus(f), h), _mul(f, hh)),)
        return (_add(_mul(f, h), _mul(_one_minus(f), hh)),)  # RecurrentLayers.jl: f keeps h
    if cell in ("min_gru", "min_gru_g"):
        z = _sig(_input_gate(p, "z", x))
        ht = _input_gate(p, "h", x)
        ht = _g(ht) if cell == "min_gru_g" else ht
        return (_add(_mul(_one_minus(z), h), _mul(z, ht)),)
    if cell in ("min_lstm", "min_lstm_g"):
        f, i = _sig(_input_gate(p, "f", x)), _sig(_input_gate(p, "i", x))
        ht = _input_gate(p, "h", x)
        ht = _g(ht) if cell == "min_lstm_g" else ht
        return ([(a * hp + b * t) / (a + b) for a, b, hp, t in zip(f, i, h, ht)],)
    if cell == "indrnn":  # relu(W x + u∘h + b)
        a = _add(_mv(p["W"], x), _mul(p["u"], h), p["b"])
        return ([max(v, mpf(0)) for v in a],)
    if cell == "janet":  # h' = σ(s) h + (1 - σ(s - β)) tanh(W_c x + U_c h + b_c)
        s = _pre(p, "f", x, h)
        f = _sig(s)
        j = _sig([a - b for a, b in zip(s, p["beta"])])
        return (_add(_mul(f, h), _mul(_one_minus(j), _tanh(_pre(p, "c", x, h)))),)
    raise KeyError(cell)


def ref_unroll(cell: str, p: Mapping[str, list], xs: Sequence[Vec], state: Sequence[Vec]):
    for x in xs:
        state = ref_step(cell, p, x, state)
    return state


def fd_jacobian(cell: str, p: Mapping[str, list], x: Vec, state: Sequence[Vec], xs=None) -> list:
    """∂(flattened new state)/∂(flattened old state) by central differences, as mpf rows.

    With ``xs`` (a list of inputs) the map is the whole unrolled sequence instead of a step.
    """
    with mpmath.workdps(DPS):
        flat = [v for s in state for v in s]
        n = len(state[0])
        cols = []
        for j in range(len(flat)):
            out = []
            for sign in (1, -1):
                moved = list(flat)
                moved[j] += sign * FD_STEP
                parts = [moved[k * n : (k + 1) * n] for k in range(len(state))]
                new = ref_unroll(cell, p, xs, parts) if xs is not None else ref_step(cell, p, x, parts)
                out.append([v for s in new for v in s])
            cols.append([(a - b) / (2 * FD_STEP) for a, b in zip(*out)])
        return [list(row) for row in zip(*cols)]


def fd_directional(f, theta: list, direction: list) -> mpf:
    """(f(θ + εv) − f(θ − εv)) / 2ε for a scalar function of a flat mpf vector."""
    with mpmath.workdps(DPS):
        plus = f([a + FD_STEP * b for a, b in zip(theta, direction)])
        minus = f([a - FD_STEP * b for a, b in zip(theta, direction)])
        return (plus - minus) / (2 * FD_STEP)


# ---------------------------------------------------------------------------------------
# The symbolic catalog evaluated in n dimensions by a tree walk.


def _walk(expr: sympy.Expr, env: Mapping[sympy.Symbol, object], matrices: frozenset) -> Vec:
    """Value of a 1-D catalog expression read in n-D: elementwise, with ``U*w`` a matvec."""
    if expr.is_Symbol:
        return env[expr]  # type: ignore[return-value]
    if expr.is_Number:
        return mpf(sympy.Rational(expr).p) / mpf(sympy.Rational(expr).q)  # type: ignore[return-value]
    args = expr.args
    if expr.is_Mul:
        mats = [a for a in args if a in matrices]
        rest = [a for a in args if a not in matrices]
        value = _product([_walk(a, env, matrices) for a in rest])
        if mats:
            (m,) = mats
            return _mv(env[m], value)  # type: ignore[arg-type]
        return value
    if expr.is_Add:
        return _sum([_walk(a, env, matrices) for a in args])
    if expr.is_Pow and args[1].is_Integer:
        base, k = _walk(args[0], env, matrices), int(args[1])
        return [b**k for b in base] if isinstance(base, list) else base**k
    name = type(expr).__name__
    arg = _walk(args[0], env, matrices)
    fn = {
        "sigmoid": lambda a: 1 / (1 + mpmath.exp(-a)),
        "tanh": mpmath.tanh,
        "relu": lambda a: max(a, mpf(0)),
        "Heaviside": lambda a: mpf(1) if a > 0 else (mpf(0) if a < 0 else mpf(1) / 2),
    }[name]
    return [fn(a) for a in arg] if isinstance(arg, list) else fn(arg)


def _product(values: list) -> object:
    out: object = mpf(1)
    for v in values:
        out = _bin(out, v, lambda a, b: a * b)
    return out


def _sum(values: list) -> object:
    out: object = mpf(0)
    for v in values:
        out = _bin(out, v, lambda a, b: a + b)
    return out


def _bin(a, b, op):
    if isinstance(a, list) and isinstance(b, list):
        return [op(s, t) for s, t in zip(a, b)]
    if isinstance(a, list):
        return [op(s, b) for s in a]
    if isinstance(b, list):
        return [op(a, t) for t in b]
    return op(a, b)


def eval_definitions(cell: str, p: Mapping[str, list], x: Vec, state: Sequence[Vec]) -> tuple[Vec, ...]:
    """The new state from ``symrnn.cells``' definitions, read in n-D, in mpmath."""
    from symrnn.cells import get_cell

    symbolic = get_cell(cell)
    matrices = frozenset(q.symbol for q in symbolic.params if q.kind != "bias")
    env: dict = {q.symbol: p[q.name] for q in symbolic.params}
    env[symbolic.x] = x
    env.update({s.prev: v for s, v in zip(symbolic.states, state)})
    with mpmath.workdps(DPS):
        for symbol, expr in symbolic.definitions:
            env[symbol] = _walk(expr, env, matrices)
    return tuple(env[s.new] for s in symbolic.states)
