"""Equations (2) and (3) as ``is_derive`` statements on the unrolled cells (Unroll*.v).

For a single-state cell with update h_t = F(θ, x_t, h_{t-1}) (the functions of ``Cells.v``)
and the unrolled sequence h_t = ``{cell}_h_seq θ x h_0 t``:

* ``eq2_{cell}``: for every t, along any differentiable path s ↦ θ(s) of the parameters,
  the derivative of h_{t+1} is (∂F/∂h at h_t)·(dh_t/ds) + ∂F/∂s (h_t held fixed) — each
  of the three an ``is_derive`` fact, so each is the derivative (derivatives are unique).
  ``eq2_{cell}_{θ}`` is the parameter θ alone (its path s ↦ s, the others constant).
* ``eq3_{cell}``: the derivative of h_t is the unrolled sum
  Σ_{k=1}^{t} (∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}) ∂h_k/∂s (``sum_to``/``coef`` of Products.v),
  where ∂h_j/∂h_{j-1} and ∂h_k/∂s are the derivatives of the one-step map along the
  trajectory; with ``eq3_{cell}_{θ}`` per parameter.

The statements hold for every t, so in particular for the readings' rnn at T = 3 and mgu,
gru at T = 2. Proof: a chain lemma per cell (``auto_derive`` with σ and tanh kept as
functions, the parameters' paths and the previous state as unknown differentiable
functions), then induction on t.
"""

from __future__ import annotations

from ._cells import cell_function, sequence
from ._model import CoqGroup, CoqTheorem, comment
from ..cells import get_cell

__all__ = ["unroll_group", "UNROLL_CELLS"]

#: The cells of eq2/eq3's reading (rnn at T = 3, mgu and gru at T = 2).
UNROLL_CELLS = ("rnn", "mgu", "gru")


def _app(name: str, params: tuple[str, ...], at: str) -> str:
    return " ".join([name] + [f"({p} {at})" for p in params])


def unroll_group(cell_name: str) -> CoqGroup:
    """Unroll{Cell}.v: the chain lemma, eq2 and eq3 for ``cell_name``, per parameter too."""
    cell = get_cell(cell_name)
    seq, params, _ = sequence(cell_name)
    F = cell_function(cell_name, str(cell.states[0].new)).name
    P = " ".join(params)
    exd = " ".join(f"ex_derive {p} s ->" for p in params)
    Fs = _app(F, params, "s")
    Fs1 = _app(F, params, "s'")
    seq_s = _app(seq, params, "s")
    title = cell.title
    hyps = " ".join(f"H{k}" for k in range(len(params)))
    unfold = ", ".join(cell_function(cell_name, str(cell.states[0].new)).unfold)
    chain = CoqTheorem(f"{cell_name}_chain", (), f"{cell_name}: the chain rule for one step", (
        f"{comment(f'{title}: the chain rule for one step h = {F}(theta(s), x_t, g(s)): the partial derivatives in h and in s exist and the derivative of the composite is D_h g + D_s')}\n"
        f"Lemma {cell_name}_chain ({P} : R -> R) (x_t : R) (g : R -> R) (s D : R) :\n"
        f"  {exd} is_derive g s D ->\n"
        "  exists D_h D_s,\n"
        f"    is_derive ({Fs} x_t) (g s) D_h /\\\n"
        f"    is_derive (fun s' => {Fs1} x_t (g s)) s D_s /\\\n"
        f"    is_derive (fun s => {Fs} x_t (g s)) s (D_h * D + D_s).\n"
        "Proof.\n"
        f"  intros {hyps} HD. eexists. eexists. unfold {unfold}. cbv zeta.\n"
        "  split; [auto_derive; [chain_side | reflexivity] |].\n"
        "  split; [auto_derive; [chain_side | reflexivity] |].\n"
        "  auto_derive; [chain_side |].\n"
        "  replace (Derive (fun x : R => g x) s) with D\n"
        "    by (symmetry; apply is_derive_unique; exact HD).\n"
        "  ring.\n"
        "Qed."))
    derivable = CoqTheorem(f"{cell_name}_seq_derivable", (), f"{cell_name}: h_t is differentiable in s", (
        f"{comment(f'{title}: h_t is a differentiable function of s for every t')}\n"
        f"Lemma {cell_name}_seq_derivable ({P} : R -> R) (x : nat -> R) (h_0 s : R) :\n"
        f"  {exd} forall t, ex_derive (fun s => {seq_s} x h_0 t) s.\n"
        "Proof.\n"
        f"  intros {hyps} t. induction t as [| n [D HD]]; [simpl; apply ex_derive_const |].\n"
        f"  destruct ({cell_name}_chain {P} (x (S n)) _ s D {hyps} HD) as (D_h & D_s & _ & _ & H).\n"
        "  eexists. exact H.\n"
        "Qed."))
    eq2 = CoqTheorem(f"eq2_{cell_name}", ("eq2/1d",), f"{cell_name}: eq (2) for every t, along any parameter path", (
        f"{comment(f'eq2 ({title}): for every t, along any differentiable path s |-> ({P}) of the parameters: the derivative of h_(t+1) is D_h * D_prev + D_s, where D_prev is the derivative of h_t, D_h that of the one-step map in h at h_t, D_s that of the one-step map in s with h_t held fixed (the eq2_{cell_name}_<theta> corollaries: theta alone)')}\n"
        f"Theorem eq2_{cell_name} ({P} : R -> R) (x : nat -> R) (h_0 s : R) :\n"
        f"  {exd} forall t : nat,\n"
        "  exists D_prev D_h D_s,\n"
        f"    is_derive (fun s => {seq_s} x h_0 t) s D_prev /\\\n"
        f"    is_derive ({Fs} (x (S t))) ({seq_s} x h_0 t) D_h /\\\n"
        f"    is_derive (fun s' => {Fs1} (x (S t)) ({seq_s} x h_0 t)) s D_s /\\\n"
        f"    is_derive (fun s => {seq_s} x h_0 (S t)) s (D_h * D_prev + D_s).\n"
        "Proof.\n"
        f"  intros {hyps} t.\n"
        f"  destruct ({cell_name}_seq_derivable {P} x h_0 s {hyps} t) as [D HD].\n"
        f"  destruct ({cell_name}_chain {P} (x (S t)) _ s D {hyps} HD) as (D_h & D_s & Hh & Hs & H).\n"
        "  exists D, D_h, D_s. exact (conj HD (conj Hh (conj Hs H))).\n"
        "Qed."))
    eq3 = CoqTheorem(f"eq3_{cell_name}", ("eq3/1d",), f"{cell_name}: eq (3), the unrolled sum, for every t", (
        f"{comment(f'eq3 ({title}): along any differentiable parameter path, the derivative of h_t is the unrolled sum over k = 1..t of (prod over j = k+1..t of dh_j/dh_(j-1)) times dh_k/ds, where dh_j/dh_(j-1) is the derivative of the one-step map in h at h_(j-1) and dh_k/ds that of the one-step map in s at h_(k-1) (both exist: the first two conjuncts). The coefficient of dh_1/ds is the product of the t-1 factors dh_t/dh_(t-1) ... dh_2/dh_1; the printed (3) also carries a factor dh_(t-2)/dh_(t-2), which is 1')}\n"
        f"Theorem eq3_{cell_name} ({P} : R -> R) (x : nat -> R) (h_0 s : R) :\n"
        f"  {exd}\n"
        f"  let h k := {seq_s} x h_0 k in\n"
        f"  let dh_dprev j := Derive ({Fs} (x j)) (h (pred j)) in\n"
        f"  let dh_ds k := Derive (fun s' => {Fs1} (x k) (h (pred k))) s in\n"
        f"  (forall j, is_derive ({Fs} (x j)) (h (pred j)) (dh_dprev j)) /\\\n"
        f"  (forall k, is_derive (fun s' => {Fs1} (x k) (h (pred k))) s (dh_ds k)) /\\\n"
        f"  forall t, is_derive (fun s => {seq_s} x h_0 t) s\n"
        "              (sum_to (fun k => coef dh_dprev k t * dh_ds k) t).\n"
        "Proof.\n"
        f"  intros {hyps} h dh_dprev dh_ds.\n"
        f"  assert (Hj : forall j, is_derive ({Fs} (x j)) (h (pred j)) (dh_dprev j)\n"
        f"                  /\\ is_derive (fun s' => {Fs1} (x j) (h (pred j))) s (dh_ds j)).\n"
        f"  {{ intros j. destruct ({cell_name}_seq_derivable {P} x h_0 s {hyps} (pred j)) as [D HD].\n"
        f"    destruct ({cell_name}_chain {P} (x j) _ s D {hyps} HD) as (D_h & D_s & Hh & Hs & _).\n"
        "    split; apply Derive_correct; [exists D_h; exact Hh | exists D_s; exact Hs]. }\n"
        "  split; [intros j; exact (proj1 (Hj j)) |]. split; [intros k; exact (proj2 (Hj k)) |].\n"
        "  intros t. induction t as [| n IH]; [simpl; auto_derive; [exact I | reflexivity] |].\n"
        "  rewrite series_step.\n"
        f"  destruct ({cell_name}_chain {P} (x (S n)) _ s _ {hyps} IH) as (D_h & D_s & Hh & Hs & H).\n"
        "  replace (dh_dprev (S n)) with D_h by (symmetry; exact (is_derive_unique _ _ _ Hh)).\n"
        "  replace (dh_ds (S n)) with D_s by (symmetry; exact (is_derive_unique _ _ _ Hs)).\n"
        "  exact H.\n"
        "Qed."))
    thms = [chain, derivable, eq2]
    thms += [_corollary("eq2", cell_name, params, k, seq, F) for k in range(len(params))]
    thms.append(eq3)
    thms += [_corollary("eq3", cell_name, params, k, seq, F) for k in range(len(params))]
    stem = "Unroll" + "".join(w.capitalize() for w in cell_name.split("_"))
    return CoqGroup(stem, f"eq (2) and eq (3) on the unrolled {title}", ("Cells", "Products"),
                    "", tuple(thms), interval=False)


def _corollary(eq: str, cell_name: str, params: tuple[str, ...], k: int, seq: str,
               F: str) -> CoqTheorem:
    """``eq{2,3}_{cell}_{θ}``: the parameter θ = params[k] alone (path s ↦ s)."""
    theta = params[k]
    P = " ".join(params)
    paths = " ".join("(fun s => s)" if j == k else f"(fun _ => {p})" for j, p in enumerate(params))
    proofs = " ".join("(ex_derive_id _)" if j == k else "(ex_derive_const _ _)"
                      for j in range(len(params)))
    prime = [f"{p}'" if j == k else p for j, p in enumerate(params)]
    seqc = f"{seq} {P}"
    if eq == "eq2":
        stmt = (f"  exists D_prev D_h D_{theta},\n"
                f"    is_derive (fun {theta} => {seqc} x h_0 t) {theta} D_prev /\\\n"
                f"    is_derive ({F} {P} (x (S t))) ({seqc} x h_0 t) D_h /\\\n"
                f"    is_derive (fun {theta}' => {F} {' '.join(prime)} (x (S t)) ({seqc} x h_0 t)) {theta} D_{theta} /\\\n"
                f"    is_derive (fun {theta} => {seqc} x h_0 (S t)) {theta} (D_h * D_prev + D_{theta}).")
        binders = f"({P} : R) (x : nat -> R) (h_0 : R) (t : nat)"
        proof = f"  exact (eq2_{cell_name} {paths} x h_0 {theta}\n           {proofs} t)."
        note = f"eq2 for the parameter {theta} alone"
    else:
        stmt = (f"  let h k := {seqc} x h_0 k in\n"
                f"  let dh_dprev j := Derive ({F} {P} (x j)) (h (pred j)) in\n"
                f"  let dh_d{theta} k := Derive (fun {theta}' => {F} {' '.join(prime)} (x k) (h (pred k))) {theta} in\n"
                f"  (forall j, is_derive ({F} {P} (x j)) (h (pred j)) (dh_dprev j)) /\\\n"
                f"  (forall k, is_derive (fun {theta}' => {F} {' '.join(prime)} (x k) (h (pred k))) {theta} (dh_d{theta} k)) /\\\n"
                f"  forall t, is_derive (fun {theta} => {seqc} x h_0 t) {theta}\n"
                f"              (sum_to (fun k => coef dh_dprev k t * dh_d{theta} k) t).")
        binders = f"({P} : R) (x : nat -> R) (h_0 : R)"
        proof = f"  exact (eq3_{cell_name} {paths} x h_0 {theta}\n           {proofs})."
        note = f"eq3 for the parameter {theta} alone: dh_t/d{theta} is the unrolled sum"
    name = f"{eq}_{cell_name}_{theta}"
    return CoqTheorem(name, (f"{eq}/1d",), f"{cell_name}: {note}",
                      f"{comment(f'{note} ({get_cell(cell_name).title})')}\n"
                      f"Corollary {name} {binders} :\n{stmt}\nProof.\n{proof}\nQed.")
