"""The cells as Coq functions, each defined once (``Cells.v``) and used by every other file.

Every gate and every new state of a cell becomes one ``Definition``, printed from the
cell's SymPy definitions: a gate that uses another gate (the GRU's ĥ_t uses r_t) calls its
function, a state update calls the gate functions (``let f_t := lstm_f_t ... in``). The
article's derivatives along a path (eq (8): h_{t-1} = o_{t-1} tanh c_{t-1}; eq (14):
h_{t-1} = r_{t-1} c_{t-1}) are functions that call the update with the substituted
argument, so no formula is printed twice. The unrolled cells are ``Fixpoint`` sequences:
``{cell}_h_seq params x h_0 t`` (h_t for inputs x_1, x_2, ...) and, for the LSTM,
``lstm_seq`` of pairs (h_t, c_t).

>>> f = cell_function("gru", "hhat_t")
>>> f.name, f.args
('gru_hhat_t', ('W_r', 'U_r', 'b_r', 'W_h', 'U_h', 'b_h', 'x_t', 'h_prev'))
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy

from ..cells import get_cell
from ..cells._base import Cell
from ._model import CoqGroup, comment
from ._printer import coq, coq_name

__all__ = ["CoqFunction", "cell_function", "path_function", "sequence", "cells_group",
           "CELLS", "SEQUENCES"]

#: The cells printed in Cells.v.
CELLS = ("rnn", "relu_rnn", "lstm", "gru", "mgu", "gru_torch", "variant")
#: Single-state cells whose unrolled sequence is printed ({cell}_h_seq); the LSTM gets lstm_seq.
SEQUENCES = ("rnn", "relu_rnn", "gru", "mgu", "gru_torch")


@dataclass(frozen=True)
class CoqFunction:
    """A Coq function of ``Cells.v``: its name, argument names, and the names a proof must
    unfold to reach ``sigma``/``tanh`` (itself first, then what it calls)."""

    name: str
    args: tuple[str, ...]
    definition: str
    unfold: tuple[str, ...]

    def call(self, **replace: str) -> str:
        """``name arg1 arg2 ...`` with some arguments replaced by Coq terms."""
        return " ".join([self.name] + [_paren(replace.get(a, a)) for a in self.args])


def _paren(term: str) -> str:
    return term if term.replace("_", "").isalnum() else f"({term})"


def _defined(cell: Cell) -> dict[sympy.Symbol, sympy.Expr]:
    return dict(cell.definitions)


def _uses(cell: Cell, symbol: sympy.Symbol) -> set[sympy.Symbol]:
    """The free symbols ``symbol``'s definition uses, through every definition it calls."""
    defs = _defined(cell)
    out: set[sympy.Symbol] = set()
    todo = [symbol]
    while todo:
        s = todo.pop()
        for f in defs[s].free_symbols:
            if f in defs:
                todo.append(f)
            else:
                out.add(f)
    return out


def _args(cell: Cell, symbol: sympy.Symbol) -> tuple[str, ...]:
    used = _uses(cell, symbol)
    params = [coq_name(p.symbol) for p in cell.params if p.symbol in used]
    rest = used - {p.symbol for p in cell.params} - {cell.x}
    own = {st.prev for st in cell.states if st.new == symbol}
    prevs = sorted(rest - own, key=str) + sorted(rest & own, key=str)
    return tuple(params + ["x_t"] + [coq_name(s) for s in prevs])


def _fname(cell: Cell, symbol: sympy.Symbol) -> str:
    return f"{cell.name}_{coq_name(symbol)}"


@lru_cache(maxsize=None)
def cell_function(cell_name: str, symbol: str) -> CoqFunction:
    """The function of a gate or new state (``"f_t"``, ``"c_t"``) of a catalog cell."""
    cell = get_cell(cell_name)
    sym = sympy.Symbol(symbol)
    defs = _defined(cell)
    expr = defs[sym]
    calls = [s for s, _ in cell.definitions if s in expr.free_symbols]
    lets = "".join(f"  let {coq_name(s)} := {cell_function(cell_name, str(s)).call()} in\n"
                   for s in calls)
    args = _args(cell, sym)
    called: set[str] = set()
    for s in calls:
        called |= set(cell_function(cell_name, str(s)).unfold)
    # callers before callees: the cell's definitions come callee first, so reverse them
    order = [_fname(cell, s) for s, _ in reversed(cell.definitions)]
    unfold = [_fname(cell, sym)] + [n for n in order if n in called]
    what = "gate" if sym in cell.gates else "update"
    text = (f"{comment(f'{cell.title}: the {what} {sym} = {expr}')}\n"
            f"Definition {_fname(cell, sym)} ({' '.join(args)} : R) : R :=\n"
            f"{lets}  {coq(expr)}.")
    return CoqFunction(_fname(cell, sym), args, text, tuple(unfold))


def path_function(cell_name: str, of: str, substitutions: dict[sympy.Symbol, sympy.Expr],
                  args: tuple[str, ...]) -> CoqFunction:
    """``of`` with previous values substituted (the article's path), arguments ``args``:
    a call of the cell function with the substituted arguments."""
    base = cell_function(cell_name, of)
    name = f"{base.name}_path"
    repl = {coq_name(k): coq(v) for k, v in substitutions.items()}
    how = ", ".join(f"{coq_name(k)} = {coq(v)}" for k, v in substitutions.items())
    text = (f"{comment(f'{get_cell(cell_name).title}: {of} along the path {how}')}\n"
            f"Definition {name} ({' '.join(args)} : R) : R :=\n  {base.call(**repl)}.")
    return CoqFunction(name, args, text, (name,) + base.unfold)


@lru_cache(maxsize=None)
def sequence(cell_name: str) -> tuple[str, tuple[str, ...], str]:
    """(Fixpoint name, parameter names, definition) of a single-state cell unrolled:
    h_0, then h_t = update(params, x_t, h_(t-1)) for t = 1, 2, ..."""
    cell = get_cell(cell_name)
    (st,) = cell.states
    f = cell_function(cell_name, str(st.new))
    params = f.args[:-2]
    if f.args[-2:] != ("x_t", coq_name(st.prev)):  # pragma: no cover - single-state cells
        raise RuntimeError(f"{cell_name}: unexpected arguments {f.args}")
    name = f"{cell_name}_{st.name}_seq"
    p = " ".join(params)
    s0 = f"{st.name}_0"
    text = (f"{comment(f'{cell.title} unrolled: {st.name}_0, then {st.name}_t = {f.name} (x t) {st.name}_(t-1) for t = 1, 2, ...')}\n"
            f"Fixpoint {name} ({p} : R) (x : nat -> R) ({s0} : R) (t : nat) : R :=\n"
            f"  match t with\n  | O => {s0}\n"
            f"  | S n => {f.name} {p} (x (S n)) ({name} {p} x {s0} n)\n  end.")
    return name, params, text


def lstm_sequence() -> tuple[str, tuple[str, ...], str]:
    """The LSTM unrolled: pairs (h_t, c_t) from (h_0, c_0)."""
    h, c = cell_function("lstm", "h_t"), cell_function("lstm", "c_t")
    params = h.args[:-3]
    if h.args[-3:] != ("x_t", "c_prev", "h_prev") or c.args[-3:] != ("x_t", "h_prev", "c_prev"):
        raise RuntimeError(f"lstm: unexpected arguments {h.args}, {c.args}")  # pragma: no cover
    p = " ".join(params)
    pc = " ".join(c.args[:-3])
    text = (f"{comment('LSTM (eq 7) unrolled: the pairs (h_t, c_t) from (h_0, c_0)')}\n"
            f"Fixpoint lstm_seq ({p} : R) (x : nat -> R) (h_0 c_0 : R) (t : nat) : R * R :=\n"
            "  match t with\n  | O => (h_0, c_0)\n"
            f"  | S n => let p := lstm_seq {p} x h_0 c_0 n in\n"
            f"           ({h.name} {p} (x (S n)) (snd p) (fst p),\n"
            f"            {c.name} {pc} (x (S n)) (fst p) (snd p))\n  end.\n\n"
            f"{comment('c_t of the unrolled LSTM')}\n"
            f"Definition lstm_c_seq ({p} : R) (x : nat -> R) (h_0 c_0 : R) (t : nat) : R :=\n"
            f"  snd (lstm_seq {p} x h_0 c_0 t).")
    return "lstm_seq", params, text


def _paths() -> list[CoqFunction]:
    """The article's path functions (eq 8's c-path and its gates, eq 14's c-path), with the
    arguments of the Jacobian theorems."""
    from ..derivation import article_derivative
    from ._jacobians import _arguments

    out: list[CoqFunction] = []
    for cell_name in ("lstm", "variant"):
        d = article_derivative(cell_name)
        if not d.substitutions:  # pragma: no cover - both are path derivatives
            continue
        cell = get_cell(cell_name)
        # eq (8) is assembled from (9), (10a), (10b): the LSTM's gates along the path too
        gates = [t.via for t in d.terms if cell_name == "lstm" and t.via in cell.gates]
        for of in dict.fromkeys([d.of] + gates):
            args = tuple(coq_name(a) for a in _arguments(d, of))
            out.append(path_function(cell_name, str(of), d.substitutions, args))
    return out


@lru_cache(maxsize=None)
def paths() -> dict[str, CoqFunction]:
    """Path function name -> function."""
    return {f.name: f for f in _paths()}


def cells_group() -> CoqGroup:
    """Cells.v: every gate and update of :data:`CELLS`, the path functions, the sequences."""
    defs: list[str] = []
    for name in CELLS:
        cell = get_cell(name)
        defs += [cell_function(name, str(s)).definition for s, _ in cell.definitions]
    defs += [f.definition for f in paths().values()]
    defs += [sequence(name)[2] for name in SEQUENCES]
    defs.append(lstm_sequence()[2])
    return CoqGroup("Cells", "the cells: every gate and update, the article's paths, the "
                    "unrolled sequences (definitions only)", (), "\n\n".join(defs), (),
                    interval=False)
