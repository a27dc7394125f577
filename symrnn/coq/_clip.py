"""Clipping U into [-1, 1], on the derivatives of the unrolled RNN (Clip.v), and the
meaning of vanishing.

The coefficients of eq (3) are the products of the derivatives dh_j/dh_(j-1) of the
unrolled cell (``eq3_rnn_*`` of UnrollRnn.v). ``clip_rnn``/``clip_relu_rnn``: |U| <= 1
bounds every coefficient by 1 (relu where its pre-activations are nonzero);
``relu_clip_vanishing``: relu with U = 1/2 and positive pre-activations has coefficients
exactly (1/2)^(t-k); ``clip_not_bounded_in_t``: the reading "bounded uniformly in t" is
refuted (U = 1 gives dh_t/db = t); ``vanish_nonzero_total``: a gradient whose distant terms
vanish while its total tends to 2.
"""

from __future__ import annotations

from ._model import CoqGroup
from ._source import group_from_text

__all__ = ["clip_group", "CLIP_V"]

#: The Coq text of Clip.v (after the imports).
CLIP_V = r"""(* simple RNN (tanh): the derivative of the one-step map in b is 1 - h_t^2 *)
Lemma rnn_h_t_db (W U b x_t h_prev : R) :
  is_derive (fun b => rnn_h_t W U b x_t h_prev) b (1 - tanh (b + U*h_prev + W*x_t) ^ 2).
Proof. unfold rnn_h_t. derive_ring. Qed.

Lemma coef_const_from1 (a : nat -> R) (c : R) : (forall j, (1 <= j)%nat -> a j = c) ->
  forall k t, (k <= t)%nat -> coef a k t = c ^ (t - k).
Proof.
  intros Ha k t Hkt. induction t as [| n IH].
  - replace k with O by lia. reflexivity.
  - destruct (Nat.eq_dec k (S n)) as [-> | Hne].
    + rewrite coef_le by lia. rewrite Nat.sub_diag. reflexivity.
    + rewrite coef_step by lia. rewrite IH by lia. rewrite Ha by lia.
      replace (S n - k)%nat with (S (n - k)) by lia. reflexivity.
Qed.

(* clip-prevents-explosion (simple RNN, tanh): if |U| <= 1, every coefficient of eq (3) for the
   unrolled RNN (eq3_rnn_W, eq3_rnn_U, eq3_rnn_b: the product over j = k+1..t of the derivatives
   dh_j/dh_(j-1) along the trajectory) has modulus <= 1, for every t, k, W, b, input and h_0 *)
Theorem clip_rnn (W U b : R) (x : nat -> R) (h_0 : R) : Rabs U <= 1 ->
  let dh_dprev j := Derive (rnn_h_t W U b (x j)) (rnn_h_seq W U b x h_0 (pred j)) in
  forall k t, Rabs (coef dh_dprev k t) <= 1.
Proof.
  intros HU dh_dprev k t.
  assert (Hj : forall j, Rabs (dh_dprev j) <= 1).
  { intros j. unfold dh_dprev. rewrite (is_derive_unique _ _ _ (rnn_h_t_factor W U b (x j) _)).
    apply Rle_trans with (Rabs U); [apply Rabs_factor_le, sech2_abs_le_1 | exact HU]. }
  eapply Rle_trans; [apply (coef_abs_le dh_dprev 1); [lra | exact Hj] |]. rewrite pow1. lra.
Qed.

Lemma sum_to_abs (f : nat -> R) (n : nat) : Rabs (sum_to f n) <= sum_to (fun k => Rabs (f k)) n.
Proof.
  induction n as [| n IH]; cbn [sum_to]; [rewrite Rabs_R0; lra |].
  eapply Rle_trans; [apply Rabs_triang | lra].
Qed.

(* clip-prevents-explosion (simple RNN, tanh), the gradient: if |U| <= 1 along a parameter path,
   |dh_t/ds| <= sum over k = 1..t of |dh_k/ds| (eq (3) with every coefficient of modulus <= 1) *)
Theorem clip_rnn_gradient (W U b : R -> R) (x : nat -> R) (h_0 s : R) :
  ex_derive W s -> ex_derive U s -> ex_derive b s -> Rabs (U s) <= 1 ->
  let h k := rnn_h_seq (W s) (U s) (b s) x h_0 k in
  let dh_ds k := Derive (fun s' => rnn_h_t (W s') (U s') (b s') (x k) (h (pred k))) s in
  forall t D, is_derive (fun s => rnn_h_seq (W s) (U s) (b s) x h_0 t) s D ->
  Rabs D <= sum_to (fun k => Rabs (dh_ds k)) t.
Proof.
  intros H1 H2 H3 HU h dh_ds t D HD.
  destruct (eq3_rnn W U b x h_0 s H1 H2 H3) as (_ & _ & H).
  rewrite (is_derive_eq _ _ _ _ HD (H t)).
  eapply Rle_trans; [apply sum_to_abs |]. apply sum_to_le. intros k _.
  rewrite Rabs_mult. apply Rle_trans with (1 * Rabs (dh_ds k)); [| lra].
  apply Rmult_le_compat_r; [apply Rabs_pos |].
  apply (clip_rnn (W s) (U s) (b s) x h_0 HU).
Qed.

(* clip-prevents-explosion (simple RNN, relu): the same where every pre-activation along the
   trajectory is nonzero (relu is differentiable there): each factor is relu'(z_j) U *)
Theorem clip_relu_rnn (W U b : R) (x : nat -> R) (h_0 : R) : Rabs U <= 1 ->
  (forall j, (1 <= j)%nat -> b + U * relu_rnn_h_seq W U b x h_0 (pred j) + W * x j <> 0) ->
  let dh_dprev j := Derive (relu_rnn_h_t W U b (x j)) (relu_rnn_h_seq W U b x h_0 (pred j)) in
  forall k t, Rabs (coef dh_dprev k t) <= 1.
Proof.
  intros HU Hz dh_dprev k t.
  assert (Hj : forall j, (1 <= j)%nat -> Rabs (dh_dprev j) <= 1).
  { intros j Hj. unfold dh_dprev. rewrite (is_derive_unique _ _ _ (relu_rnn_h_t_factor W U b (x j) _ (Hz j Hj))).
    apply Rle_trans with (Rabs U); [apply Rabs_factor_le, relu_prime_abs_le_1 | exact HU]. }
  eapply Rle_trans; [apply (coef_abs_le_from1 dh_dprev 1); [lra | exact Hj] |]. rewrite pow1. lra.
Qed.

(* clip-prevents-explosion, vanishing not fixed: relu with U = 1/2 (clipped) and positive
   pre-activations along the trajectory: every coefficient of eq (3) is exactly (1/2)^(t-k) *)
Theorem relu_clip_vanishing (W b : R) (x : nat -> R) (h_0 : R) :
  (forall j, (1 <= j)%nat -> 0 < b + 1/2 * relu_rnn_h_seq W (1/2) b x h_0 (pred j) + W * x j) ->
  let dh_dprev j := Derive (relu_rnn_h_t W (1/2) b (x j)) (relu_rnn_h_seq W (1/2) b x h_0 (pred j)) in
  forall k t, (k <= t)%nat -> coef dh_dprev k t = (1/2) ^ (t - k).
Proof.
  intros Hz dh_dprev. apply coef_const_from1. intros j Hj. unfold dh_dprev.
  rewrite (is_derive_unique _ _ _ (relu_rnn_h_t_factor W (1/2) b (x j) _ (Rgt_not_eq _ _ (Hz j Hj)))).
  unfold relu_prime. destruct (Rlt_dec 0 _) as [_ | H]; [ring |]. exfalso. apply H, Hz, Hj.
Qed.

(* the tanh RNN with W = 0, b = 0 from h_0 = 0 stays at 0, whatever the inputs *)
Lemma rnn_seq_zero (U : R) (x : nat -> R) (t : nat) : rnn_h_seq 0 U 0 x 0 t = 0.
Proof.
  induction t as [| n IH]; [reflexivity |]. simpl. rewrite IH. unfold rnn_h_t.
  replace (0 + U * 0 + 0 * x (S n)) with 0 by ring. apply tanh_0.
Qed.

(* along that trajectory, dh_t/db satisfies D_(t+1) = U D_t + 1 (eq2_rnn_b) *)
Lemma rnn_db_step (U : R) (x : nat -> R) (t : nat) (D : R) :
  is_derive (fun b => rnn_h_seq 0 U b x 0 t) 0 D ->
  is_derive (fun b => rnn_h_seq 0 U b x 0 (S t)) 0 (U * D + 1).
Proof.
  intros HD. destruct (eq2_rnn_b 0 U 0 x 0 t) as (D_prev & D_h & D_b & Hp & Hh & Hb & H).
  rewrite (is_derive_eq _ _ _ _ Hp HD) in H.
  rewrite rnn_seq_zero in Hh, Hb.
  rewrite (is_derive_eq _ _ _ _ Hh (rnn_h_t_factor 0 U 0 (x (S t)) 0)) in H.
  rewrite (is_derive_eq _ _ _ _ Hb (rnn_h_t_db 0 U 0 (x (S t)) 0)) in H.
  replace (0 + U * 0 + 0 * x (S t)) with 0 in H by ring. rewrite tanh_0 in H.
  replace ((1 - 0 ^ 2) * U * D + (1 - 0 ^ 2)) with (U * D + 1) in H by ring. exact H.
Qed.

(* clip-prevents-explosion, bounded in t: refuted. Clipping |U| <= 1 does not keep the gradient
   bounded as t -> infinity for fixed weights and bounded inputs: the tanh RNN with W = 0, U = 1,
   b = 0, h_0 = 0 and inputs x_t = 0 has dh_t/db = t *)
Theorem clip_not_bounded_in_t :
  ~ (forall (W U b : R) (x : nat -> R) (h_0 X : R), Rabs U <= 1 -> (forall t, Rabs (x t) <= X) ->
       exists M, forall t D, is_derive (fun b => rnn_h_seq W U b x h_0 t) b D -> Rabs D <= M).
Proof.
  intros H.
  destruct (H 0 1 0 (fun _ => 0) 0 0 ltac:(rewrite Rabs_R1; lra) ltac:(intros; cbv beta; rewrite Rabs_R0; lra))
    as [M HM].
  assert (Ht : forall t, is_derive (fun b => rnn_h_seq 0 1 b (fun _ => 0) 0 t) 0 (INR t)).
  { induction t as [| n IH]; [simpl; auto_derive; [exact I | reflexivity] |].
    rewrite S_INR. replace (INR n + 1) with (1 * INR n + 1) by ring. apply rnn_db_step, IH. }
  destruct (proj2 (is_lim_seq_spec _ _) is_lim_seq_INR M) as [N HN].
  specialize (HN N (Nat.le_refl N)). specialize (HM N _ (Ht N)).
  pose proof (Rle_abs (INR N)). lra.
Qed.

(* vanish-meaning, nonzero total: the tanh RNN with W = 0, U = 1/2, b = 0, h_0 = 0 (so h_t = 0),
   whatever the inputs, has dh_t/db = 2 - 2 (1/2)^t -> 2 (the total gradient does not vanish),
   while the term of eq (3) from d steps back is (1/2)^d *)
Theorem vanish_nonzero_total (x : nat -> R) :
  let h k := rnn_h_seq 0 (1/2) 0 x 0 k in
  let dh_dprev j := Derive (rnn_h_t 0 (1/2) 0 (x j)) (h (pred j)) in
  let dh_db k := Derive (fun b => rnn_h_t 0 (1/2) b (x k) (h (pred k))) 0 in
  (forall t, is_derive (fun b => rnn_h_seq 0 (1/2) b x 0 t) 0 (2 - 2 * (1/2) ^ t)) /\
  is_lim_seq (fun t => 2 - 2 * (1/2) ^ t) 2 /\
  (forall t d, (d < t)%nat -> coef dh_dprev (t - d)%nat t * dh_db (t - d)%nat = (1/2) ^ d).
Proof.
  intros h dh_dprev dh_db. split; [| split].
  - intros t. induction t as [| n IH]; [simpl; auto_derive; [exact I | ring] |].
    replace (2 - 2 * (1/2) ^ S n) with (1/2 * (2 - 2 * (1/2) ^ n) + 1) by (simpl; field).
    apply rnn_db_step, IH.
  - replace (Finite 2) with (Finite (2 - 2 * 0)) by (f_equal; ring).
    apply is_lim_seq_minus'; [apply is_lim_seq_const |].
    apply (is_lim_seq_scal_l _ 2 0). apply is_lim_seq_geom. rewrite Rabs_pos_eq; lra.
  - intros t d Hd.
    assert (Hh : forall k, h k = 0) by (intros k; apply rnn_seq_zero).
    rewrite (coef_const_from1 dh_dprev (1/2)).
    + replace (t - (t - d))%nat with d by lia. unfold dh_db. rewrite Hh.
      assert (E : Derive (fun b : R => rnn_h_t 0 (1/2) b (x (t - d)%nat) 0) 0
                  = 1 - tanh (0 + 1/2 * 0 + 0 * x (t - d)%nat) ^ 2)
        by (apply is_derive_unique, rnn_h_t_db).
      rewrite E. replace (0 + 1/2 * 0 + 0 * x (t - d)%nat) with 0 by ring. rewrite tanh_0. ring.
    + intros j _. unfold dh_dprev. rewrite Hh.
      rewrite (is_derive_unique _ _ _ (rnn_h_t_factor 0 (1/2) 0 (x j) 0)).
      replace (0 + 1/2 * 0 + 0 * x j) with 0 by ring. rewrite tanh_0. ring.
    + lia.
Qed.
"""

READINGS: dict[str, tuple[str, ...]] = {
    "clip_rnn": ('clip-prevents-explosion/1d',),
    "clip_rnn_gradient": ('clip-prevents-explosion/1d',),
    "clip_relu_rnn": ('clip-prevents-explosion/1d',),
    "relu_clip_vanishing": ('clip-prevents-explosion/vanishing-not-fixed',),
    "clip_not_bounded_in_t": ('clip-prevents-explosion/bounded-in-t',),
    "vanish_nonzero_total": ('vanish-meaning/nonzero-total',),
}


def clip_group() -> CoqGroup:
    """Clip.v: clipping U into [-1, 1] on the derivatives of the unrolled RNN, and the meaning of vanishing."""
    return group_from_text("Clip", "clipping U into [-1, 1] on the derivatives of the unrolled RNN, and the meaning of vanishing", ('Cells', 'Products', 'InU', 'UnrollRnn'), CLIP_V, READINGS,
                           interval=False)
