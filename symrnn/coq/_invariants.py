"""State-range invariants as Coq theorems: *gru-h-bounded* by induction on t.

For each update of :data:`symrnn.bounds.invariants.STATEMENTS` ["gru-h-bounded"] — GRU (11),
single-gate GRU (12), PyTorch's GRU, and eq (14)'s c_t and h_t = r_t c_t — the update is
printed from the cell's definitions (:func:`~symrnn.bounds.invariants.state_update`), a
step lemma shows |state_{t-1}| ≤ 1 ⇒ |state_t| ≤ 1 for every parameter and input (the
gates named and bounded, then ``nra``), and a ``Fixpoint`` unrolls the recurrence so that
induction on t gives the invariant. Other previous states (eq (14)'s h_{t-1}) are an
arbitrary sequence: the bound holds whatever they are.
"""

from __future__ import annotations

import sympy

from ..bounds.invariants import state_update
from ..cells import get_cell
from ..cells._base import prev_sym
from ._model import CoqGroup, CoqTheorem, comment
from ._printer import coq, coq_name

__all__ = ["invariants_group", "UPDATES"]

#: (cell, state, the previous state the induction runs on), as in check_gru_h_bounded.
UPDATES: tuple[tuple[str, str, str], ...] = (
    ("gru", "h", "h"), ("mgu", "h", "h"), ("gru_torch", "h", "h"),
    ("variant", "c", "c"), ("variant", "h", "c"),
)


def _pieces(cell_name: str, state: str, on: str):
    cell = get_cell(cell_name)
    defs = dict(cell.definitions)
    # a state defined through another new state (eq 14's h_t = r_t c_t) keeps it by name
    new_states = {st.new for st in cell.states} - {sympy.Symbol(f"{state}_t")}
    upd = defs[sympy.Symbol(f"{state}_t")]
    if not upd.free_symbols & new_states:
        upd = state_update(cell, state)
    gates = [(s, e) for s, e in cell.definitions if s in cell.gates]
    needed: list[tuple[sympy.Symbol, sympy.Expr]] = []
    frontier = set(upd.free_symbols)
    for s, e in reversed(gates):  # a gate may use an earlier gate (GRU's r_t in hhat_t)
        if s in frontier:
            needed.insert(0, (s, e))
            frontier |= e.free_symbols
    inner = [s for s in upd.free_symbols if s in new_states]
    inner_free = set().union(*(state_update(cell, str(s)[:-2]).free_symbols for s in inner),
                             *(e.free_symbols for g, e in gates))  if inner else set()
    free = (set().union(upd.free_symbols, inner_free, *(e.free_symbols for _, e in needed))
            - set(defs))
    params = [p.symbol for p in cell.params if p.symbol in free]
    ind = prev_sym(on)
    others = sorted(free - set(params) - {ind, sympy.Symbol("x_t")}, key=str)
    return cell, upd, needed, params, others, ind, inner


def _group_for(cell_name: str, state: str, on: str) -> tuple[str, list[CoqTheorem]]:
    cell, upd, needed, params, others, ind, inner = _pieces(cell_name, state, on)
    fun = f"{cell_name}_{state}_t"
    p = " ".join(map(coq_name, params))
    o = " ".join(map(coq_name, others))
    args = " ".join(filter(None, [p, "x_t", o, coq_name(ind)]))
    # the inner state's function takes the same arguments less unused parameters
    inner_calls = {s: _call(cell_name, str(s)[:-2], params, others, ind) for s in inner}
    lets = "".join(f"  let {coq_name(s)} := {inner_calls[s]} in\n" for s in inner)
    lets += "".join(f"  let {coq_name(s)} := {coq(e)} in\n" for s, e in needed)
    uses = "".join(f"  pose proof ({c.replace(' ', '_step ', 1)} H) as H{coq_name(s)}.\n"
                   for s, c in inner_calls.items())
    definition = (f"{comment(f'{cell.title}: {state}_t = {upd}, the gates written out')}\n"
                  f"Definition {fun} ({args} : R) : R :=\n{lets}  {coq(upd)}.")
    step = CoqTheorem(
        f"{fun}_step", (), f"{cell_name}: |{ind}| <= 1 => |{state}_t| <= 1 (one step)",
        f"{comment(f'one step: if |{ind}| <= 1 then |{state}_t| <= 1, for all weights, biases and inputs')}\n"
        f"Lemma {fun}_step ({args} : R) :\n"
        f"  Rabs {coq_name(ind)} <= 1 -> Rabs ({fun} {args}) <= 1.\n"
        "Proof.\n"
        f"  intros H.\n{uses}"
        + "".join(f"  apply Rabs_le_between in H{coq_name(s)}.\n" for s in inner) +
        f"  apply Rabs_le_between in H. unfold {fun}. cbv zeta.\n"
        + "".join(f"  set (v{k} := {c}) in *.\n" for k, c in enumerate(inner_calls.values())) +
        "  gates_bounded. apply Rabs_le. split; nra.\n"
        "Qed.")
    thms = [step]
    if state == on:
        seqs = " ".join(f"({coq_name(s).replace('_prev', '')} : nat -> R)" for s in others)
        seq_args = " ".join(filter(None, [p, "x", " ".join(coq_name(s).replace("_prev", "")
                                                              for s in others)]))
        first = coq_name(ind).replace("_prev", "_0")
        call_others = " ".join(f"({coq_name(s).replace('_prev', '')} n)" for s in others)
        fix = (f"Fixpoint {cell_name}_{state}_seq ({p} : R) (x : nat -> R) {seqs} ({first} : R)"
               f" (t : nat) : R :=\n"
               "  match t with\n"
               f"  | O => {first}\n"
               f"  | S n => {fun} {' '.join(filter(None, [p, '(x (S n))', call_others]))} "
               f"({cell_name}_{state}_seq {seq_args} {first} n)\n"
               "  end.")
        note = (f"gru-h-bounded ({cell.title}): if |{state}_0| <= 1 then |{state}_t| <= 1 for "
                "every t, all weights and biases and every input sequence"
                + (", whatever the previous outputs " + ", ".join(map(str, others))
                   if others else ""))
        thms.append(CoqTheorem(
            f"{cell_name}_{state}_bounded", ("gru-h-bounded",), note,
            f"{comment(f'{cell.title}: the state sequence, {state}_t = {fun}(x_t, {state}_(t-1))')}\n"
            f"{fix}\n\n{comment(note)}\n"
            f"Theorem {cell_name}_{state}_bounded ({p} : R) (x : nat -> R) {seqs} ({first} : R) :\n"
            f"  Rabs {first} <= 1 -> forall t : nat, "
            f"Rabs ({cell_name}_{state}_seq {seq_args} {first} t) <= 1.\n"
            "Proof.\n"
            "  intros H0 t. induction t as [| n IH]; simpl.\n"
            f"  - exact H0.\n  - apply {fun}_step. exact IH.\nQed."))
    else:
        thms[0] = CoqTheorem(thms[0].name, ("gru-h-bounded",),
                             f"{cell_name}: |{ind}| <= 1 => |{state}_t| <= 1 (with "
                             f"{cell_name}_{on}_bounded: every t >= 1)", thms[0].text)
    return definition, thms


def _call(cell_name: str, state: str, params: list, others: list, ind: sympy.Symbol) -> str:
    _, _, _, p_in, o_in, _, _ = _pieces(cell_name, state, state)
    args = [coq_name(s) for s in p_in] + ["x_t"] + [coq_name(s) for s in o_in] + [coq_name(ind)]
    return f"{cell_name}_{state}_t " + " ".join(args)


def invariants_group() -> CoqGroup:
    """The update functions, step lemmas and induction theorems of :data:`UPDATES`."""
    defs, thms = [], []
    for cell_name, state, on in UPDATES:
        d, t = _group_for(cell_name, state, on)
        defs.append(d)
        thms += t
    return CoqGroup("Invariants", "gru-h-bounded: the state ranges, by induction on t", (),
                    "\n\n".join(defs), tuple(thms))
