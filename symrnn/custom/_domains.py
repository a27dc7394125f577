r"""What values each symbol of a user cell can take: gate ranges and state invariants.

**Gates.** A gate whose definition is an activation call is *primitive*, with the
activation's range: :math:`\sigma \in (0, 1)`, :math:`\tanh \in (-1, 1)`,
:math:`\mathrm{relu} \in [0, \infty)`, :math:`\exp \in (0, \infty)`, :math:`\log \in \mathbb{R}`.
A gate built from ``x``, previous states and parameters only (minGRU's
:math:`\tilde h_t = W_h x_t + b_h`) is primitive with range ℝ. Any other gate is *derived*
(CIFG's :math:`1 - i_t` if written as a gate) and is replaced by its definition before
bounding.

**Previous gates.** A cell's path (:class:`~symrnn.cells.CellPath`) may write a previous
state through previous gates, :math:`h_{t-1} = o_{t-1}\tanh c_{t-1}`; a previous primitive
gate :math:`g_{t-1}` has the range of :math:`g` (``o_prev`` in (0, 1)).

**Independence.** Primitive gates take every combination of values in their ranges when
each has a *private bias*: a vector parameter added at the top of its pre-activation, once
and linearly, and used by no other gate (given the other gates' values, choose that bias;
``sigmoid(b_f - b_f**2)`` has no private bias: its pre-activation is at most 1/4).
Otherwise — JANET's :math:`f_t = \sigma(s_t)` and :math:`j_t = \sigma(s_t - \beta)` share
:math:`s_t` — the box of ranges only over-approximates the admissible set and a supremum
over it is an upper bound, not the supremum.

**State invariants** (:func:`state_invariants`): the largest set S of states with
:math:`|s_0| \le 1 \Rightarrow |s_t| \le 1` for all t provable by the vertex lemma of
:mod:`symrnn.bounds.invariants`: with the previous states of S in [-1, 1], every bounded
activation replaced by an atom ranging over its closed range and derived gates expanded,
each update of S must be multilinear with exact vertex range inside [-1, 1] (states not in
S are removed until this holds: a greatest fixed point). Gru-h-bounded is the instance
S = {h} for eq (11).
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy

from .._errors import SymrnnError
from ..activations import relu, sigmoid
from ..bounds.invariants import multilinear_range
from ..bounds.terms import CLOSED_STATE, OPEN_GATE, OPEN_TANH, REAL_LINE, Domain
from ..cells._base import Cell, prev_sym
from ..verify.verdict import Verdict

__all__ = ["CellDomains", "cell_domains", "state_invariants"]

_RANGE: dict[type, Domain] = {
    sigmoid: OPEN_GATE, sympy.tanh: OPEN_TANH,
    relu: (sympy.Integer(0), sympy.oo, True, False),
    sympy.exp: (sympy.Integer(0), sympy.oo, False, False), sympy.log: REAL_LINE}
_BOUNDED = {sigmoid: (0, 1), sympy.tanh: (-1, 1)}


@dataclass(frozen=True)
class CellDomains:
    """Ranges of the symbols of a cell's terms, and what is known about their independence.

    Attributes:
        domains: symbol → (lo, hi, lo_closed, hi_closed).
        derived: derived gate → its definition in primitive gates (substituted before bounding).
        independent: True when every primitive gate has a private bias.
        shared: the primitive gates without a private bias (why ``independent`` is False).
        bounded_states: the states S of :func:`state_invariants`.
        new_states: new states that are not primitive (c_t): treated as independent
            variables when bounding, which makes a supremum an upper bound.
    """

    domains: dict[sympy.Symbol, Domain]
    derived: dict[sympy.Symbol, sympy.Expr]
    independent: bool
    shared: tuple[sympy.Symbol, ...]
    bounded_states: tuple[str, ...]
    new_states: frozenset[sympy.Symbol]


def _primitive(cell: Cell) -> dict[sympy.Symbol, Domain]:
    inner = set(cell.gates) | {s.new for s in cell.states}
    out: dict[sympy.Symbol, Domain] = {}
    for g in cell.gates:
        e = cell.definition(g)
        if type(e) in _RANGE:
            out[g] = _RANGE[type(e)]
        elif not (e.free_symbols & inner):
            out[g] = REAL_LINE
    for st in cell.states:  # h_t = tanh(...) of the simple RNN is a gate too
        e = cell.definition(st.new)
        if type(e) in _RANGE:
            out[st.new] = _RANGE[type(e)]
    return out


def _derived(cell: Cell, primitive: dict[sympy.Symbol, Domain]) -> dict[sympy.Symbol, sympy.Expr]:
    out: dict[sympy.Symbol, sympy.Expr] = {}
    for s, e in cell.definitions:
        if s in cell.gates and s not in primitive:
            out[s] = e.xreplace(out)
    return out


def _private_biases(cell: Cell, primitive: dict[sympy.Symbol, Domain]) -> tuple[sympy.Symbol, ...]:
    """The primitive gates that have *no* private bias: a vector parameter ``b`` that occurs
    in no other definition and in this gate's pre-activation exactly once, as a term ``c*b``
    (c a nonzero number) of the top-level sum — so that, whatever the rest of the
    pre-activation is, some value of ``b`` gives it any real value. ``b_f - b_f**2`` does not
    qualify: it is at most 1/4."""
    biases = {p.symbol for p in cell.params if p.kind == "bias"}
    users: dict[sympy.Symbol, int] = {}
    for _, e in cell.definitions:
        for b in e.free_symbols & biases:
            users[b] = users.get(b, 0) + 1
    shared = []
    for g in primitive:
        e = cell.definition(g)
        pre = e.args[0] if type(e) in _RANGE else e
        if not any(users[b] == 1 and _free_shift(pre, b) for b in pre.free_symbols & biases):
            shared.append(g)
    return tuple(shared)


def _free_shift(pre: sympy.Expr, b: sympy.Symbol) -> bool:
    """True when ``pre = c*b + rest`` with c a nonzero number and ``rest`` free of b."""
    with_b = [t for t in sympy.Add.make_args(pre) if b in t.free_symbols]
    if len(with_b) != 1:
        return False
    coeff, rest = with_b[0].as_coeff_Mul()
    return rest == b and coeff != 0


def _update_range(cell: Cell, expr: sympy.Expr, in_s: set[str],
                  primitive: dict[sympy.Symbol, Domain],
                  derived: dict[sympy.Symbol, sympy.Expr]) -> tuple[sympy.Expr, sympy.Expr] | None:
    """Exact (min, max) of ``expr`` over the closed box, or None if not provable."""
    expr = expr.xreplace(derived)
    box: dict[sympy.Symbol, tuple[int, int]] = {}
    atoms: dict[sympy.Expr, sympy.Symbol] = {}
    for node in sympy.preorder_traversal(expr):
        if type(node) in _BOUNDED and node not in atoms:
            atoms[node] = sympy.Dummy("a")
            box[atoms[node]] = _BOUNDED[type(node)]
    expr = expr.xreplace(atoms)
    for s in expr.free_symbols - set(box):
        if s in primitive and primitive[s] in (OPEN_GATE, OPEN_TANH):
            box[s] = (0, 1) if primitive[s] is OPEN_GATE else (-1, 1)
        elif any(s in (st.prev, st.new) and st.name in in_s for st in cell.states):
            box[s] = (-1, 1)
        else:
            return None
    try:
        return multilinear_range(expr, box)
    except SymrnnError:
        return None


def state_invariants(cell: Cell) -> Verdict:
    """The states provably kept in [-1, 1] (see the module docstring), as a :class:`Verdict`.

    ``evidence["bounded_states"]`` lists S; ``proved`` when S is non-empty, ``unknown``
    otherwise (no invariant of this form could be shown — not a proof that none exists).
    """
    prim = _primitive(cell)
    der = _derived(cell, prim)
    in_s = {s.name for s in cell.states}
    ranges: dict[str, list[str]] = {}
    changed = True
    while changed:
        changed = False
        for st in cell.states:
            if st.name not in in_s:
                continue
            rng = _update_range(cell, cell.definition(st.new), in_s, prim, der)
            if rng is None or not (rng[0] >= -1 and rng[1] <= 1):
                in_s.discard(st.name)
                changed = True
            else:
                ranges[st.name] = [str(rng[0]), str(rng[1])]
    bounded = tuple(s.name for s in cell.states if s.name in in_s)
    statement = (f"if |s_0| <= 1 for s in {', '.join(bounded)} then |s_t| <= 1 for every t, every "
                 "parameter and input sequence" if bounded else
                 "no state range invariant |s_t| <= 1 provable by the vertex lemma")
    return Verdict(
        "proved" if bounded else "unknown",
        "vertex lemma (exact vertex values of the multilinear update) + induction on t",
        evidence={"bounded_states": list(bounded),
                  "update_ranges": {k: v for k, v in ranges.items() if k in in_s},
                  "unbounded_or_unproved": [s.name for s in cell.states if s.name not in in_s]},
        statement=statement,
    )


def cell_domains(cell: Cell, invariants: Verdict | None = None) -> CellDomains:
    """Every symbol's range for bounding the cell's Jacobian terms."""
    inv = invariants or state_invariants(cell)
    bounded = tuple(inv.evidence.get("bounded_states", ()))
    prim = _primitive(cell)
    dom: dict[sympy.Symbol, Domain] = dict(prim)
    for g in cell.gates:  # o_{t-1} of a path's substitution: the range of o
        if g in prim:
            dom[prev_sym(str(g)[:-2])] = prim[g]
    for st in cell.states:
        dom[st.prev] = CLOSED_STATE if st.name in bounded else REAL_LINE
        dom.setdefault(st.new, dom[st.prev])
    shared = _private_biases(cell, prim)
    return CellDomains(dom, _derived(cell, prim), not shared, shared, bounded,
                       frozenset(s.new for s in cell.states if s.new not in prim))
