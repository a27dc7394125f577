r"""One-step Jacobians from the *derived* symbolic forms, compiled to numpy once per cell.

:func:`symrnn.derivation.derive` writes each block :math:`\partial s^a_t/\partial s^b_{t-1}`
of a cell's state Jacobian as a sum of chains :math:`\mathrm{diag}(e_1)\,U\,\mathrm{diag}(e_2)
\cdots` in gate notation, e.g. eq (6) :math:`\mathrm{diag}(1 - h_t^2)\,U` or, for the LSTM,

.. math::

    \frac{\partial c_t}{\partial h_{t-1}} = \mathrm{diag}(c_{t-1} f_t (1 - f_t))\,U_f
        + \mathrm{diag}(\hat c_t i_t (1 - i_t))\,U_i + \mathrm{diag}(i_t (1 - \hat c_t^2))\,U_c .

:func:`compiled` turns these into numpy once (cached per cell): the cell's definitions (gates,
new states) become functions in which a product ``U*w`` of a matrix parameter with a vector
expression is the matrix-vector product; all the diagonal expressions of all chains become
one function with common subexpressions shared. :func:`jacobian` then evaluates the
definitions on the batch, the diagonals, and multiplies the chains out:

* chains ``diag(d) U`` of one block are summed as a single batched matrix product
  :math:`\sum_k d_k[b, i]\,U_k[i, j]`, written straight into the output;
* other chains (``diag(d) U diag(e)``, ``… U diag(e) U'``, pure diagonals) are multiplied out
  right to left.

No numerical differentiation is involved; the tests compare the result with high-precision
finite differences. For large batches the cost is dominated by writing the dense
``(B, S, S)`` float64 result (134 MB for the LSTM at n = 64, B = 1024), not by arithmetic;
``out=`` lets a caller reuse one buffer, and ``structured=True`` returns a
:class:`BlockJacobian` instead: a block whose chains hold no matrix (the LSTM's
:math:`\partial c_t/\partial c_{t-1} = \mathrm{diag}(f_t)` and :math:`\partial h_t/\partial
c_{t-1}`) is kept as its diagonal, ``(B, n)``, and only the others are written densely (see
``docs/benchmarks.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Union

import numpy as np
import sympy
from numpy.typing import ArrayLike, NDArray

from .._errors import InvalidArgumentError, InvalidExpressionError, ShapeError
from ..cells import Cell
from ._stable import heaviside, relu, sigmoid
from ._step import Prepared, StateLike, prepare
from ._validate import check_out

__all__ = ["jacobian", "jacobian_product", "compiled", "CompiledJacobian", "BlockJacobian"]

Array = NDArray[np.float64]


class _matvec(sympy.Function):  # noqa: N801 - printed by name into the lambdified code
    """``_matvec(U, w)``: the n-D reading of the 1-D product ``U*w``."""

    nargs = 2


def _mv(matrix: Array, vector: Array) -> Array:
    return vector @ matrix.T


_NAMESPACE = {"sigmoid": sigmoid, "relu": relu, "Heaviside": heaviside, "_matvec": _mv}


def _to_matvec(expr: sympy.Expr, matrices: frozenset[sympy.Symbol]) -> sympy.Expr:
    """Rewrite each ``Mul`` holding one matrix parameter ``U`` as ``_matvec(U, rest)``."""
    if expr in matrices:
        raise InvalidExpressionError(
            f"the matrix {expr} stands outside a product with a vector; write U*w"
        )
    if not expr.args:
        return expr
    # a matrix may stand only as a factor of a product; anywhere else the recursion rejects it
    args = [a if expr.is_Mul and a in matrices else _to_matvec(a, matrices) for a in expr.args]
    if expr.is_Mul:
        mats = [a for a in args if a in matrices]
        if len(mats) > 1:
            raise InvalidExpressionError(f"{expr} multiplies the matrices {mats}; it has no n-D reading")
        if mats:
            rest = sympy.Mul(*[a for a in args if a is not mats[0]])
            return _matvec(mats[0], rest)
    return expr.func(*args)


def _lambdify(args: list[sympy.Symbol], exprs: object, cse: bool = False) -> Callable[..., object]:
    return sympy.lambdify(args, exprs, modules=[_NAMESPACE, "numpy"], cse=cse)


@dataclass(frozen=True)
class _Definition:
    symbol: sympy.Symbol
    args: tuple[sympy.Symbol, ...]
    fn: Callable[..., Array]


# A chain after compilation: each factor is ("diag", index into the diag values) or
# ("mat", parameter name); the leading diagonals of chains sharing a tail are pre-summed.
_Factor = tuple[str, Union[int, str]]


@dataclass(frozen=True)
class CompiledJacobian:
    """A cell's definitions and Jacobian chains compiled to numpy (see :func:`compiled`)."""

    cell: str | Cell
    state_names: tuple[str, ...]
    definitions: tuple[_Definition, ...]
    input_symbol: sympy.Symbol
    prev_symbols: tuple[sympy.Symbol, ...]
    new_symbols: tuple[sympy.Symbol, ...]
    param_symbols: dict[str, sympy.Symbol]
    diag_args: tuple[sympy.Symbol, ...]
    diag_fn: Callable[..., list[Array]]
    blocks: dict[tuple[int, int], tuple[tuple[_Factor, ...], ...]]

    def evaluate(self, params: Mapping[str, Array], x: Array, state: tuple[Array, ...]) -> dict:
        """Every definition's value (gates, new states) on a batch, keyed by symbol."""
        env: dict[sympy.Symbol, object] = {self.param_symbols[k]: v for k, v in params.items()}
        env[self.input_symbol] = x
        env.update(zip(self.prev_symbols, state))
        for d in self.definitions:
            env[d.symbol] = d.fn(*(env[a] for a in d.args))
        return env


@lru_cache(maxsize=None)
def compiled(cell: str | Cell) -> CompiledJacobian:
    """Compile ``cell``'s definitions and derived Jacobian chains to numpy (cached).

    Chains of one block with the same factors after their leading diagonal, e.g.
    ``diag(a) U_z + diag(b) U_z`` in eq (13), are merged into ``diag(a + b) U_z``.
    """
    from ..cells import get_cell  # the symbolic side is imported only when needed
    from ..derivation import Diag, derive

    symbolic = get_cell(cell)
    if not isinstance(cell, str):
        from ..custom.define import check_cell

        check_cell(symbolic)  # a user cell: the definition rules before compiling
    matrices = frozenset(p.symbol for p in symbolic.params if p.kind != "bias")
    defs = []
    for symbol, expr in symbolic.definitions:
        e = _to_matvec(expr, matrices)
        args = tuple(sorted(e.free_symbols, key=sympy.default_sort_key))
        defs.append(_Definition(symbol, args, _lambdify(list(args), e)))  # type: ignore[arg-type]

    diag_exprs: list[sympy.Expr] = []
    blocks: dict[tuple[int, int], tuple[tuple[_Factor, ...], ...]] = {}
    names = tuple(s.name for s in symbolic.states)
    for (out_name, in_name), chains in derive(cell).blocks.items():
        grouped: dict[tuple, sympy.Expr] = {}
        for chain in chains:
            factors = chain.factors
            lead = sympy.S.One
            if factors and isinstance(factors[0], Diag):
                lead, factors = factors[0].expr, factors[1:]
            tail = tuple(("diag", f.expr) if isinstance(f, Diag) else ("mat", str(f.symbol)) for f in factors)
            grouped[tail] = grouped.get(tail, sympy.S.Zero) + lead
        compiled_chains = []
        for tail, lead in grouped.items():
            factors_out: list[_Factor] = []
            for kind, item in (("diag", lead),) + tail:
                if kind == "diag":
                    diag_exprs.append(_to_matvec(item, matrices))
                    factors_out.append(("diag", len(diag_exprs) - 1))
                else:
                    factors_out.append(("mat", item))
            compiled_chains.append(tuple(factors_out))
        blocks[(names.index(out_name), names.index(in_name))] = tuple(compiled_chains)

    diag_args = tuple(sorted(set().union(*(e.free_symbols for e in diag_exprs)), key=sympy.default_sort_key))
    return CompiledJacobian(
        cell=cell,
        state_names=names,
        definitions=tuple(defs),
        input_symbol=symbolic.x,
        prev_symbols=tuple(s.prev for s in symbolic.states),
        new_symbols=tuple(s.new for s in symbolic.states),
        param_symbols={p.name: p.symbol for p in symbolic.params},
        diag_args=diag_args,
        diag_fn=_lambdify(list(diag_args), diag_exprs, cse=True),  # type: ignore[arg-type]
        blocks=blocks,
    )


def _jacobian_batch(
    comp: CompiledJacobian,
    params: Mapping[str, Array],
    x: Array,
    state: tuple[Array, ...],
    out: Array | None = None,
) -> tuple[Array, tuple[Array, ...]]:
    """The Jacobian ``(B, S, S)`` and new state on a batch ``x (B, m)``, ``state (B, n)``.

    ``out``, if given, is a C-contiguous float64 ``(B, S, S)`` buffer that is overwritten.
    """
    env = comp.evaluate(params, x, state)
    batch, n = state[0].shape
    diags = [np.broadcast_to(v, (batch, n)) for v in comp.diag_fn(*(env[a] for a in comp.diag_args))]
    size = n * len(state)
    if out is None:
        out = np.zeros((batch, size, size))  # lazily zeroed pages: no pass over memory
    elif any(not _simple(comp.blocks.get(key, ())) for key in np.ndindex(len(state), len(state))):
        out.fill(0.0)  # one contiguous pass: several times faster than filling strided blocks
    for a, b in np.ndindex(len(state), len(state)):
        view = out[:, a * n : (a + 1) * n, b * n : (b + 1) * n]
        _sum_chains(view, comp.blocks.get((a, b), ()), diags, params, zeroed=True)
    return out, tuple(env[s] for s in comp.new_symbols)  # type: ignore[misc]


def _sum_chains(view: Array, chains: tuple[tuple[_Factor, ...], ...], diags: list[Array],
                params: Mapping[str, Array], *, zeroed: bool) -> None:
    """``view`` (a ``(B, n, n)`` block) := the sum of ``chains``; ``zeroed``: it holds 0s."""
    simple = _simple(chains)
    if simple:  # Σ_k diag(d_k) U_k as one batched product: (n, B, K) @ (n, K, n)
        d = np.stack([diags[c[0][1]] for c in simple], axis=-1).transpose(1, 0, 2)  # type: ignore[index]
        u = np.stack([params[c[1][1]] for c in simple], axis=1)  # type: ignore[index]
        np.matmul(d, u, out=view.transpose(1, 0, 2))
    elif not zeroed:
        view.fill(0.0)
    for chain in chains:
        if chain in simple:
            continue
        value, is_diag = _multiply(chain, diags, params)
        if is_diag:
            diagonal = _diagonal(view)
            diagonal += value
        else:
            view += value


def _diagonal(block: Array) -> Array:
    """A writeable ``(B, n)`` view of the diagonals of a ``(B, n, n)`` block view.

    (``ndarray.diagonal`` is read-only; a strided view is also ~7x faster than fancy
    indexing here, since each write stays within its matrix's rows.)
    """
    step_b, step_i, step_j = block.strides
    return np.lib.stride_tricks.as_strided(
        block, shape=block.shape[:2], strides=(step_b, step_i + step_j), writeable=True
    )


def _simple(chains: tuple[tuple[_Factor, ...], ...]) -> list[tuple[_Factor, ...]]:
    """The chains ``diag(d) U`` of a block, summed by one batched product."""
    return [c for c in chains if len(c) == 2 and c[1][0] == "mat"]


def _multiply(
    chain: tuple[_Factor, ...], diags: list[Array], params: Mapping[str, Array]
) -> tuple[Array, bool]:
    """A chain's product, right to left; ``(vector, True)`` while it is still diagonal."""
    value: Array | None = None
    is_diag = True
    for kind, item in reversed(chain):
        if kind == "diag":
            d = diags[item]  # type: ignore[index]
            value = d if value is None else (d * value if is_diag else d[:, :, None] * value)
        else:
            u = params[item]  # type: ignore[index]
            if value is None:
                value = np.broadcast_to(u, (diags[0].shape[0],) + u.shape)
            elif is_diag:
                value = u[None, :, :] * value[:, None, :]
            else:
                value = u @ value
            is_diag = False
    return value, is_diag  # type: ignore[return-value]


def _compiled_for(prep: Prepared) -> CompiledJacobian:
    """The compiled Jacobian of a validated call (catalog cells cached by name)."""
    k = prep.kernel
    from ..cells import CATALOG

    return compiled(k.name if CATALOG.get(k.name) is k.cell else k.cell)


@dataclass(frozen=True)
class BlockJacobian:
    r"""A one-step state Jacobian kept by blocks :math:`\partial s^a_t/\partial s^b_{t-1}`.

    A block whose derived chains hold no matrix is *diagonal* and stored as its diagonal
    (the LSTM's :math:`\partial c_t/\partial c_{t-1} = \mathrm{diag}(f_t)` and
    :math:`\partial h_t/\partial c_{t-1} = \mathrm{diag}(o_t (1 - \tanh^2 c_t) f_t)`); a block
    with no chain is zero and absent; every other block is a dense array.

    Attributes:
        state_names: the states in block order, e.g. ``("h", "c")``.
        n: the hidden size.
        blocks: ``{(a, b): array}``: a diagonal block has shape ``(n,)`` or ``(B, n)``, a dense
            block ``(n, n)`` or ``(B, n, n)`` (rows: new state ``a``, columns: previous ``b``).
        diagonal: the keys of the diagonal blocks.
    """

    state_names: tuple[str, ...]
    n: int
    blocks: dict[tuple[str, str], Array]
    diagonal: frozenset[tuple[str, str]]

    @property
    def batch_shape(self) -> tuple[int, ...]:
        """``()`` for one point, ``(B,)`` for a batch."""
        for key, value in self.blocks.items():
            return value.shape[:-1] if key in self.diagonal else value.shape[:-2]
        return self._batch

    _batch: tuple[int, ...] = ()

    def block(self, of: str, wrt: str) -> Array:
        r""":math:`\partial {of}_t/\partial {wrt}_{t-1}` as a dense array ``(n, n)`` or ``(B, n, n)``."""
        for name in (of, wrt):
            if name not in self.state_names:
                raise InvalidArgumentError(
                    f"{name!r} is not a state of this Jacobian; use one of {self.state_names}")
        value = self.blocks.get((of, wrt))
        shape = self.batch_shape + (self.n, self.n)
        if value is None:
            return np.zeros(shape)
        if (of, wrt) in self.diagonal:
            out = np.zeros(shape)
            _diagonal(out.reshape((-1, self.n, self.n)))[...] = value.reshape(-1, self.n)
            return out
        return np.array(value)

    def dense(self) -> Array:
        """The whole Jacobian as one array, as :func:`jacobian` returns it."""
        k = len(self.state_names)
        rows = [np.concatenate([self.block(a, b) for b in self.state_names], axis=-1)
                for a in self.state_names]
        return np.concatenate(rows, axis=-2) if k > 1 else rows[0]


def _blocks_batch(comp: CompiledJacobian, params: Mapping[str, Array], x: Array,
                  state: tuple[Array, ...]) -> BlockJacobian:
    """The blocks on a batch ``x (B, m)``, ``state (B, n)``; dense blocks are written into
    ``(n, B, n)`` buffers (so the batched product writes contiguously) and returned as
    ``(B, n, n)`` views."""
    env = comp.evaluate(params, x, state)
    batch, n = state[0].shape
    diags = [np.broadcast_to(v, (batch, n)) for v in comp.diag_fn(*(env[a] for a in comp.diag_args))]
    names = comp.state_names
    blocks: dict[tuple[str, str], Array] = {}
    diagonal = set()
    for (a, b), chains in comp.blocks.items():
        key = (names[a], names[b])
        if not chains:
            continue
        if all(kind == "diag" for chain in chains for kind, _ in chain):
            total = np.zeros((batch, n))
            for chain in chains:
                total += _multiply(chain, diags, params)[0]
            blocks[key] = total
            diagonal.add(key)
            continue
        view = np.empty((n, batch, n)).transpose(1, 0, 2)  # (B, n, n), row-major per row k
        _sum_chains(view, chains, diags, params, zeroed=False)
        blocks[key] = view
    return BlockJacobian(names, n, blocks, frozenset(diagonal), (batch,))


def jacobian(
    cell: str | Cell,
    params: Mapping[str, ArrayLike],
    x: ArrayLike,
    state: StateLike,
    *,
    out: Array | None = None,
    structured: bool = False,
) -> Array | BlockJacobian:
    r"""The one-step state Jacobian :math:`\partial s_t/\partial s_{t-1}` from the derived forms.

    For ``lstm`` and ``variant`` the state is :math:`s = (h, c)` and the result is the block
    matrix :math:`\begin{pmatrix}\partial h_t/\partial h_{t-1} & \partial h_t/\partial c_{t-1}\\
    \partial c_t/\partial h_{t-1} & \partial c_t/\partial c_{t-1}\end{pmatrix}`; for the other
    cells it is :math:`\partial h_t/\partial h_{t-1}`, e.g. :math:`\mathrm{diag}(1-h_t^2)U` (eq6).

    >>> import numpy as np
    >>> from symrnn.numeric import init_params, jacobian
    >>> p = {"W": np.zeros((1, 1)), "U": np.array([[2.0]]), "b": np.zeros(1)}
    >>> jacobian("rnn", p, np.zeros(1), np.zeros(1))  # (1 - tanh(0)^2) * 2
    array([[2.]])
    >>> p = init_params("lstm", m=1, n=2, scheme="zero")
    >>> J = jacobian("lstm", p, np.zeros(1), (np.zeros(2), np.zeros(2)), structured=True)
    >>> J.blocks[("c", "c")]  # diag(f_t) with f_t = sigmoid(0), kept as its diagonal
    array([0.5, 0.5])

    Arguments:
        cell: a catalog name or a :class:`~symrnn.cells.Cell`.
        params: parameter arrays, as for :func:`step`.
        x: input, shape ``(m,)`` or ``(B, m)``.
        state: ``h`` of shape ``(n,)`` or ``(B, n)``, or the tuple of the cell's states.
        out: optional C-contiguous float64 array of the result's shape to write into; reusing
            one across calls saves the operating system's zeroing of fresh pages, which is a
            large share of the cost for big batches.
        structured: return a :class:`BlockJacobian` (diagonal blocks as vectors) instead of
            one dense array; ``out`` does not apply.

    Returns:
        ``out`` if given, else a new array of shape ``(S, S)`` or ``(B, S, S)``, with
        ``S = n`` times the number of states (rows: new state, columns: previous state); with
        ``structured=True`` a :class:`BlockJacobian`.
    """
    prep = prepare(cell, params, x, state)
    comp = _compiled_for(prep)
    batched = prep.x.ndim == 2
    xb = prep.x if batched else prep.x[None]
    states = prep.state if batched else tuple(s[None] for s in prep.state)
    if structured:
        if out is not None:
            raise InvalidArgumentError("out= writes a dense array; it does not apply with "
                                       "structured=True")
        blocks = _blocks_batch(comp, prep.params, xb, states)
        if batched:
            return blocks
        return BlockJacobian(blocks.state_names, blocks.n,
                             {k: v[0] for k, v in blocks.blocks.items()}, blocks.diagonal, ())
    size = prep.n * len(prep.state)
    if out is not None:
        shape = (prep.x.shape[0], size, size) if batched else (size, size)
        check_out(out, shape)
        out = out if batched else out[None]
    jac, _ = _jacobian_batch(comp, prep.params, xb, states, out)
    return jac if batched else jac[0]


def jacobian_product(
    cell: str | Cell, params: Mapping[str, ArrayLike], xs: ArrayLike, state0: StateLike
) -> Array:
    r"""The product :math:`J_T \cdots J_1` of one-step Jacobians along a sequence (eq3).

    :math:`J_t = \partial s_t/\partial s_{t-1}` is taken at the trajectory from ``state0``
    driven by ``xs``; the product is :math:`\partial s_T/\partial s_0`, the coefficient that
    vanishes or explodes.

    Arguments:
        cell: a catalog name or a :class:`~symrnn.cells.Cell`.
        xs: inputs, shape ``(T, m)`` or ``(T, B, m)``.
        state0: initial state, as for :func:`jacobian`.

    Returns:
        Shape ``(S, S)`` or ``(B, S, S)`` (see :func:`jacobian`).
    """
    prep = prepare(cell, params, xs, state0, leading=1)
    comp = _compiled_for(prep)
    batched = prep.x.ndim == 3
    state = prep.state if batched else tuple(s[None] for s in prep.state)
    product: Array | None = None
    for x in prep.x:
        jac, state = _jacobian_batch(comp, prep.params, x if batched else x[None], state)
        product = jac if product is None else jac @ product
    if product is None:  # unreachable: prepare() rejects an empty xs (T = 0)
        raise ShapeError("xs has no steps; the Jacobian product needs T >= 1")
    return product if batched else product[0]
