"""The LSTM's cell state over time (Lstm.v): lstm-c-unbounded and lstm-long-sequences.

On the unrolled LSTM of Cells.v (``lstm_seq``, ``lstm_c_seq``): |c_t| < |c_0| + t for every
t >= 1 and every parameter and input, tight (biases -> infinity approach it); a fixed-weight
LSTM with inputs x_t = ln(t(t+2)) diverges (c_t >= 4t/15); with fixed weights and bounded
inputs c_t stays bounded. With U = 0, dc_T/dc_0 is the product of the forget gates
(<= F^T -> 0), and b_f = ln(2T) keeps dc_T/dc_0 above 1/2 for every T.
"""

from __future__ import annotations

from ._model import CoqGroup
from ._source import group_from_text

__all__ = ["lstm_group", "LSTM_V"]

#: The Coq text of Lstm.v (after the imports).
LSTM_V = r"""(* the c-update's one-step bound: |c_t| <= f_t |c_(t-1)| + i_t |chat_t| < |c_(t-1)| + 1 *)
Lemma lstm_c_t_step (W_f U_f b_f W_i U_i b_i W_c U_c b_c x_t h_prev c_prev : R) :
  Rabs (lstm_c_t W_f U_f b_f W_i U_i b_i W_c U_c b_c x_t h_prev c_prev)
  <= lstm_f_t W_f U_f b_f x_t h_prev * Rabs c_prev + 1 /\
  Rabs (lstm_c_t W_f U_f b_f W_i U_i b_i W_c U_c b_c x_t h_prev c_prev) < Rabs c_prev + 1.
Proof.
  unfold lstm_c_t. cbv zeta.
  set (f := lstm_f_t W_f U_f b_f x_t h_prev). set (i := lstm_i_t W_i U_i b_i x_t h_prev).
  set (ch := lstm_chat_t W_c U_c b_c x_t h_prev).
  assert (Hf : 0 < f < 1) by apply sigma_range. assert (Hi : 0 < i < 1) by apply sigma_range.
  assert (Hc : -1 < ch < 1) by apply tanh_range.
  assert (H1 : Rabs (c_prev * f) = f * Rabs c_prev) by (rewrite Rabs_mult, (Rabs_pos_eq f) by lra; ring).
  assert (H2 : Rabs (ch * i) < 1).
  { rewrite Rabs_mult, (Rabs_pos_eq i) by lra.
    assert (Rabs ch < 1) by (apply Rabs_def1; lra). nra. }
  pose proof (Rabs_triang (c_prev * f) (ch * i)). pose proof (Rabs_pos c_prev).
  split; nra.
Qed.

(* lstm-c-unbounded, growth: |c_t| < |c_0| + t for every t >= 1, all parameters, inputs, h_0 *)
Theorem lstm_c_growth (W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c : R) (x : nat -> R)
  (h_0 c_0 : R) (t : nat) : (1 <= t)%nat ->
  Rabs (lstm_c_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 t) < Rabs c_0 + INR t.
Proof.
  intros Ht. induction t as [| n IH]; [lia |].
  unfold lstm_c_seq in *. simpl snd.
  destruct (lstm_c_t_step W_f U_f b_f W_i U_i b_i W_c U_c b_c (x (S n))
              (fst (lstm_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 n))
              (snd (lstm_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 n))) as [_ H].
  rewrite S_INR. destruct n as [| m].
  - simpl in H |- *. lra.
  - assert (1 <= S m)%nat by lia. specialize (IH H0). lra.
Qed.

Lemma bernoulli (a : R) (n : nat) : 0 <= a <= 1 -> 1 - INR n * a <= (1 - a) ^ n.
Proof.
  intros Ha. induction n as [| n IH]; [simpl; lra |].
  rewrite S_INR. cbn [pow]. pose proof (pos_INR n).
  assert (0 <= INR n * a * a) by (apply Rmult_le_pos; [apply Rmult_le_pos |]; lra).
  destruct (Rle_dec 0 (1 - INR n * a)).
  - apply Rle_trans with ((1 - a) * (1 - INR n * a)); [nra | apply Rmult_le_compat_l; lra].
  - apply Rle_trans with 0; [nra | apply Rmult_le_pos; [lra | apply pow_le; lra]].
Qed.

Lemma lstm_c_t_biases (beta b_c x_t h_prev c_prev : R) :
  lstm_c_t 0 0 beta 0 0 beta 0 0 b_c x_t h_prev c_prev = c_prev * sigma beta + tanh b_c * sigma beta.
Proof.
  unfold lstm_c_t, lstm_f_t, lstm_i_t, lstm_chat_t. cbv zeta.
  replace (beta + 0 * h_prev + 0 * x_t) with beta by ring.
  replace (b_c + 0 * h_prev + 0 * x_t) with b_c by ring. reflexivity.
Qed.

(* with W = U = 0 and biases beta (the candidate's sign-matched to c_0), c_t = sgn(c_0) r_t *)
Lemma lstm_c_biases_seq (beta h_0 c_0 : R) (x : nat -> R) (t : nat) :
  let sg := if Rle_dec 0 c_0 then 1 else -1 in
  let s := sigma beta in let p := sigma beta * tanh beta in
  0 < beta ->
  lstm_c_seq 0 0 beta 0 0 beta 0 0 0 0 0 (sg * beta) x h_0 c_0 t
  = sg * (s ^ t * Rabs c_0 + p * sum_to (fun k => s ^ (t - k)) t).
Proof.
  intros sg s p Hb. induction t as [| n IH].
  - simpl. unfold lstm_c_seq, sg. simpl.
    destruct (Rle_dec 0 c_0); [rewrite Rabs_pos_eq by lra | rewrite Rabs_left by lra]; ring.
  - unfold lstm_c_seq in *. simpl snd. rewrite lstm_c_t_biases, IH.
    cbn [sum_to]. replace (S n - S n)%nat with O by lia.
    rewrite (sum_to_ext (fun k => s ^ (S n - k)) (fun k => s * s ^ (n - k)) n) by (intros k Hk; replace (S n - k)%nat with (S (n - k)) by lia; reflexivity).
    rewrite sum_to_scal.
    assert (E : tanh (sg * beta) = sg * tanh beta).
    { unfold sg. destruct (Rle_dec 0 c_0); [replace (1 * beta) with beta by ring; ring |].
      replace (-1 * beta) with (- beta) by ring. rewrite tanh_odd. ring. }
    rewrite E. fold s. unfold p. simpl pow.
    assert (sg * sg = 1) by (unfold sg; destruct (Rle_dec 0 c_0); ring).
    unfold s. ring.
Qed.

Lemma sum_to_const (c : R) (n : nat) : sum_to (fun _ => c) n = INR n * c.
Proof. induction n as [| n IH]; cbn [sum_to]; [simpl; ring | rewrite IH, S_INR; ring]. Qed.

Lemma pow_le_one (p : R) (k : nat) : 0 <= p <= 1 -> p ^ k <= 1.
Proof.
  intros Hp. induction k as [| k IH]; simpl; [lra |].
  assert (0 <= p ^ k) by (apply pow_le; lra). nra.
Qed.

Lemma pow_le_pow_small (p : R) (m n : nat) : 0 <= p <= 1 -> (m <= n)%nat -> p ^ n <= p ^ m.
Proof.
  intros Hp Hmn. replace n with (m + (n - m))%nat by lia. rewrite pow_add.
  rewrite <- (Rmult_1_r (p ^ m)) at 2. apply Rmult_le_compat_l; [apply pow_le; lra |].
  apply pow_le_one; lra.
Qed.

(* lstm-c-unbounded, growth is tight: for every c_0, h_0, inputs, t and eps > 0 there are
   biases (W = U = 0, b_f = b_i = beta, b_c = +-beta) with |c_t| > |c_0| + t - eps. *)
Theorem lstm_c_growth_tight (h_0 c_0 : R) (x : nat -> R) (t : nat) (eps : R) : 0 < eps ->
  exists beta, Rabs c_0 + INR t - eps <
    Rabs (lstm_c_seq 0 0 beta 0 0 beta 0 0 0 0 0 ((if Rle_dec 0 c_0 then 1 else -1) * beta)
            x h_0 c_0 t).
Proof.
  intros He.
  set (A := Rabs c_0 + INR t).
  assert (HA : 0 <= A) by (pose proof (Rabs_pos c_0); pose proof (pos_INR t); unfold A; lra).
  set (delta := eps / (INR t * A + 1)).
  assert (Hd : 0 < delta) by (apply Rdiv_lt_0_compat; [lra | pose proof (pos_INR t); nra]).
  set (u := Rmin (delta / 3) (1 / 2)).
  assert (Hu : 0 < u <= 1 / 2) by (unfold u; split; [apply Rmin_glb_lt; lra | apply Rmin_r]).
  assert (Hud : u <= delta / 3) by apply Rmin_l.
  exists (- ln u).
  assert (Hb : 0 < - ln u).
  { assert (ln u < 0) by (rewrite <- ln_1; apply ln_increasing; lra). lra. }
  rewrite (lstm_c_biases_seq (- ln u) h_0 c_0 x t Hb).
  set (s := sigma (- ln u)). set (p := sigma (- ln u) * tanh (- ln u)).
  assert (Es : s = 1 / (1 + u)) by (unfold s, sigma; rewrite Ropp_involutive, exp_ln by lra; reflexivity).
  assert (Ep : p = (1 - u) / (1 + u ^ 2)).
  { unfold p, sigma, tanh. rewrite Ropp_involutive, exp_ln by lra.
    rewrite exp_Ropp, exp_ln by lra. field. repeat split; nra. }
  assert (Hp : 0 <= p <= 1) by (rewrite Ep; split; [apply Rmult_le_pos; [lra | apply Rlt_le, Rinv_0_lt_compat; nra] |];
    apply Rmult_le_reg_r with (1 + u ^ 2); [nra |]; unfold Rdiv; rewrite Rmult_assoc, Rinv_l by nra; nra).
  assert (Hps : p <= s).
  { rewrite Ep, Es. apply Rmult_le_reg_r with ((1 + u) * (1 + u ^ 2)); [nra |].
    replace ((1 - u) / (1 + u ^ 2) * ((1 + u) * (1 + u ^ 2))) with ((1 - u) * (1 + u)) by (field; nra).
    replace (1 / (1 + u) * ((1 + u) * (1 + u ^ 2))) with (1 + u ^ 2) by (field; nra). nra. }
  assert (Hs : s <= 1) by (rewrite Es; apply Rmult_le_reg_r with (1 + u); [lra |];
    unfold Rdiv; rewrite Rmult_assoc, Rinv_l by lra; lra).
  assert (H1p : 1 - p <= 2 * u).
  { rewrite Ep. apply Rmult_le_reg_r with (1 + u ^ 2); [nra |].
    replace ((1 - (1 - u) / (1 + u ^ 2)) * (1 + u ^ 2)) with (u + u ^ 2) by (field; nra). nra. }
  (* |c_t| = s^t |c_0| + p sum_k s^(t-k) >= p^t (|c_0| + t) *)
  assert (Hlow : p ^ t * A <= s ^ t * Rabs c_0 + p * sum_to (fun k => s ^ (t - k)) t).
  { unfold A. rewrite Rmult_plus_distr_l.
    apply Rplus_le_compat.
    - apply Rmult_le_compat_r; [apply Rabs_pos | apply pow_incr; lra].
    - rewrite <- sum_to_scal, Rmult_comm, <- sum_to_const. apply sum_to_le. intros k Hk.
      apply Rle_trans with (p * p ^ (t - k)).
      + replace (p * p ^ (t - k)) with (p ^ (S (t - k))) by reflexivity.
        apply pow_le_pow_small; [lra | lia].
      + apply Rmult_le_compat_l; [lra | apply pow_incr; lra]. }
  assert (Hpos : 0 <= s ^ t * Rabs c_0 + p * sum_to (fun k => s ^ (t - k)) t)
    by (eapply Rle_trans; [| exact Hlow]; apply Rmult_le_pos; [apply pow_le |]; lra).
  assert (Habs : Rabs ((if Rle_dec 0 c_0 then 1 else -1) *
                       (s ^ t * Rabs c_0 + p * sum_to (fun k => s ^ (t - k)) t))
                 = s ^ t * Rabs c_0 + p * sum_to (fun k => s ^ (t - k)) t).
  { rewrite Rabs_mult, (Rabs_pos_eq (_ + _)) by exact Hpos.
    destruct (Rle_dec 0 c_0); [rewrite Rabs_R1 | rewrite Rabs_left by lra]; ring. }
  change (s * tanh (- ln u)) with p. rewrite Habs.
  (* p^t >= 1 - t (1 - p) (Bernoulli) and t (1 - p) A <= 2 u t A < eps *)
  pose proof (bernoulli (1 - p) t ltac:(lra)) as HB. replace (1 - (1 - p)) with p in HB by ring.
  assert (HtA : INR t * (1 - p) * A <= 2 * u * (INR t * A)).
  { pose proof (pos_INR t). replace (INR t * (1 - p) * A) with ((1 - p) * (INR t * A)) by ring.
    apply Rmult_le_compat_r; [nra | lra]. }
  assert (Hsmall : 2 * u * (INR t * A) < eps).
  { assert (2 * u * (INR t * A) <= 2 * (delta / 3) * (INR t * A))
      by (apply Rmult_le_compat_r; [pose proof (pos_INR t); nra | lra]).
    assert (delta * (INR t * A) < eps).
    { unfold delta. pose proof (pos_INR t). assert (0 <= INR t * A) by nra.
      apply Rmult_lt_reg_r with (INR t * A + 1); [lra |].
      replace (eps / (INR t * A + 1) * (INR t * A) * (INR t * A + 1)) with (eps * (INR t * A)) by (field; lra).
      nra. }
    pose proof (pos_INR t). nra. }
  assert (p ^ t * A >= (1 - INR t * (1 - p)) * A) by (apply Rle_ge, Rmult_le_compat_r; lra).
  unfold A in *. nra.
Qed.

Lemma sigma_le (a b : R) : a <= b -> sigma a <= sigma b.
Proof.
  intros H. unfold sigma. pose proof (exp_pos (- a)). pose proof (exp_pos (- b)).
  assert (exp (- b) <= exp (- a)) by (destruct (Req_dec a b); [subst; lra | left; apply exp_increasing; lra]).
  unfold Rdiv. rewrite !Rmult_1_l. apply Rinv_le_contravar; lra.
Qed.

Lemma lstm_c_t_divergent (x_t h_prev c_prev : R) :
  lstm_c_t 1 0 0 0 0 0 0 0 (ln 3) x_t h_prev c_prev = c_prev * sigma x_t + 4 / 5 * (1 / 2).
Proof.
  unfold lstm_c_t, lstm_f_t, lstm_i_t, lstm_chat_t. cbv zeta.
  replace (0 + 0 * h_prev + 1 * x_t) with x_t by ring.
  replace (0 + 0 * h_prev + 0 * x_t) with 0 by ring.
  replace (ln 3 + 0 * h_prev + 0 * x_t) with (ln 3) by ring.
  rewrite sigma_0. unfold tanh. rewrite exp_Ropp, exp_ln by lra. field.
Qed.

(* lstm-c-unbounded, divergence: a fixed-weight LSTM diverges. W_f = 1, b_c = ln 3, every other
   weight and bias 0, c_0 = 0 (any h_0) and inputs x_t = ln(t(t+2)) give c_t >= 4t/15 for
   every t, so c_t -> infinity *)
Theorem lstm_c_divergence (h_0 : R) :
  let x t := ln (INR t * (INR t + 2)) in
  let c t := lstm_c_seq 1 0 0 0 0 0 0 0 0 0 0 (ln 3) x h_0 0 t in
  (forall t, 4 * INR t / 15 <= c t) /\ (forall M, exists t, M < c t).
Proof.
  intros x c.
  assert (H : forall t, 4 * INR t / 15 <= c t).
  { induction t as [| n IH].
    - unfold c, lstm_c_seq. simpl. lra.
    - unfold c, lstm_c_seq in *. cbn [lstm_seq snd]. rewrite lstm_c_t_divergent.
      set (cn := snd (lstm_seq 1 0 0 0 0 0 0 0 0 0 0 (ln 3) x h_0 0 n)) in *.
      pose proof (pos_INR n) as Hn. rewrite S_INR.
      assert (Hf : sigma (x (S n)) = (INR n + 1) * (INR n + 3) / (INR n + 2) ^ 2).
      { unfold x, sigma. rewrite S_INR. rewrite exp_Ropp, exp_ln by nra. field. nra. }
      rewrite Hf.
      assert (E : (INR n + 1) * (INR n + 3) / (INR n + 2) ^ 2 = 1 - / (INR n + 2) ^ 2) by (field; lra).
      rewrite E.
      assert (Hq : 0 < / (INR n + 2) ^ 2) by (apply Rinv_0_lt_compat; nra).
      assert (Hnq : INR n * / (INR n + 2) ^ 2 <= 1 / 2).
      { apply Rmult_le_reg_r with ((INR n + 2) ^ 2); [nra |].
        rewrite Rmult_assoc, Rinv_l by nra. nra. }
      assert (Hq1 : / (INR n + 2) ^ 2 <= 1).
      { apply Rmult_le_reg_r with ((INR n + 2) ^ 2); [nra |]. rewrite Rinv_l by nra. nra. }
      nra. }
  split; [exact H |].
  intros M. destruct (proj2 (is_lim_seq_spec _ _) is_lim_seq_INR (15 * M / 4)) as [N HN].
  exists N. specialize (HN N (Nat.le_refl N)). pose proof (H N). lra.
Qed.


(* lstm-c-unbounded, bounded inputs: with fixed weights, inputs |x_t| <= X and |h_0| <= 1, every
   forget gate is at most F = sigma(|W_f| X + |U_f| + |b_f|) < 1 and
   |c_t| <= F^t |c_0| + (1 - F^t)/(1 - F) <= |c_0| + 1/(1 - F) for every t *)
Theorem lstm_c_bounded_inputs (W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c : R)
  (x : nat -> R) (X h_0 c_0 : R) :
  (forall t, Rabs (x t) <= X) -> Rabs h_0 <= 1 ->
  let F := sigma (Rabs W_f * X + Rabs U_f + Rabs b_f) in
  F < 1 /\
  forall t, Rabs (lstm_c_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 t)
            <= F ^ t * Rabs c_0 + (1 - F ^ t) / (1 - F) /\
          F ^ t * Rabs c_0 + (1 - F ^ t) / (1 - F) <= Rabs c_0 + 1 / (1 - F).
Proof.
  intros Hx Hh0 F.
  assert (Hf : 0 < F < 1) by apply sigma_range.
  split; [lra |].
  assert (H : forall t, Rabs (fst (lstm_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 t)) <= 1
               /\ Rabs (snd (lstm_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 t))
                  <= F ^ t * Rabs c_0 + (1 - F ^ t) / (1 - F)).
  { induction t as [| n [IHh IHc]].
    - simpl. split; [exact Hh0 | right; field; lra].
    - cbn [lstm_seq fst snd].
      set (h := fst (lstm_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 n)) in *.
      set (c := snd (lstm_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 n)) in *.
      split.
      + unfold lstm_h_t, lstm_o_t. cbv zeta. gates_bounded. rewrite Rabs_mult.
        assert (Rabs th < 1) by (apply Rabs_def1; lra).
        rewrite Rabs_pos_eq by lra. nra.
      + destruct (lstm_c_t_step W_f U_f b_f W_i U_i b_i W_c U_c b_c (x (S n)) h c) as [Hs _].
        assert (Hft : lstm_f_t W_f U_f b_f (x (S n)) h <= F).
        { unfold lstm_f_t, F. apply sigma_le.
          assert (U_f * h <= Rabs U_f).
          { apply Rle_trans with (Rabs (U_f * h)); [apply Rle_abs |].
            rewrite Rabs_mult. rewrite <- (Rmult_1_r (Rabs U_f)) at 2.
            apply Rmult_le_compat_l; [apply Rabs_pos | exact IHh]. }
          assert (W_f * x (S n) <= Rabs W_f * X).
          { apply Rle_trans with (Rabs (W_f * x (S n))); [apply Rle_abs |].
            rewrite Rabs_mult. apply Rmult_le_compat_l; [apply Rabs_pos | apply Hx]. }
          pose proof (Rle_abs b_f). lra. }
        pose proof (Rabs_pos c).
        assert (lstm_f_t W_f U_f b_f (x (S n)) h * Rabs c <= F * (F ^ n * Rabs c_0 + (1 - F ^ n) / (1 - F))).
        { apply Rmult_le_compat; try lra. left; apply sigma_range. }
        assert (E : F * (F ^ n * Rabs c_0 + (1 - F ^ n) / (1 - F)) + 1
                    = F ^ S n * Rabs c_0 + (1 - F ^ S n) / (1 - F)) by (simpl; field; lra).
        lra. }
  intros t. split; [apply H |].
  assert (0 <= F ^ t <= 1) by (split; [apply pow_le; lra | apply pow_le_one; lra]).
  pose proof (Rabs_pos c_0).
  assert (F ^ t * Rabs c_0 <= Rabs c_0) by nra.
  assert ((1 - F ^ t) / (1 - F) <= 1 / (1 - F)).
  { unfold Rdiv. apply Rmult_le_compat_r; [apply Rlt_le, Rinv_0_lt_compat | ]; lra. }
  lra.
Qed.

Lemma lstm_c_t_U0 (W_f b_f W_i b_i W_c b_c x_t h_prev c_prev : R) :
  lstm_c_t W_f 0 b_f W_i 0 b_i W_c 0 b_c x_t h_prev c_prev
  = c_prev * sigma (b_f + W_f * x_t) + tanh (b_c + W_c * x_t) * sigma (b_i + W_i * x_t).
Proof.
  unfold lstm_c_t, lstm_f_t, lstm_i_t, lstm_chat_t. cbv zeta. rewrite !Rmult_0_l, !Rplus_0_r.
  reflexivity.
Qed.

(* lstm-long-sequences, zero U: with every recurrent weight 0, dc_T/dc_0 is the product of the
   forget gates f_t = sigma(b_f + W_f x_t); with |x_t| <= X each is at most
   F = sigma(|W_f| X + |b_f|) < 1, so 0 < dc_T/dc_0 <= F^T, which tends to 0 as T grows *)
Theorem lstm_zero_U (W_f b_f W_i b_i W_o b_o W_c b_c : R) (x : nat -> R) (h_0 X : R) :
  let f t := sigma (b_f + W_f * x t) in
  (forall c_0 T, is_derive (fun c_0 => lstm_c_seq W_f 0 b_f W_i 0 b_i W_o 0 b_o W_c 0 b_c x h_0 c_0 T)
                   c_0 (coef f 0 T)) /\
  ((forall t, Rabs (x t) <= X) ->
   sigma (Rabs W_f * X + Rabs b_f) < 1 /\
   (forall T, 0 < coef f 0 T <= sigma (Rabs W_f * X + Rabs b_f) ^ T) /\
   is_lim_seq (fun T => coef f 0 T) 0).
Proof.
  intros f. split.
  - intros c_0 T.
    assert (Haff : exists K, forall c, lstm_c_seq W_f 0 b_f W_i 0 b_i W_o 0 b_o W_c 0 b_c x h_0 c T
                                  = coef f 0 T * c + K).
    { induction T as [| n [K HK]].
      - exists 0. intros c. unfold lstm_c_seq. simpl. ring.
      - exists (K * f (S n) + tanh (b_c + W_c * x (S n)) * sigma (b_i + W_i * x (S n))).
        intros c. unfold lstm_c_seq in *. cbn [lstm_seq snd]. rewrite lstm_c_t_U0, HK.
        rewrite coef_step by lia. unfold f. ring. }
    destruct Haff as [K HK].
    apply is_derive_ext with (fun c => coef f 0 T * c + K); [intros c; symmetry; apply HK |].
    auto_derive; [exact I | ring].
  - intros Hx.
    set (q := sigma (Rabs W_f * X + Rabs b_f)).
    assert (Hq : 0 < q < 1) by apply sigma_range.
    assert (Hfq : forall j, Rabs (f j) <= q).
    { intros j. unfold f. pose proof (sigma_range (b_f + W_f * x j)).
      rewrite Rabs_pos_eq by lra. apply sigma_le. pose proof (Rle_abs b_f).
      assert (W_f * x j <= Rabs W_f * X); [| lra].
      apply Rle_trans with (Rabs (W_f * x j)); [apply Rle_abs |].
      rewrite Rabs_mult. apply Rmult_le_compat_l; [apply Rabs_pos | apply Hx]. }
    split; [lra |]. split.
    + intros T. split.
      * induction T as [| n IH]; [simpl; lra |].
        rewrite coef_step by lia. apply Rmult_lt_0_compat; [apply sigma_range | exact IH].
      * apply Rle_trans with (Rabs (coef f 0 T)); [apply Rle_abs |].
        replace T with (T - 0)%nat at 2 by lia. apply coef_abs_le; [lra | exact Hfq].
    + apply (proj2 (vanish_uniform f q ltac:(lra) Hfq O)).
Qed.

Lemma coef_const (c : R) (T : nat) : coef (fun _ => c) 0 T = c ^ T.
Proof. induction T as [| n IH]; [reflexivity | rewrite coef_step by lia; rewrite IH; reflexivity]. Qed.

(* lstm-long-sequences, inevitable: refuted. It is not true that for every eps > 0 there is T_0
   with |dc_T/dc_0| < eps for every T >= T_0 and all weights: for eps = 1/2 and any T >= 1,
   W = U = 0 and b_f = ln(2T) give forget gates 2T/(2T+1) and dc_T/dc_0 = (2T/(2T+1))^T > 1/2 *)
Theorem lstm_long_sequences_not_inevitable :
  ~ (forall eps, 0 < eps -> exists T_0, forall T, (T_0 <= T)%nat ->
     forall (W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c : R) (x : nat -> R) (h_0 c_0 D : R),
       is_derive (fun c_0 => lstm_c_seq W_f U_f b_f W_i U_i b_i W_o U_o b_o W_c U_c b_c x h_0 c_0 T)
         c_0 D -> Rabs D < eps).
Proof.
  intros H. destruct (H (1/2) ltac:(lra)) as [T0 HT].
  set (T := S T0).
  assert (HTpos : 1 <= INR T) by (unfold T; rewrite S_INR; pose proof (pos_INR T0); lra).
  destruct (lstm_zero_U 0 (ln (2 * INR T)) 0 0 0 0 0 0 (fun _ => 0) 0 0) as [HD _].
  specialize (HT T ltac:(unfold T; lia) _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ (HD 0 T)).
  assert (Ef : sigma (ln (2 * INR T) + 0 * 0) = 1 - 1 / (2 * INR T + 1)).
  { unfold sigma. replace (- (ln (2 * INR T) + 0 * 0)) with (- ln (2 * INR T)) by ring.
    rewrite exp_Ropp, exp_ln by lra. field. lra. }
  change (fun t : nat => sigma (ln (2 * INR T) + 0 * (fun _ : nat => 0) t))
    with (fun _ : nat => sigma (ln (2 * INR T) + 0 * 0)) in HT.
  rewrite coef_const, Ef in HT.
  assert (Ha : 0 <= 1 / (2 * INR T + 1) <= 1) by (split; [apply Rdiv_le_0_compat |
    apply Rmult_le_reg_r with (2 * INR T + 1); [| unfold Rdiv; rewrite Rmult_assoc, Rinv_l]]; lra).
  pose proof (bernoulli (1 / (2 * INR T + 1)) T Ha) as HB.
  rewrite Rabs_pos_eq in HT by (apply pow_le; lra).
  assert (INR T * (1 / (2 * INR T + 1)) < 1 / 2).
  { apply Rmult_lt_reg_r with (2 * INR T + 1); [lra |].
    replace (INR T * (1 / (2 * INR T + 1)) * (2 * INR T + 1)) with (INR T) by (field; lra). lra. }
  lra.
Qed."""

READINGS: dict[str, tuple[str, ...]] = {
    "lstm_c_growth": ('lstm-c-unbounded/growth',),
    "lstm_c_growth_tight": ('lstm-c-unbounded/growth',),
    "lstm_c_divergence": ('lstm-c-unbounded/divergence',),
    "lstm_c_bounded_inputs": ('lstm-c-unbounded/bounded-inputs',),
    "lstm_zero_U": ('lstm-long-sequences/zero-U',),
    "lstm_long_sequences_not_inevitable": ('lstm-long-sequences/inevitable',),
}


def lstm_group() -> CoqGroup:
    """Lstm.v: the LSTM's cell state over time: lstm-c-unbounded and lstm-long-sequences."""
    return group_from_text("Lstm", "the LSTM's cell state over time: lstm-c-unbounded and lstm-long-sequences", ('Cells', 'Products'), LSTM_V, READINGS,
                           interval=True)
