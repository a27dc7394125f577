"""State-range invariants as Coq theorems: *gru-h-bounded* by induction on t.

For each update of :data:`UPDATES` — GRU (11), single-gate GRU (12), PyTorch's GRU, and
eq (14)'s c_t and h_t = r_t c_t — the update is the function of ``Cells.v``; a step lemma
shows |state_{t-1}| ≤ 1 ⇒ |state_t| ≤ 1 for every parameter and input (the gates named and
bounded, then ``nra``), and induction on t over the unrolled sequence gives the invariant.
Eq (14)'s c-update also reads h_{t-1}; its sequence takes the previous outputs as an
arbitrary sequence, so the bound holds whatever they are.
"""

from __future__ import annotations

from ..cells import get_cell
from ..cells._base import prev_sym
from ._cells import cell_function, sequence
from ._model import CoqGroup, CoqTheorem, comment
from ._printer import coq_name

__all__ = ["invariants_group", "UPDATES"]

#: (cell, state, the previous state the induction runs on), as in check_gru_h_bounded.
UPDATES: tuple[tuple[str, str, str], ...] = (
    ("gru", "h", "h"), ("mgu", "h", "h"), ("gru_torch", "h", "h"),
    ("variant", "c", "c"), ("variant", "h", "c"),
)


def _step(cell_name: str, state: str, on: str) -> CoqTheorem:
    cell = get_cell(cell_name)
    f = cell_function(cell_name, f"{state}_t")
    ind = coq_name(prev_sym(on))
    args = " ".join(f.args)
    # an update that calls another state's update (eq 14's h_t = r_t c_t) uses its step lemma
    inner = [s for s, _ in cell.definitions
             if s not in cell.gates and str(s) != f"{state}_t"
             and cell_function(cell_name, str(s)).name in f.unfold]
    uses, sets = "", ""
    for k, s in enumerate(inner):
        g = cell_function(cell_name, str(s))
        uses += f"  pose proof ({g.name}_step {' '.join(g.args)} H) as Hv{k}.\n"
        uses += f"  apply Rabs_le_between in Hv{k}.\n"
        sets += f"  set (v{k} := {g.call()}) in *.\n"
    gates = [n for n in f.unfold[1:] if n not in {cell_function(cell_name, str(s)).name
                                                     for s in inner}]
    unfold_gates = f"  unfold {', '.join(gates)}.\n" if gates else ""
    note = f"one step: if |{ind}| <= 1 then |{state}_t| <= 1, for all weights, biases and inputs"
    return CoqTheorem(
        f"{f.name}_step", (), f"{cell_name}: |{ind}| <= 1 => |{state}_t| <= 1 (one step)",
        f"{comment(f'{cell.title}: {note}')}\n"
        f"Lemma {f.name}_step ({args} : R) :\n"
        f"  Rabs {ind} <= 1 -> Rabs ({f.name} {args}) <= 1.\n"
        "Proof.\n"
        f"  intros H.\n{uses}"
        f"  apply Rabs_le_between in H. unfold {f.name}. cbv zeta.\n"
        f"{sets}{unfold_gates}"
        "  gates_bounded. apply Rabs_le. split; nra.\n"
        "Qed.")


def _induction(cell_name: str, state: str) -> CoqTheorem:
    """For a single-state cell: the invariant over Cells.v's unrolled sequence."""
    cell = get_cell(cell_name)
    seq, params, _ = sequence(cell_name)
    f = cell_function(cell_name, f"{state}_t")
    p = " ".join(params)
    s0 = f"{state}_0"
    note = (f"gru-h-bounded ({cell.title}): if |{s0}| <= 1 then |{state}_t| <= 1 for every t, "
            "all weights and biases and every input sequence")
    return CoqTheorem(
        f"{cell_name}_{state}_bounded", ("gru-h-bounded/1d",), note,
        f"{comment(note)}\n"
        f"Theorem {cell_name}_{state}_bounded ({p} : R) (x : nat -> R) ({s0} : R) :\n"
        f"  Rabs {s0} <= 1 -> forall t : nat, Rabs ({seq} {p} x {s0} t) <= 1.\n"
        "Proof.\n"
        "  intros H0 t. induction t as [| n IH]; simpl.\n"
        f"  - exact H0.\n  - apply {f.name}_step. exact IH.\nQed.")


def _variant_c() -> tuple[str, CoqTheorem]:
    """Eq (14)'s c_t with the previous outputs an arbitrary sequence h."""
    cell = get_cell("variant")
    f = cell_function("variant", "c_t")
    params = f.args[:-3]
    if f.args[-3:] != ("x_t", "h_prev", "c_prev"):  # pragma: no cover - Cells.v's order
        raise RuntimeError(f"variant_c_t: unexpected arguments {f.args}")
    p = " ".join(params)
    fix = (f"{comment(f'{cell.title}: c_t = variant_c_t (x t) (h (t-1)) c_(t-1), whatever the previous outputs h are')}\n"
           f"Fixpoint variant_c_seq ({p} : R) (x h : nat -> R) (c_0 : R) (t : nat) : R :=\n"
           "  match t with\n  | O => c_0\n"
           f"  | S n => {f.name} {p} (x (S n)) (h n) (variant_c_seq {p} x h c_0 n)\n  end.")
    note = (f"gru-h-bounded ({cell.title}): if |c_0| <= 1 then |c_t| <= 1 for every t, all "
            "weights and biases, every input sequence and whatever the previous outputs h are")
    thm = CoqTheorem(
        "variant_c_bounded", ("gru-h-bounded/1d",), note,
        f"{comment(note)}\n"
        f"Theorem variant_c_bounded ({p} : R) (x h : nat -> R) (c_0 : R) :\n"
        f"  Rabs c_0 <= 1 -> forall t : nat, Rabs (variant_c_seq {p} x h c_0 t) <= 1.\n"
        "Proof.\n"
        "  intros H0 t. induction t as [| n IH]; simpl.\n"
        f"  - exact H0.\n  - apply {f.name}_step. exact IH.\nQed.")
    return fix, thm


def invariants_group() -> CoqGroup:
    """The step lemmas and induction theorems of :data:`UPDATES`."""
    thms: list[CoqTheorem] = []
    for cell_name, state, on in UPDATES:
        step = _step(cell_name, state, on)
        if cell_name == "variant" and state == "h":  # with variant_c_bounded: every t >= 1
            step = CoqTheorem(step.name, ("gru-h-bounded/1d",),
                              "variant: |c_prev| <= 1 => |h_t| <= 1 (with variant_c_bounded: "
                              "every t >= 1)", step.text)
        thms.append(step)
        if state == on and cell_name != "variant":
            thms.append(_induction(cell_name, state))
    fix, vthm = _variant_c()
    thms.insert([t.name for t in thms].index("variant_c_t_step") + 1, vthm)
    return CoqGroup("Invariants", "gru-h-bounded: the state ranges, by induction on t",
                    ("Cells",), fix, tuple(thms), interval=False)
