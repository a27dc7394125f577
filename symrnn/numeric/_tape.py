r"""Any cell's equations as a numpy tape: the forward step and its reverse-mode adjoint.

The catalog's cells beyond the article's seven, and every user cell, have no hand-written
numpy form. :func:`tape` reads the cell's SymPy definitions once and flattens them into a list
of nodes — inputs, previous states and parameters first, then one node per distinct
subexpression (SymPy's structural equality shares repeated ones) — in the catalog's n-D
reading: a product holding one matrix parameter is the matrix-vector product :math:`U w`,
every other product is elementwise.

Each node's local derivative sits beside its forward rule (:data:`_OPS`), so the backward
sweep is the chain rule of eq (2), one node at a time in reverse order:

===========  ==========================  ==========================================
node         forward                     cotangent sent to each argument
===========  ==========================  ==========================================
add          :math:`\sum_k a_k`          :math:`g`
mul          :math:`\prod_k a_k`         :math:`g \prod_{j \ne k} a_j`
matvec       :math:`U w`                 :math:`U^\top g` to :math:`w`; :math:`g w^\top` to :math:`U`
pow          :math:`a^p`                 :math:`g\,p\,a^{p-1}`
sigmoid      :math:`\sigma(a)`           :math:`g\,\sigma(1-\sigma)` (4d)
tanh         :math:`\tanh a`             :math:`g\,(1-\tanh^2 a)` (4c)
relu         :math:`\max(0, a)`          :math:`g\,\theta(a)`, :math:`\theta(0) = 1/2`
exp, log     :math:`e^a`, :math:`\ln a`  :math:`g e^a`, :math:`g / a`
===========  ==========================  ==========================================

A matrix-vector product is written ``w @ swapaxes(U)``, so a stack of per-run matrices
``(B, n, n)`` works as well as one shared matrix. The tests compare the tape's steps with an
independent 50-digit evaluation of the papers' equations and its adjoint with 50-digit finite
differences; the hand-written article cells (:mod:`._cells`, :mod:`._bptt`) are not built on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Optional

import numpy as np
import sympy
from numpy.typing import NDArray

from .._errors import InvalidArgumentError, InvalidExpressionError
from ..activations import relu as sym_relu
from ..activations import sigmoid as sym_sigmoid
from ..cells._base import Cell
from ._stable import heaviside, relu, sigmoid, tanh

__all__ = ["Tape", "tape"]

Array = NDArray[np.float64]
State = tuple[Array, ...]
# (parameter name, cotangent da, operand v or None for a vector parameter)
Term = tuple[str, Array, Optional[Array]]


def _mv(u: Array, w: Array) -> Array:
    return w @ np.swapaxes(u, -1, -2)


def _mul_all(values: list[Array]) -> Array:
    out = values[0]
    for v in values[1:]:
        out = out * v
    return out


# op -> (forward(args, data), backward(g, args, value, data) -> cotangent of each argument)
_Forward = Callable[[list, Any], Any]
_Backward = Callable[[Array, list, Any, Any], list]

_OPS: dict[str, tuple[_Forward, _Backward]] = {
    "add": (lambda a, _: sum(a[1:], a[0]),
            lambda g, a, v, _: [g] * len(a)),
    "mul": (lambda a, _: _mul_all(a),
            lambda g, a, v, _: [g * _mul_all(a[:k] + a[k + 1:]) if len(a) > 1 else g
                                for k in range(len(a))]),
    "matvec": (lambda a, _: _mv(a[0], a[1]),
               lambda g, a, v, _: [None, g @ a[0]]),  # U's cotangent is g w^T, taken as a term
    "pow": (lambda a, p: a[0] ** p,
            lambda g, a, v, p: [g * p * a[0] ** (p - 1)]),
    "sigmoid": (lambda a, _: sigmoid(a[0]),
                lambda g, a, v, _: [g * v * (1 - v)]),
    "tanh": (lambda a, _: tanh(a[0]),
             lambda g, a, v, _: [g * (1 - v**2)]),
    "relu": (lambda a, _: relu(a[0]),
             lambda g, a, v, _: [g * heaviside(a[0])]),
    "exp": (lambda a, _: np.exp(a[0]),
            lambda g, a, v, _: [g * v]),
    "log": (lambda a, _: np.log(a[0]),
            lambda g, a, v, _: [g / a[0]]),
}

_FUNCTIONS = {sym_sigmoid: "sigmoid", sympy.tanh: "tanh", sym_relu: "relu", sympy.exp: "exp",
              sympy.log: "log"}


@dataclass(frozen=True)
class _Node:
    op: str  # "x", "state", "param", "const", or a key of _OPS
    args: tuple[int, ...] = ()
    data: Any = None  # state index, parameter name, constant, or exponent


@dataclass(frozen=True)
class Tape:
    """A cell flattened to nodes (see the module docstring).

    Attributes:
        cell: the symbolic cell.
        nodes: in evaluation order; leaves (``x``, previous states, parameters) first.
        outputs: the node of each new state, in the cell's state order.
        matrices: the names of the matrix parameters.
    """

    cell: Cell
    nodes: tuple[_Node, ...]
    outputs: tuple[int, ...]
    matrices: frozenset[str]

    def forward(self, p: Mapping[str, Array], x: Array, state: State) -> tuple[State, list]:
        """The new state, and every node's value (the cache :meth:`backward` reads).

        Raises:
            InvalidArgumentError: when the equations, evaluated as written in float64, give a
                non-finite state (e.g. minLSTM's :math:`f/(f + i)` is 0/0 once both gates
                underflow at pre-activations below about -745).
        """
        with np.errstate(all="ignore"):  # judged once, on the result, below
            new, values = self._forward(p, x, state)
        self._check_finite(new, "state")
        return new, values

    def _check_finite(self, arrays: State, what: str) -> None:
        for name, a in zip(self.cell.state_names, arrays):
            if not np.all(np.isfinite(a)):
                raise InvalidArgumentError(
                    f"cell {self.cell.name!r} gives a non-finite {what} {name} at these inputs: its "
                    "equations, evaluated as written in float64, overflow or divide 0 by 0 "
                    "(saturated gates); scale the inputs or parameters down")

    def _forward(self, p: Mapping[str, Array], x: Array, state: State) -> tuple[State, list]:
        values: list = []
        for node in self.nodes:
            if node.op == "x":
                values.append(x)
            elif node.op == "state":
                values.append(state[node.data])  # type: ignore[index]
            elif node.op == "param":
                values.append(p[node.data])  # type: ignore[index]
            elif node.op == "const":
                values.append(node.data)
            else:
                values.append(_OPS[node.op][0]([values[a] for a in node.args], node.data))
        shape = state[0].shape
        new = tuple(np.broadcast_to(values[k], shape).astype(np.float64, copy=True)
                    for k in self.outputs)
        return new, values

    def backward(self, p: Mapping[str, Array], x: Array, prev: State, values: list,
                 d: State) -> tuple[State, list[Term]]:
        """Pull the cotangents ``d`` of the new state back one step (the adjoint of eq 2).

        Returns the cotangents of the previous state and, per use of a parameter, the term
        ``(name, cotangent, operand)``: a matrix's gradient is the sum of ``cotangent^T
        operand`` over its terms, a vector's the sum of ``cotangent`` over the batch.
        """
        with np.errstate(all="ignore"):
            out, terms = self._backward(values, d)
        self._check_finite(out, "cotangent of the previous state")
        return out, terms

    def _backward(self, values: list, d: State) -> tuple[State, list[Term]]:
        grads: list = [None] * len(self.nodes)
        for k, g in zip(self.outputs, d):
            grads[k] = g if grads[k] is None else grads[k] + g
        terms: list[Term] = []
        d_prev: list = [None] * sum(n.op == "state" for n in self.nodes)
        for k in range(len(self.nodes) - 1, -1, -1):
            g = grads[k]
            if g is None:
                continue
            node = self.nodes[k]
            if node.op == "state":
                i = node.data
                d_prev[i] = g if d_prev[i] is None else d_prev[i] + g  # type: ignore[index]
            elif node.op == "param" and node.data not in self.matrices:
                terms.append((node.data, g, None))  # type: ignore[arg-type]
            elif node.op in _OPS:
                args = [values[a] for a in node.args]
                if node.op == "matvec":
                    terms.append((self.nodes[node.args[0]].data, g, args[1]))  # type: ignore[arg-type]
                for a, ga in zip(node.args, _OPS[node.op][1](g, args, values[k], node.data)):
                    if ga is None or self.nodes[a].op in ("const", "x"):
                        continue
                    grads[a] = ga if grads[a] is None else grads[a] + ga
        shape = d[0].shape
        out = tuple(np.zeros(shape) if v is None else np.broadcast_to(v, shape).copy()
                    for v in d_prev)
        return out, terms


class _Builder:
    def __init__(self, cell: Cell) -> None:
        self.cell = cell
        self.nodes: list[_Node] = []
        self.index: dict[object, int] = {}
        self.matrices = frozenset(p.name for p in cell.params if p.is_matrix)
        self.leaf(cell.x, _Node("x"))
        for i, s in enumerate(cell.states):
            self.leaf(s.prev, _Node("state", data=i))
        for p in cell.params:
            self.leaf(p.symbol, _Node("param", data=p.name))

    def leaf(self, key: object, node: _Node) -> int:
        self.nodes.append(node)
        self.index[key] = len(self.nodes) - 1
        return self.index[key]

    def add(self, key: object, op: str, args: tuple[int, ...], data: object = None) -> int:
        if key not in self.index:
            self.leaf(key, _Node(op, args, data))
        return self.index[key]

    def build(self, e: sympy.Expr) -> int:
        if e in self.index:
            return self.index[e]
        if e.is_Number:
            if not e.is_real or not e.is_finite:
                raise InvalidExpressionError(f"the constant {e} is not a finite real number")
            return self.add(e, "const", (), float(e))
        if e.is_Symbol:
            raise InvalidExpressionError(
                f"the symbol {e} of cell {self.cell.name!r} is neither x, a previous state, a "
                "parameter nor an earlier definition; check the cell with symrnn.check_cell")
        if e.is_Mul:
            mats = [a for a in e.args if a.is_Symbol and str(a) in self.matrices]
            if len(mats) > 1:
                raise InvalidExpressionError(f"{e} multiplies the matrices {mats}; no n-D reading")
            if mats:
                rest = sympy.Mul(*[a for a in e.args if a is not mats[0]])
                return self.add(e, "matvec", (self.index[mats[0]], self.build(rest)))
            return self.add(e, "mul", tuple(self.build(a) for a in e.args))
        if e.is_Add:
            return self.add(e, "add", tuple(self.build(a) for a in e.args))
        if e.is_Pow:
            if not e.exp.is_Number:
                raise InvalidExpressionError(f"{e} has a non-numeric exponent")
            return self.add(e, "pow", (self.build(e.base),), float(e.exp))
        fn = _FUNCTIONS.get(type(e))  # type: ignore[call-overload]
        if fn is None:
            raise InvalidExpressionError(
                f"{type(e).__name__} in {e} has no numeric form; use "
                f"{', '.join(_FUNCTIONS.values())}")
        return self.add(e, fn, (self.build(e.args[0]),))


@lru_cache(maxsize=None)
def tape(cell: Cell) -> Tape:
    """Flatten ``cell``'s definitions into a :class:`Tape` (cached per cell)."""
    b = _Builder(cell)
    for symbol, expr in cell.definitions:
        if symbol in b.index:
            raise InvalidExpressionError(f"{symbol} is defined twice in cell {cell.name!r}")
        b.index[symbol] = b.build(expr)
    outputs = tuple(b.index[s.new] for s in cell.states)
    return Tape(cell, tuple(b.nodes), outputs, b.matrices)
