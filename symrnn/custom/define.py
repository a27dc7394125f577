r"""Bring your own cell: a validated :class:`~symrnn.cells.Cell` from SymPy equations.

A user writes the cell as the article writes its cells — gates, then state updates — in a
small vocabulary:

* ``x`` the input :math:`x_t`;
* a state ``h`` means the new value :math:`h_t`, ``h_prev`` the previous :math:`h_{t-1}`;
* a gate ``f`` means :math:`f_t`;
* parameters by name, each of one kind: ``input_matrix`` (:math:`(n, m)`, acts on ``x``),
  ``recurrent_matrix`` (:math:`(n, n)`), or ``vector`` (:math:`(n,)`: a bias, or an
  elementwise weight such as IndRNN's :math:`u \circ h_{t-1}`);
* functions ``sigmoid``, ``tanh``, ``relu``, ``exp``, ``log`` and powers with a number
  exponent. A product of one matrix with a vector expression is the matrix–vector
  product (``U_h*(r*h_prev)`` is :math:`U_h (r_t \circ h_{t-1})`); every other product is
  elementwise.

(The canonical names ``x_t``, ``h_{t-1}``, ``f_t`` of the catalog are accepted too.)

>>> from sympy import symbols, tanh
>>> x, h_prev, W, U, b = symbols("x h_prev W U b")
>>> cell = define_cell("elman", states=["h"], updates={"h": tanh(W*x + U*h_prev + b)},
...                    params={"W": "input_matrix", "U": "recurrent_matrix", "b": "vector"})
>>> cell.definitions
((h_t, tanh(U*h_{t-1} + W*x_t + b)),)

Every rule broken raises a :class:`~symrnn.SymrnnError` naming the field, the rule and the fix:
unknown symbols, a state without an update, a gate defined through itself, functions that
are unsupported or not differentiable, and shapes without an n-D reading (a matrix outside a
product, two matrices in one product, ``x`` combined elementwise with an n-vector).

**A path** (optional): the article does not stop at the Jacobian blocks; for the LSTM it
analyses ∂c_t/∂c_{t-1} with h_{t-1} = o_{t-1} tanh(c_{t-1}) written out (eq 8–10), which
turns the unbounded :math:`c_{t-1} f_t(1-f_t) U_f` of the block ∂c_t/∂h_{t-1} into eq (9)'s
certified :math:`(g^*/4)|U_f|`. ``path={"of": "c", "wrt": "c", "substitute": {"h": expr}}``
asks for that derivative (``wrt`` defaults to ``of``). A substitution's expression uses
previous states (``c_prev``) and *previous gates* (``o_prev`` is :math:`o_{t-1}`, with the
range of ``o``: a sigmoid gate lies in (0, 1)); it must be the state's own update one step
back (``h = o*tanh(c)`` gives ``h_prev = o_prev*tanh(c_prev)``), checked symbolically.

>>> from symrnn.activations import sigmoid
>>> c, c_prev, f, o, o_prev = symbols("c c_prev f o o_prev")
>>> Wf, Uf, bf, Wo, Uo, bo = symbols("W_f U_f b_f W_o U_o b_o")
>>> lstm1 = define_cell(
...     "lstm_f", states=["h", "c"], gates={"f": sigmoid(Wf*x + Uf*h_prev + bf),
...     "o": sigmoid(Wo*x + Uo*h_prev + bo)},
...     updates={"c": f*c_prev + (1 - f)*tanh(W*x + b), "h": o*tanh(c)},
...     params={"W_f": "W", "U_f": "U", "b_f": "b", "W_o": "W", "U_o": "U", "b_o": "b",
...             "W": "W", "b": "b"},
...     path={"of": "c", "wrt": "c", "substitute": {"h": o_prev*tanh(c_prev)}})
>>> lstm1.path
CellPath(of='c', wrt='c', substitutions=(('h', o_{t-1}*tanh(c_{t-1})),))
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import cast

import sympy

from .._errors import LimitError, ReservedNameError, ShapeError, UnsupportedFunctionError
from .._limits import CELL_LIMITS, MAX_CELL_DEFINITIONS, Size, check_expression
from ..activations import relu, sigmoid
from ..cells._base import Cell, CellPath, Param, State, prev_sym, t_sym
from ._errors import CellDefinitionError, fail

__all__ = ["define_cell", "check_cell", "check_path", "FUNCTIONS", "PARAM_KINDS"]

#: The functions a cell may use, by name (the TOML whitelist is the same).
FUNCTIONS: dict[str, type[sympy.Function]] = {
    "sigmoid": sigmoid, "tanh": sympy.tanh, "relu": relu, "exp": sympy.exp, "log": sympy.log}

#: Accepted spellings of the three parameter kinds.
PARAM_KINDS: dict[str, str] = {
    "input_matrix": "input_matrix", "W": "input_matrix",
    "recurrent_matrix": "recurrent_matrix", "U": "recurrent_matrix",
    "vector": "bias", "bias": "bias", "b": "bias"}

_NOT_DIFFERENTIABLE = (sympy.Abs, sympy.sign, sympy.Max, sympy.Min, sympy.Heaviside,
                       sympy.floor, sympy.ceiling, sympy.Piecewise, sympy.frac)
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_MAX_EXPONENT = 16


def _check_name(field: str, name: object, role: str) -> str:
    if not isinstance(name, str) or not _NAME.match(name):
        raise fail(CellDefinitionError, field,
                   f"{role} name={name!r} is not a plain identifier (a letter, then letters, "
                   "digits or '_'); rename it")
    if name in FUNCTIONS or name == "x" or name.endswith(("_t", "_prev")):
        raise fail(ReservedNameError, field,
                   f"{role} name={name!r} is reserved (function names, 'x', and the suffixes "
                   "'_t' and '_prev' mean the input and time steps); rename it")
    return name


class _Vocabulary:
    """User names → canonical symbols, and what each symbol is."""

    def __init__(self, states: Sequence[str], gates: Sequence[str],
                 params: Mapping[str, str]) -> None:
        self.x = t_sym("x")
        self.lookup: dict[str, sympy.Symbol] = {"x": self.x, "x_t": self.x}
        self.kind: dict[sympy.Symbol, str] = {self.x: "input"}
        for s in states:
            for alias, sym, kind in ((s, t_sym(s), "new"), (f"{s}_t", t_sym(s), "new"),
                                     (f"{s}_prev", prev_sym(s), "prev"),
                                     (str(prev_sym(s)), prev_sym(s), "prev")):
                self.lookup[alias] = sym
                self.kind[sym] = kind
        for g in gates:
            self.lookup[g] = self.lookup[f"{g}_t"] = t_sym(g)
            self.kind[t_sym(g)] = "gate"
        for p, k in params.items():
            self.lookup[p] = sympy.Symbol(p)
            self.kind[sympy.Symbol(p)] = k

    def canonical(self, field: str, expr: sympy.Expr) -> sympy.Expr:
        unknown = sorted(str(s) for s in expr.free_symbols if str(s) not in self.lookup)
        if unknown:
            known = ", ".join(k for k in self.lookup if not k.endswith(("_t", "}")))
            raise fail(CellDefinitionError, field,
                       f"unknown symbol(s) {', '.join(unknown)}; the known names are {known}; "
                       "declare a parameter under params, or fix the spelling")
        return expr.xreplace({s: self.lookup[str(s)] for s in expr.free_symbols})


def _check_functions(field: str, expr: sympy.Expr) -> None:
    for node in sympy.preorder_traversal(expr):
        if isinstance(node, _NOT_DIFFERENTIABLE):
            raise fail(UnsupportedFunctionError, field,
                       f"{type(node).__name__} in {node} is not differentiable everywhere, so "
                       "the Jacobian would not exist; use relu for max(0, .) or a smooth form")
        if isinstance(node, sympy.Function) and type(node) not in FUNCTIONS.values():
            raise fail(UnsupportedFunctionError, field,
                       f"function {type(node).__name__} in {node} is not supported; use "
                       f"{', '.join(FUNCTIONS)} (symrnn.activations.sigmoid for sigmoid)")
        if node.is_Pow and not node.exp.is_Rational:
            raise fail(UnsupportedFunctionError, field,
                       f"power {node} has exponent {node.exp}; only number exponents are "
                       "supported (write exp(a*log(b)) for a general power)")
        if node.is_Pow and abs(node.exp) > _MAX_EXPONENT:
            raise fail(UnsupportedFunctionError, field,
                       f"power {node} has |exponent| > {_MAX_EXPONENT}; keep exponents small")
        if node.is_number and not node.is_real or node in (sympy.nan, sympy.zoo) or \
                node.is_infinite:
            raise fail(CellDefinitionError, field,
                       f"{node} is not a finite real number; cells are real-valued")


def _check_size(field: str, expr: sympy.Expr) -> None:
    """The size budget of one expression (:data:`symrnn._limits.CELL_LIMITS`)."""
    try:
        check_expression(expr, field, CELL_LIMITS, fix="split it into gates")
    except LimitError as e:
        raise fail(LimitError, field, str(e).partition(": ")[2]) from None


def _check_composed(order: list[sympy.Symbol], defs: dict[sympy.Symbol, sympy.Expr],
                    field_of: dict[sympy.Symbol, str]) -> None:
    """The size budget with every gate and state that is not an activation call written out
    (the bounds substitute such derived gates): ``g = (h_prev+1)**16``, ``h = g**16`` is a
    polynomial of degree 256 in ``h_prev``, however small each definition is."""
    env: dict[sympy.Basic, Size] = {}
    for sym in order:
        expr = defs[sym]
        try:
            size = check_expression(expr, field_of[sym], CELL_LIMITS, env=env,
                                    fix="split it into gates that are activation calls")
        except LimitError as e:
            raise fail(LimitError, field_of[sym], str(e).partition(": ")[2]
                       + " (counting the gates it uses, written out)") from None
        if not (isinstance(expr, sympy.Function) and type(expr) in FUNCTIONS.values()):
            env[sym] = size


def _dim(field: str, expr: sympy.Expr, vocab: _Vocabulary) -> str:
    """``"m"`` (input-sized), ``"n"`` (state-sized) or ``"1"`` (a scalar) — or a ShapeError."""
    if expr.is_number:
        return "1"
    if expr.is_Symbol:
        kind = vocab.kind[expr]
        if kind in ("input_matrix", "recurrent_matrix"):
            raise fail(ShapeError, field,
                       f"the matrix {expr} stands outside a product; write it times the "
                       f"vector it acts on, e.g. {expr}*h_prev")
        return "m" if kind == "input" else "n"
    args = list(expr.args)
    if expr.is_Mul:
        mats = [a for a in args if a.is_Symbol and vocab.kind.get(a, "").endswith("matrix")]
        if len(mats) > 1:
            raise fail(ShapeError, field,
                       f"{expr} multiplies the matrices {', '.join(map(str, mats))}: a product "
                       "may hold one matrix (times the vector it acts on); split it, e.g. "
                       "U*(V*h_prev) is not supported")
        if mats:
            u = mats[0]
            rest = sympy.Mul(*[a for a in args if a is not u])
            d = _dim(field, rest, vocab)
            want = "m" if vocab.kind[u] == "input_matrix" else "n"
            if d != want:
                size = {"m": "the input x (size m)", "n": "an n-vector (state, gate, vector "
                        "parameter)", "1": "a number"}
                raise fail(ShapeError, field,
                           f"{u} is a{'n input' if want == 'm' else ' recurrent'} matrix, shape "
                           f"{'(n, m)' if want == 'm' else '(n, n)'}, but in {expr} it acts on "
                           f"{rest}, which is {size[d]}; make it act on {size[want]} or "
                           "change its kind")
            return "n"
    if expr.is_Pow:
        args = [expr.base]
    dims = {_dim(field, a, vocab) for a in args} - {"1"}
    if len(dims) > 1:
        raise fail(ShapeError, field,
                   f"{expr} combines the input x (size m) elementwise with n-vectors; x may "
                   "only appear inside an input-matrix product such as W*x")
    return dims.pop() if dims else "1"


def _order(field_of: dict[sympy.Symbol, str], defs: dict[sympy.Symbol, sympy.Expr],
           user_order: list[sympy.Symbol]) -> list[sympy.Symbol]:
    """A topological order of the definitions, as close to ``user_order`` as possible."""
    deps = {s: [d for d in user_order if d in e.free_symbols] for s, e in defs.items()}
    for s in user_order:
        if s in deps[s]:
            raise fail(CellDefinitionError, field_of[s],
                       f"{s} is defined in terms of itself; a gate or state may use only "
                       f"other gates, x, previous states ({s.name[:-2]}_prev) and parameters")
    state: dict[sympy.Symbol, int] = {}

    def visit(s: sympy.Symbol, path: list[sympy.Symbol]) -> None:
        if state.get(s) == 2:
            return
        if state.get(s) == 1:
            cyc = path[path.index(s):] + [s]
            raise fail(CellDefinitionError, field_of[s],
                       "circular definition " + " -> ".join(str(c)[:-2] for c in cyc) +
                       "; break the cycle (use a previous state *_prev instead)")
        state[s] = 1
        for d in deps[s]:
            visit(d, path + [s])
        state[s] = 2

    for s in user_order:
        visit(s, [])
    done: list[sympy.Symbol] = []
    while len(done) < len(user_order):
        nxt = next(s for s in user_order if s not in done and all(d in done for d in deps[s]))
        done.append(nxt)
    return done


def define_cell(
    name: str,
    *,
    states: Sequence[str],
    updates: Mapping[str, sympy.Expr],
    params: Mapping[str, str],
    gates: Mapping[str, sympy.Expr] | None = None,
    title: str = "",
    reference: str = "",
    notes: str = "",
    path: Mapping[str, object] | CellPath | None = None,
) -> Cell:
    """A validated :class:`~symrnn.cells.Cell` from SymPy equations.

    Arguments:
        name: the cell's name (an identifier).
        states: state names in Jacobian block order, e.g. ``["h", "c"]``.
        updates: ``{state: expr}`` for every state: its new value.
        params: ``{name: kind}``; kind ``input_matrix``/``W``, ``recurrent_matrix``/``U`` or
            ``vector``/``bias``/``b``.
        gates: ``{gate: expr}``, in any order that is not circular.
        title, reference, notes: free text carried into reports.
        path: ``{"of": state, "wrt": state, "substitute": {state: expr}}`` (``wrt``
            defaults to ``of``; see the module docstring), or a :class:`CellPath`: the
            derivative :func:`symrnn.custom.analyze` splits and bounds besides the blocks.

    Returns:
        A :class:`~symrnn.cells.Cell` whose definitions are topologically ordered.

    Raises:
        SymrnnError: naming the field (``"gates.f"``), the rule broken and the fix.
    """
    gates = dict(gates or {})
    _check_name("name", name, "cell")
    if isinstance(states, str) or not states:
        raise fail(CellDefinitionError, "states",
                   f"states={states!r} must be a non-empty list of names, e.g. ['h']")
    seen: dict[str, str] = {}
    for field, names, role in (("states", list(states), "state"), ("gates", list(gates), "gate"),
                               ("params", list(params), "parameter")):
        for n in names:
            _check_name(f"{field}.{n}", n, role)
            if n in seen:
                raise fail(CellDefinitionError, f"{field}.{n}",
                           f"the name {n!r} is both a {seen[n]} and a {role}; rename one")
            seen[n] = role
    kinds: dict[str, str] = {}
    for p, k in params.items():
        if k not in PARAM_KINDS:
            raise fail(CellDefinitionError, f"params.{p}",
                       f"kind={k!r} is not a parameter kind; use one of "
                       "input_matrix, recurrent_matrix, vector")
        kinds[p] = PARAM_KINDS[k]
    for s in states:
        if s not in updates:
            raise fail(CellDefinitionError, f"updates.{s}",
                       f"state {s!r} has no update; add updates.{s} = <its new value>")
    for s in updates:
        if s not in states:
            raise fail(CellDefinitionError, f"updates.{s}",
                       f"{s!r} is not a state (states={list(states)}); add it to states or "
                       "define it as a gate")
    if len(gates) + len(states) > MAX_CELL_DEFINITIONS:
        raise fail(LimitError, "gates", f"{len(gates)} gates and {len(states)} states, over the "
                   f"limit max_definitions={MAX_CELL_DEFINITIONS}; use fewer gates")
    vocab = _Vocabulary(states, list(gates), kinds)
    defs: dict[sympy.Symbol, sympy.Expr] = {}
    field_of: dict[sympy.Symbol, str] = {}
    for field, table in (("gates", gates), ("updates", updates)):
        for n, raw in table.items():
            f = f"{field}.{n}"
            expr = _as_expr(f, raw)
            _check_size(f, expr)
            _check_functions(f, expr)
            expr = vocab.canonical(f, expr)
            if _dim(f, expr, vocab) == "m":
                raise fail(ShapeError, f, f"{expr} has the input's size m, not the state size "
                           "n; apply an input matrix, e.g. W*x")
            sym = t_sym(n)
            defs[sym], field_of[sym] = expr, f
    order = _order(field_of, defs, [t_sym(g) for g in gates] + [t_sym(s) for s in states])
    _check_composed(order, defs, field_of)
    used = set().union(*(e.free_symbols for e in defs.values()))
    for p in kinds:
        if sympy.Symbol(p) not in used:
            raise fail(CellDefinitionError, f"params.{p}",
                       f"parameter {p!r} is declared but used nowhere; remove it")
    cell = Cell(name=name, title=title or name, equation="",
                states=tuple(State(s) for s in states),
                gates=tuple(t_sym(g) for g in gates),
                definitions=tuple((s, defs[s]) for s in order),
                params=tuple(Param(p, k) for p, k in kinds.items()),  # type: ignore[arg-type]
                reference=reference, notes=notes)
    if path is None:
        return cell
    return dataclasses.replace(cell, path=check_path(cell, path, vocab))


def _shift(cell: Cell, expr: sympy.Expr) -> sympy.Expr | None:
    """``expr`` one step back (gates and new states to t-1), or None if it holds x, a
    parameter or a previous state (which would need t-2)."""
    back = {g: prev_sym(str(g)[:-2]) for g in cell.gates}
    back.update({s.new: s.prev for s in cell.states})
    if set(expr.free_symbols) - set(back):
        return None
    return expr.xreplace(back)


def check_path(cell: Cell, path: Mapping[str, object] | CellPath,
               vocab: _Vocabulary | None = None) -> CellPath:
    """Validate a path spec (see the module docstring) against ``cell``; the
    :class:`CellPath`. Errors name the field: ``path``, ``path.of``, ``path.wrt``,
    ``path.substitute.<state>``."""
    if isinstance(path, CellPath):
        path = {"of": path.of, "wrt": path.wrt, "substitute": dict(path.substitutions)}
    if not isinstance(path, Mapping):
        raise fail(CellDefinitionError, "path", f"path={path!r} must be a mapping with keys "
                   "of, wrt, substitute, e.g. {'of': 'c', 'wrt': 'c', 'substitute': {...}}")
    extra = sorted(set(map(str, path)) - {"of", "wrt", "substitute"})
    if extra:
        raise fail(CellDefinitionError, f"path.{extra[0]}", f"unknown key {extra[0]!r}; the "
                   "keys are of, wrt (default: of) and substitute")
    names = list(cell.state_names)
    if "of" not in path:
        raise fail(CellDefinitionError, "path.of", "missing: name the differentiated state, "
                   f"one of {', '.join(names)}")
    of, wrt = path["of"], path.get("wrt", path["of"])
    for key, value in (("of", of), ("wrt", wrt)):
        if value not in names:
            raise fail(CellDefinitionError, f"path.{key}",
                       f"{key}={value!r} is not a state of {cell.name}; use one of "
                       f"{', '.join(names)}")
    subst = path.get("substitute") or {}
    if not isinstance(subst, Mapping):
        raise fail(CellDefinitionError, "path.substitute", f"substitute={subst!r} must be a "
                   "mapping {state: previous value}, e.g. {'h': o_prev*tanh(c_prev)}")
    prev_gates = {prev_sym(str(g)[:-2]) for g in cell.gates}
    lookup = {f"{str(g)[:-2]}_prev": prev_sym(str(g)[:-2]) for g in cell.gates}
    lookup.update({str(p): p for p in prev_gates})
    for s in cell.states:
        lookup.update({f"{s.name}_prev": s.prev, str(s.prev): s.prev})
    vocab = vocab or _Vocabulary(names, [str(g)[:-2] for g in cell.gates],
                                 {p.name: p.kind for p in cell.params})
    out: list[tuple[str, sympy.Expr]] = []
    for key, raw in subst.items():
        field = f"path.substitute.{key}"
        if key not in names:
            raise fail(CellDefinitionError, field,
                       f"{key!r} is not a state of {cell.name} ({', '.join(names)}); only a "
                       "state's previous value can be substituted")
        if key == wrt:
            raise fail(CellDefinitionError, field,
                       f"{key} is the state differentiated by (wrt); substitute other states")
        expr = _as_expr(field, raw)
        _check_size(field, expr)
        _check_functions(field, expr)
        bad = sorted(str(v) for v in expr.free_symbols if str(v) not in lookup)
        if bad:
            step_t = [b for b in bad if b in vocab.lookup]
            if step_t:
                raise fail(CellDefinitionError, field,
                           f"{', '.join(step_t)} is not a previous-step quantity: a "
                           "substitution is written in previous states and previous gates "
                           f"only ({', '.join(k for k in lookup if k.endswith('_prev'))})")
            raise fail(CellDefinitionError, field,
                       f"unknown symbol(s) {', '.join(bad)}; the known names are "
                       f"{', '.join(k for k in lookup if k.endswith('_prev'))}")
        expr = expr.xreplace({v: lookup[str(v)] for v in expr.free_symbols})
        if prev_sym(key) in expr.free_symbols:
            raise fail(CellDefinitionError, field, f"{key}_prev is defined in terms of itself")
        want = _shift(cell, cell.definition(t_sym(key)))
        if want is None:
            raise fail(CellDefinitionError, field,
                       f"the update of {key} holds x, a parameter or a previous state, so "
                       f"{key}_prev cannot be written in step t-1 quantities; drop this "
                       "substitution or define the update through gates")
        if sympy.simplify(expr - want) != 0:
            raise fail(CellDefinitionError, field,
                       f"{key}_prev = {expr} is not {key}'s update one step back, "
                       f"{want}; write that")
        out.append((key, expr))
    subbed = {k for k, _ in out}
    for key, expr in out:
        uses = sorted(s.name for s in cell.states
                      if s.name in subbed and s.prev in expr.free_symbols)
        if uses:
            raise fail(CellDefinitionError, f"path.substitute.{key}",
                       f"uses {', '.join(u + '_prev' for u in uses)}, which is substituted "
                       "too; substitute one of them")
    return CellPath(cast(str, of), cast(str, wrt), tuple(out))


def _as_expr(field: str, raw: object) -> sympy.Expr:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return sympy.Rational(str(raw))
    if not isinstance(raw, sympy.Expr):
        raise fail(CellDefinitionError, field,
                   f"value={raw!r} is a {type(raw).__name__}, not a SymPy expression; build it "
                   "from sympy.Symbol (strings belong in TOML files: symrnn.custom.load_cell)")
    return raw


def check_cell(cell: Cell) -> Cell:
    """Re-validate an existing :class:`Cell` (the catalog's, or a hand-built one) by the
    rules of :func:`define_cell`; return it unchanged."""
    kinds = {p.name: {"bias": "vector"}.get(p.kind, p.kind) for p in cell.params}
    gates = {str(g)[:-2]: cell.definition(g) for g in cell.gates}
    updates = {s.name: cell.definition(s.new) for s in cell.states}
    define_cell(cell.name, states=cell.state_names, updates=updates, params=kinds, gates=gates,
                path=cell.path)
    return cell
