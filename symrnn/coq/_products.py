"""Products of per-step factors: eq (3)'s coefficients, vanish-explode and the tail share.

``coef a k t`` is prod_{j=k+1}^{t} a_j, the coefficient of step k's term in eq (3);
``sum_to f n`` is f_1 + ... + f_n. ``series_step`` shows eq (3)'s sum obeys eq (2)'s
recursion (used by the Unroll files). The theorems are stated for any sequence of factors
(the Unroll files show the factors of eq (3) are the derivatives dh_j/dh_(j-1)).
"""

from __future__ import annotations

from ._model import CoqGroup
from ._source import group_from_text

__all__ = ["products_group", "PRODUCTS_V"]

#: The Coq text of Products.v (after the imports).
PRODUCTS_V = r"""(* the coefficient prod_{j=k+1}^{t} a_j of eq (3) (1 when t <= k) *)
Fixpoint coef (a : nat -> R) (k t : nat) : R :=
  match t with
  | O => 1
  | S n => if Nat.leb (S n) k then 1 else a (S n) * coef a k n
  end.

(* sum_{k=1}^{n} f_k *)
Fixpoint sum_to (f : nat -> R) (n : nat) : R :=
  match n with O => 0 | S m => sum_to f m + f (S m) end.

Lemma coef_le (a : nat -> R) (k t : nat) : (t <= k)%nat -> coef a k t = 1.
Proof.
  destruct t as [| n]; intros H; [reflexivity |]. cbn [coef].
  replace (Nat.leb (S n) k) with true by (symmetry; apply Nat.leb_le; lia). reflexivity.
Qed.

Lemma coef_step (a : nat -> R) (k t : nat) : (k <= t)%nat -> coef a k (S t) = a (S t) * coef a k t.
Proof.
  intros H. cbn [coef]. replace (Nat.leb (S t) k) with false by (symmetry; apply Nat.leb_gt; lia).
  reflexivity.
Qed.

Lemma sum_to_ext (f g : nat -> R) (n : nat) :
  (forall k, (1 <= k <= n)%nat -> f k = g k) -> sum_to f n = sum_to g n.
Proof.
  induction n as [| n IH]; intros H; simpl; [reflexivity |].
  rewrite IH by (intros; apply H; lia). rewrite (H (S n)) by lia. reflexivity.
Qed.

Lemma sum_to_scal (c : R) (f : nat -> R) (n : nat) :
  sum_to (fun k => c * f k) n = c * sum_to f n.
Proof. induction n as [| n IH]; simpl; [ring | rewrite IH; ring]. Qed.

(* eq (3)'s sum satisfies eq (2)'s recursion *)
Lemma series_step (a p : nat -> R) (t : nat) :
  sum_to (fun k => coef a k (S t) * p k) (S t)
  = a (S t) * sum_to (fun k => coef a k t * p k) t + p (S t).
Proof.
  cbn [sum_to]. rewrite (coef_le a (S t) (S t)) by lia.
  rewrite (sum_to_ext _ (fun k => a (S t) * (coef a k t * p k))).
  - rewrite sum_to_scal. ring.
  - intros k Hk. rewrite coef_step by lia. ring.
Qed.

Lemma coef_abs_le_from1 (a : nat -> R) (q : R) : 0 <= q -> (forall j, (1 <= j)%nat -> Rabs (a j) <= q) ->
  forall k t, Rabs (coef a k t) <= q ^ (t - k).
Proof.
  intros Hq Ha k t. induction t as [| n IH].
  - simpl. rewrite Rabs_R1. lra.
  - destruct (Nat.leb_spec (S n) k) as [Hk | Hk].
    + rewrite coef_le by lia. replace (S n - k)%nat with O by lia. rewrite Rabs_R1. simpl. lra.
    + rewrite coef_step by lia. replace (S n - k)%nat with (S (n - k)) by lia. simpl.
      rewrite Rabs_mult. apply Rmult_le_compat; try apply Rabs_pos; auto. apply Ha. lia.
Qed.

Lemma coef_abs_le (a : nat -> R) (q : R) : 0 <= q -> (forall j, Rabs (a j) <= q) ->
  forall k t, Rabs (coef a k t) <= q ^ (t - k).
Proof. intros Hq Ha. apply coef_abs_le_from1; [exact Hq | intros j _; apply Ha]. Qed.

Lemma coef_abs_ge (a : nat -> R) (q : R) : 0 <= q -> (forall j, q <= Rabs (a j)) ->
  forall k t, q ^ (t - k) <= Rabs (coef a k t).
Proof.
  intros Hq Ha k t. induction t as [| n IH].
  - simpl. rewrite Rabs_R1. lra.
  - destruct (Nat.leb_spec (S n) k) as [Hk | Hk].
    + rewrite coef_le by lia. replace (S n - k)%nat with O by lia. rewrite Rabs_R1. simpl. lra.
    + rewrite coef_step by lia. replace (S n - k)%nat with (S (n - k)) by lia. simpl.
      rewrite Rabs_mult. apply Rmult_le_compat; auto. apply pow_le. exact Hq.
Qed.

(* vanish-explode, uniform reading (vanishing): if every factor has |a_j| <= q with
   0 <= q < 1, the coefficient prod_{j=k+1}^{t} a_j of eq (3) has modulus <= q^(t-k) and
   tends to 0 as t -> infinity. *)
Theorem vanish_uniform (a : nat -> R) (q : R) : 0 <= q < 1 -> (forall j, Rabs (a j) <= q) ->
  forall k, (forall t, Rabs (coef a k t) <= q ^ (t - k)) /\ is_lim_seq (fun t => coef a k t) 0.
Proof.
  intros Hq Ha k. split; [intros t; apply coef_abs_le; lra || auto |].
  apply is_lim_seq_abs_0.
  apply is_lim_seq_le_le with (fun _ => 0) (fun t => q ^ (t - k)).
  - intros t. split; [apply Rabs_pos | apply coef_abs_le; [lra | exact Ha]].
  - apply is_lim_seq_const.
  - apply is_lim_seq_incr_n with (N := k).
    apply is_lim_seq_ext with (fun n => q ^ n).
    + intros n. f_equal. lia.
    + apply is_lim_seq_geom. rewrite Rabs_pos_eq; lra.
Qed.

(* vanish-explode, uniform reading (explosion): if every factor has |a_j| >= q > 1, the
   coefficient has modulus >= q^(t-k) and its modulus tends to +infinity. *)
Theorem explode_uniform (a : nat -> R) (q : R) : 1 < q -> (forall j, q <= Rabs (a j)) ->
  forall k, (forall t, q ^ (t - k) <= Rabs (coef a k t)) /\
            is_lim_seq (fun t => Rabs (coef a k t)) p_infty.
Proof.
  intros Hq Ha k. split; [intros t; apply coef_abs_ge; [lra | exact Ha] |].
  apply is_lim_seq_le_p_loc with (fun t => q ^ (t - k)).
  - exists O. intros t _. apply coef_abs_ge; [lra | exact Ha].
  - apply is_lim_seq_incr_n with (N := k).
    apply is_lim_seq_ext with (fun n => q ^ n).
    + intros n. f_equal. lia.
    + apply is_lim_seq_geom_p. exact Hq.
Qed.

Lemma is_lim_seq_inv_lin (c d : R) : 0 < c -> 0 < d -> is_lim_seq (fun t => / (c * (INR t + d))) 0.
Proof.
  intros Hc Hd.
  replace (Finite 0) with (Rbar_inv p_infty) by reflexivity.
  apply is_lim_seq_inv; [| discriminate].
  apply is_lim_seq_le_p_loc with (fun t => c * INR t).
  - exists O. intros t _. apply Rmult_le_compat_l; lra.
  - replace p_infty with (Rbar_mult c p_infty).
    + apply is_lim_seq_scal_l. apply is_lim_seq_INR.
    + simpl. destruct (Rle_dec 0 c); [| lra]. destruct (Rle_lt_or_eq_dec 0 c r); [reflexivity | lra].
Qed.

(* factors 1 - 1/(j+1)^2, all in (0, 1): their product over j = 1..t is (t+2)/(2(t+1)) *)
Definition below_one (j : nat) : R := 1 - 1 / (INR j + 1) ^ 2.
Definition above_one (j : nat) : R := (INR j + 1) ^ 2 / (INR j * (INR j + 2)).

Lemma below_one_range (j : nat) : (1 <= j)%nat -> 0 < below_one j < 1.
Proof.
  intros Hj. unfold below_one. apply le_INR in Hj. simpl in Hj.
  assert (0 < 1 / (INR j + 1) ^ 2) by (apply Rdiv_lt_0_compat; [lra | apply pow_lt; lra]).
  assert (1 / (INR j + 1) ^ 2 < 1).
  { apply Rmult_lt_reg_r with ((INR j + 1) ^ 2); [apply pow_lt; lra |].
    unfold Rdiv. rewrite Rmult_assoc, Rinv_l by (apply pow_nonzero; lra). nra. }
  lra.
Qed.

Lemma above_one_range (j : nat) : (1 <= j)%nat -> 1 < above_one j.
Proof.
  intros Hj. unfold above_one. apply le_INR in Hj. simpl in Hj.
  apply Rmult_lt_reg_r with (INR j * (INR j + 2)); [nra |].
  unfold Rdiv. rewrite Rmult_assoc, Rinv_l by nra. nra.
Qed.

Lemma below_one_product (t : nat) : coef below_one 0 t = (INR t + 2) / (2 * (INR t + 1)).
Proof.
  induction t as [| n IH]; [simpl; field |].
  rewrite coef_step by lia. rewrite IH. unfold below_one. rewrite S_INR.
  pose proof (pos_INR n). field. lra.
Qed.

Lemma above_one_product (t : nat) : coef above_one 0 t = 2 * (INR t + 1) / (INR t + 2).
Proof.
  induction t as [| n IH]; [simpl; field |].
  rewrite coef_step by lia. rewrite IH. unfold above_one. rewrite S_INR.
  pose proof (pos_INR n). field. lra.
Qed.

Lemma below_one_limit : is_lim_seq (fun t => coef below_one 0 t) (1 / 2).
Proof.
  apply is_lim_seq_ext with (fun t => 1 / 2 + / (2 * (INR t + 1))).
  - intros t. rewrite below_one_product. pose proof (pos_INR t). field. lra.
  - replace (Finite (1 / 2)) with (Rbar_plus (1 / 2) 0) by (simpl; f_equal; ring).
    apply is_lim_seq_plus'; [apply is_lim_seq_const | apply is_lim_seq_inv_lin; lra].
Qed.

Lemma above_one_limit : is_lim_seq (fun t => coef above_one 0 t) 2.
Proof.
  apply is_lim_seq_ext with (fun t => 2 + (-2) * / (1 * (INR t + 2))).
  - intros t. rewrite above_one_product. pose proof (pos_INR t). field. lra.
  - replace (Finite 2) with (Finite (2 + -2 * 0)) by (f_equal; ring).
    apply is_lim_seq_plus'; [apply is_lim_seq_const |].
    apply (is_lim_seq_scal_l _ (-2) 0). apply is_lim_seq_inv_lin; lra.
Qed.

(* vanish-explode, pointwise reading (vanishing): refuted. |a_j| < 1 at every step does not
   make the product tend to 0: a_j = 1 - 1/(j+1)^2 in (0, 1) has product -> 1/2. *)
Theorem vanish_pointwise_refuted :
  ~ (forall a : nat -> R, (forall j, (1 <= j)%nat -> Rabs (a j) < 1) ->
     is_lim_seq (fun t => coef a 0 t) 0).
Proof.
  intros H. specialize (H below_one).
  assert (Hr : forall j, (1 <= j)%nat -> Rabs (below_one j) < 1)
    by (intros j Hj; pose proof (below_one_range j Hj); rewrite Rabs_pos_eq; lra).
  specialize (H Hr).
  apply is_lim_seq_unique in H. rewrite (is_lim_seq_unique _ _ below_one_limit) in H.
  injection H. lra.
Qed.

(* vanish-explode, pointwise reading (explosion): refuted. |a_j| > 1 at every step does not
   make the product's modulus tend to infinity: a_j = (j+1)^2/(j(j+2)) > 1 has product -> 2. *)
Theorem explode_pointwise_refuted :
  ~ (forall a : nat -> R, (forall j, (1 <= j)%nat -> 1 < Rabs (a j)) ->
     is_lim_seq (fun t => Rabs (coef a 0 t)) p_infty).
Proof.
  intros H. specialize (H above_one).
  assert (Hr : forall j, (1 <= j)%nat -> 1 < Rabs (above_one j))
    by (intros j Hj; pose proof (above_one_range j Hj); rewrite Rabs_pos_eq; lra).
  specialize (H Hr).
  assert (L : is_lim_seq (fun t => Rabs (coef above_one 0 t)) (Rabs 2)).
  { apply (is_lim_seq_abs _ 2). exact above_one_limit. }
  apply is_lim_seq_unique in H. rewrite (is_lim_seq_unique _ _ L) in H. discriminate.
Qed.

Lemma sum_to_le (f g : nat -> R) (n : nat) :
  (forall k, (1 <= k <= n)%nat -> f k <= g k) -> sum_to f n <= sum_to g n.
Proof.
  induction n as [| n IH]; intros H; simpl; [lra |].
  apply Rplus_le_compat; [apply IH; intros; apply H; lia | apply H; lia].
Qed.

Lemma geometric_tail (q : R) (d m : nat) : 0 <= q < 1 ->
  sum_to (fun k => q ^ (m + d - k)) m <= q ^ d / (1 - q).
Proof.
  intros Hq. induction m as [| m IH]; cbn [sum_to].
  - apply Rmult_le_pos; [apply pow_le; lra | apply Rlt_le, Rinv_0_lt_compat; lra].
  - rewrite (sum_to_ext _ (fun k => q * q ^ (m + d - k))).
    + rewrite sum_to_scal. replace (S m + d - S m)%nat with d by lia.
      assert (q * sum_to (fun k => q ^ (m + d - k)) m <= q * (q ^ d / (1 - q)))
        by (apply Rmult_le_compat_l; lra).
      assert (E : q * (q ^ d / (1 - q)) + q ^ d = q ^ d / (1 - q)) by (field; lra).
      lra.
    + intros k Hk. replace (S m + d - k)%nat with (S (m + d - k)) by lia. reflexivity.
Qed.

(* vanish-meaning, tail share: if every factor has |a_j| <= q < 1 and every partial
   derivative |p_k| <= B, the terms of eq (3)'s sum more than d steps back (k <= t - d) add up
   to at most B q^d/(1 - q) in modulus, uniformly in t, and B q^d/(1 - q) -> 0 as d -> infinity:
   distant steps contribute almost nothing. *)
Theorem tail_share (a p : nat -> R) (q B : R) : 0 <= q < 1 -> (forall j, Rabs (a j) <= q) ->
  (forall k, Rabs (p k) <= B) ->
  (forall d t, (d <= t)%nat ->
   sum_to (fun k => Rabs (coef a k t * p k)) (t - d) <= B * q ^ d / (1 - q)) /\
  is_lim_seq (fun d => B * q ^ d / (1 - q)) 0.
Proof.
  intros Hq Ha Hp. split.
  2: { replace (Finite 0) with (Finite (B * 0 / (1 - q))) by (f_equal; field; lra).
       apply is_lim_seq_div'; [| apply is_lim_seq_const | lra].
       apply (is_lim_seq_scal_l _ B 0). apply is_lim_seq_geom. rewrite Rabs_pos_eq; lra. }
  intros d t Hdt.
  assert (HB : 0 <= B) by (apply Rle_trans with (Rabs (p O)); [apply Rabs_pos | apply Hp]).
  apply Rle_trans with (sum_to (fun k => B * q ^ ((t - d) + d - k)) (t - d)).
  - apply sum_to_le. intros k Hk. rewrite Rabs_mult, Rmult_comm.
    replace ((t - d) + d - k)%nat with (t - k)%nat by lia.
    apply Rmult_le_compat; try apply Rabs_pos; [apply Hp | apply coef_abs_le; [lra | exact Ha]].
  - rewrite sum_to_scal. unfold Rdiv. rewrite Rmult_assoc.
    apply Rmult_le_compat_l; [exact HB | apply geometric_tail; exact Hq].
Qed."""

READINGS = {
    "vanish_uniform": ("vanish-explode/uniform",),
    "explode_uniform": ("vanish-explode/uniform",),
    "vanish_pointwise_refuted": ("vanish-explode/pointwise",),
    "explode_pointwise_refuted": ("vanish-explode/pointwise",),
    "tail_share": ("vanish-meaning/tail-share",),
}


def products_group() -> CoqGroup:
    """Products.v: eq (3)'s coefficients and sums, vanish-explode (1-D), the tail share."""
    return group_from_text("Products", "products of per-step factors: vanish-explode (1-D) "
                           "and the tail share of eq (3)'s sum", (), PRODUCTS_V, READINGS)
