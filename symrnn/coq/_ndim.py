"""n dimensions in Coq: a small matrix library (Matrix.v), the dimension-free results (NDim.v)
and the exact counterexamples (Counter.v).

Vectors are functions ``nat -> R`` (entries 0..n-1), matrices ``nat -> nat -> R``, sums
``vsum`` over 0..n-1. The spectral norm is not defined as a supremum: ``op_le n A K`` says
K >= 0 and |A x| <= K |x| for every x, so ||A||_2 is the least such K and "for every K with
op_le n U K" speaks about ||U||_2 itself. On this: submultiplicativity (``op_le_mm``), the
norm bound ||diag(d) U|| <= gamma ||U|| (``op_le_diag_mm``), products of Jacobians
(``mprod``). NDim.v: the simple RNN in n dimensions and eq (6) as partial derivatives
(``eq6_nd``), Pascanu's norm bound and vanishing condition, spectral clipping, the GRU's
infinity-norm invariant, the LSTM's coordinatewise growth and divergence. Counter.v: the
2 x 2 counterexamples (nilpotent Jacobian, entrywise clipping, U growing along a null
direction, Pascanu's eigenvalue version at an exact fixed point, the LSTM split cell, the
GRU's 2-norm), each the negation of the reading it refutes.
"""

from __future__ import annotations

from ._model import CoqGroup
from ._source import group_from_text

__all__ = ["matrix_group", "ndim_group", "counter_group"]

MATRIX_V = r"""(* n-vectors are functions nat -> R (entries 0 .. n-1), n x n matrices nat -> nat -> R *)
Fixpoint vsum (n : nat) (f : nat -> R) : R :=
  match n with O => 0 | S m => vsum m f + f m end.

Definition mv (n : nat) (A : nat -> nat -> R) (x : nat -> R) : nat -> R :=
  fun i => vsum n (fun j => A i j * x j).
Definition mm (n : nat) (A B : nat -> nat -> R) : nat -> nat -> R :=
  fun i j => vsum n (fun k => A i k * B k j).
Definition diag (d : nat -> R) : nat -> nat -> R := fun i j => if Nat.eqb i j then d i else 0.
Definition ident : nat -> nat -> R := diag (fun _ => 1).
(* the squared Euclidean norm |x|^2 *)
Definition nsq (n : nat) (x : nat -> R) : R := vsum n (fun i => x i ^ 2).
(* op_le n A K: K >= 0 bounds the spectral norm, |A x| <= K |x| for every x; ||A||_2 is the least
   such K, so a statement for every such K is a statement about ||A||_2 (no supremum is defined) *)
Definition op_le (n : nat) (A : nat -> nat -> R) (K : R) : Prop :=
  0 <= K /\ forall x, nsq n (mv n A x) <= K ^ 2 * nsq n x.

Lemma vsum_ext (n : nat) (f g : nat -> R) : (forall i, (i < n)%nat -> f i = g i) -> vsum n f = vsum n g.
Proof.
  induction n as [| n IH]; intros H; simpl; [reflexivity |].
  rewrite IH by (intros; apply H; lia). rewrite H by lia. reflexivity.
Qed.
Lemma vsum_le (n : nat) (f g : nat -> R) : (forall i, (i < n)%nat -> f i <= g i) -> vsum n f <= vsum n g.
Proof. induction n as [| n IH]; intros H; simpl; [lra |]. apply Rplus_le_compat; [apply IH; intros; apply H; lia | apply H; lia]. Qed.
Lemma vsum_scal (n : nat) (c : R) (f : nat -> R) : vsum n (fun i => c * f i) = c * vsum n f.
Proof. induction n as [| n IH]; simpl; [ring | rewrite IH; ring]. Qed.
Lemma vsum_plus (n : nat) (f g : nat -> R) : vsum n (fun i => f i + g i) = vsum n f + vsum n g.
Proof. induction n as [| n IH]; simpl; [ring | rewrite IH; ring]. Qed.
Lemma vsum_swap (n m : nat) (f : nat -> nat -> R) :
  vsum n (fun i => vsum m (fun j => f i j)) = vsum m (fun j => vsum n (fun i => f i j)).
Proof.
  induction n as [| n IH]; simpl.
  - induction m as [| m IHm]; simpl; [reflexivity | rewrite <- IHm; ring].
  - rewrite IH, <- vsum_plus. reflexivity.
Qed.
Lemma vsum_nonneg (n : nat) (f : nat -> R) : (forall i, (i < n)%nat -> 0 <= f i) -> 0 <= vsum n f.
Proof.
  induction n as [| n IH]; intros H; simpl; [lra |].
  assert (0 <= vsum n f) by (apply IH; intros; apply H; lia). pose proof (H n ltac:(lia)). lra.
Qed.
Lemma nsq_nonneg (n : nat) (x : nat -> R) : 0 <= nsq n x.
Proof. apply vsum_nonneg. intros. apply pow2_ge_0. Qed.

(* a sum against a Kronecker delta picks one entry *)
Lemma vsum_delta (n i : nat) (f : nat -> R) : (i < n)%nat ->
  vsum n (fun k => (if Nat.eqb i k then 1 else 0) * f k) = f i.
Proof.
  induction n as [| n IH]; intros Hi; [lia |]. simpl.
  destruct (Nat.eq_dec i n) as [-> | Hne].
  - rewrite Nat.eqb_refl. rewrite (vsum_ext n _ (fun _ => 0)).
    + assert (Z : vsum n (fun _ => 0) = 0) by (clear; induction n; simpl; [reflexivity | rewrite IHn; ring]).
      rewrite Z. ring.
    + intros k Hk. replace (Nat.eqb n k) with false by (symmetry; apply Nat.eqb_neq; lia). ring.
  - replace (Nat.eqb i n) with false by (symmetry; apply Nat.eqb_neq; exact Hne).
    rewrite IH by lia. ring.
Qed.

Lemma mm_diag (n : nat) (d : nat -> R) (U : nat -> nat -> R) (i j : nat) : (i < n)%nat ->
  mm n (diag d) U i j = d i * U i j.
Proof.
  intros Hi. unfold mm, diag.
  rewrite (vsum_ext n _ (fun k => (if Nat.eqb i k then 1 else 0) * (d i * U k j))).
  - apply (vsum_delta n i (fun k => d i * U k j)). exact Hi.
  - intros k _. destruct (Nat.eqb i k) eqn:E; [apply Nat.eqb_eq in E; subst; ring | ring].
Qed.

Lemma mv_mm (n : nat) (A B : nat -> nat -> R) (x : nat -> R) (i : nat) :
  mv n (mm n A B) x i = mv n A (mv n B x) i.
Proof.
  unfold mv, mm.
  rewrite (vsum_ext n (fun j => vsum n (fun k => A i k * B k j) * x j)
                      (fun j => vsum n (fun k => A i k * (B k j * x j)))).
  - rewrite vsum_swap. apply vsum_ext. intros k _. rewrite <- vsum_scal. reflexivity.
  - intros j _. rewrite Rmult_comm, <- vsum_scal. apply vsum_ext. intros k _. ring.
Qed.

Lemma nsq_ext (n : nat) (x y : nat -> R) : (forall i, (i < n)%nat -> x i = y i) -> nsq n x = nsq n y.
Proof. intros H. apply vsum_ext. intros i Hi. rewrite H by exact Hi. reflexivity. Qed.

(* submultiplicativity: if a bounds ||A|| and b bounds ||B|| then a b bounds ||A B||; with
   a = ||A||_2, b = ||B||_2: ||A B||_2 <= ||A||_2 ||B||_2 *)
Theorem op_le_mm (n : nat) (A B : nat -> nat -> R) (a b : R) :
  op_le n A a -> op_le n B b -> op_le n (mm n A B) (a * b).
Proof.
  intros [Ha HA] [Hb HB]. split; [apply Rmult_le_pos; assumption |].
  intros x. rewrite (nsq_ext n _ (mv n A (mv n B x))) by (intros; apply mv_mm).
  apply Rle_trans with (a ^ 2 * nsq n (mv n B x)); [apply HA |].
  replace ((a * b) ^ 2 * nsq n x) with (a ^ 2 * (b ^ 2 * nsq n x)) by ring.
  apply Rmult_le_compat_l; [apply pow2_ge_0 | apply HB].
Qed.

(* the dimension-free norm bound: if |d_k| <= gamma for every k and K bounds ||U||, then gamma K
   bounds ||diag(d) U||; with K = ||U||_2: ||diag(d) U||_2 <= gamma ||U||_2 *)
Theorem op_le_diag_mm (n : nat) (d : nat -> R) (U : nat -> nat -> R) (gamma K : R) :
  0 <= gamma -> (forall k, (k < n)%nat -> Rabs (d k) <= gamma) -> op_le n U K ->
  op_le n (mm n (diag d) U) (gamma * K).
Proof.
  intros Hg Hd [HK HU]. split; [apply Rmult_le_pos; assumption |].
  intros x.
  apply Rle_trans with (gamma ^ 2 * nsq n (mv n U x)).
  - unfold nsq. rewrite <- vsum_scal. apply vsum_le. intros i Hi.
    assert (E : mv n (mm n (diag d) U) x i = d i * mv n U x i).
    { unfold mv. rewrite <- vsum_scal. apply vsum_ext. intros j _. rewrite mm_diag by exact Hi. ring. }
    rewrite E. rewrite Rpow_mult_distr. apply Rmult_le_compat_r; [apply pow2_ge_0 |].
    rewrite <- (pow2_abs (d i)). apply pow_incr. split; [apply Rabs_pos | apply Hd; exact Hi].
  - replace ((gamma * K) ^ 2 * nsq n x) with (gamma ^ 2 * (K ^ 2 * nsq n x)) by ring.
    apply Rmult_le_compat_l; [apply pow2_ge_0 | apply HU].
Qed.

Lemma op_le_ident (n : nat) : op_le n ident 1.
Proof.
  split; [lra |]. intros x. rewrite pow1, Rmult_1_l. right. apply nsq_ext. intros i Hi.
  unfold mv, ident, diag. apply vsum_delta. exact Hi.
Qed.

(* J_t ... J_1 *)
Fixpoint mprod (n : nat) (J : nat -> nat -> nat -> R) (t : nat) : nat -> nat -> R :=
  match t with O => ident | S m => mm n (J (S m)) (mprod n J m) end.

Theorem op_le_mprod (n : nat) (J : nat -> nat -> nat -> R) (q : R) :
  (forall j, op_le n (J j) q) -> forall t, op_le n (mprod n J t) (q ^ t).
Proof.
  intros HJ t. induction t as [| m IH]; [apply op_le_ident |].
  simpl. apply op_le_mm; [apply HJ | exact IH].
Qed.

(* h + s e_l: the vector h with its l-th entry moved by s *)
Definition upd (h : nat -> R) (l : nat) (s : R) : nat -> R :=
  fun j => if Nat.eqb j l then h j + s else h j.

Lemma mv_upd (n : nat) (U : nat -> nat -> R) (h : nat -> R) (l k : nat) (s : R) : (l < n)%nat ->
  mv n U (upd h l s) k = mv n U h k + s * U k l.
Proof.
  intros Hl. unfold mv, upd.
  rewrite (vsum_ext n _ (fun j => U k j * h j + (if Nat.eqb l j then 1 else 0) * (s * U k j))).
  - rewrite vsum_plus, (vsum_delta n l (fun j => s * U k j)) by exact Hl. reflexivity.
  - intros j _. destruct (Nat.eqb j l) eqn:E.
    + apply Nat.eqb_eq in E. subst. rewrite Nat.eqb_refl. ring.
    + replace (Nat.eqb l j) with false by (symmetry; apply Nat.eqb_neq; apply Nat.eqb_neq in E; auto).
      ring.
Qed.

(* op_le for a diagonal matrix: ||diag(d)|| <= gamma when every |d_k| <= gamma *)
Lemma op_le_diag (n : nat) (d : nat -> R) (gamma : R) :
  0 <= gamma -> (forall k, (k < n)%nat -> Rabs (d k) <= gamma) -> op_le n (diag d) gamma.
Proof.
  intros Hg Hd. split; [exact Hg |]. intros x. unfold nsq. rewrite <- vsum_scal.
  apply vsum_le. intros i Hi.
  assert (E : mv n (diag d) x i = d i * x i).
  { unfold mv, diag. rewrite (vsum_ext n _ (fun j => (if Nat.eqb i j then 1 else 0) * (d i * x j))).
    - apply (vsum_delta n i (fun j => d i * x j)). exact Hi.
    - intros j _. destruct (Nat.eqb i j) eqn:E; [apply Nat.eqb_eq in E; subst; ring | ring]. }
  rewrite E, Rpow_mult_distr. apply Rmult_le_compat_r; [apply pow2_ge_0 |].
  rewrite <- (pow2_abs (d i)). apply pow_incr. split; [apply Rabs_pos | apply Hd; exact Hi].
Qed.

(* a lower bound of the norm: if |A x|^2 > K^2 |x|^2 for some x, K does not bound ||A|| *)
Lemma not_op_le (n : nat) (A : nat -> nat -> R) (K : R) (x : nat -> R) :
  K ^ 2 * nsq n x < nsq n (mv n A x) -> ~ op_le n A K.
Proof. intros H [_ HA]. specialize (HA x). lra. Qed.

(* 2 x 2 matrices and 2-vectors, entry by entry *)
Definition m2 (a b c d : R) : nat -> nat -> R :=
  fun i j => match i, j with
             | O, O => a | O, S O => b | S O, O => c | S O, S O => d | _, _ => 0 end.
Definition v2 (x y : R) : nat -> R := fun i => match i with O => x | S O => y | _ => 0 end.

Lemma nsq2 (x : nat -> R) : nsq 2 x = x 0%nat ^ 2 + x 1%nat ^ 2.
Proof. unfold nsq. simpl. ring. Qed.
Lemma mv2 (A : nat -> nat -> R) (x : nat -> R) (i : nat) :
  mv 2 A x i = A i 0%nat * x 0%nat + A i 1%nat * x 1%nat.
Proof. unfold mv. simpl. ring. Qed.

Lemma op_le_mono (n : nat) (A : nat -> nat -> R) (K K' : R) : op_le n A K -> K <= K' -> op_le n A K'.
Proof.
  intros [HK HA] HKK. split; [lra |]. intros x. eapply Rle_trans; [apply HA |].
  apply Rmult_le_compat_r; [apply nsq_nonneg | apply pow_incr; lra].
Qed.

Lemma op_le_mv_ext (n : nat) (A B : nat -> nat -> R) (K : R) :
  (forall x i, (i < n)%nat -> mv n A x i = mv n B x i) -> op_le n A K -> op_le n B K.
Proof.
  intros E [HK HA]. split; [exact HK |]. intros x.
  rewrite <- (nsq_ext n (mv n A x)) by (intros; apply E; assumption). apply HA.
Qed.

Lemma vsum_zero (n : nat) : vsum n (fun _ => 0) = 0.
Proof. induction n as [| n IH]; simpl; [reflexivity | rewrite IH; ring]. Qed."""

NDIM_V = r"""(* The simple RNN in n dimensions, h_t = phi(U h_(t-1) + a), a = W x_t + b (any vector) *)
Definition rnn_nd (n : nat) (U : nat -> nat -> R) (a h : nat -> R) : nat -> R :=
  fun k => tanh (mv n U h k + a k).
(* eq (6) in n dimensions: diag(1 - h_t o h_t) U, the diagonal left of U *)
Definition rnn_nd_jac (n : nat) (U : nat -> nat -> R) (a h : nat -> R) : nat -> nat -> R :=
  mm n (diag (fun k => 1 - rnn_nd n U a h k ^ 2)) U.
Definition relu_nd (n : nat) (U : nat -> nat -> R) (a h : nat -> R) : nat -> R :=
  fun k => relu (mv n U h k + a k).
Definition relu_nd_jac (n : nat) (U : nat -> nat -> R) (a h : nat -> R) : nat -> nat -> R :=
  mm n (diag (fun k => relu_prime (mv n U h k + a k))) U.

(* eq6, n dimensions: the partial derivative of h_t[k] in h_(t-1)[l] is entry (k, l) of
   diag(1 - h_t o h_t) U, for every n, U, a, h_(t-1) *)
Theorem eq6_nd (n : nat) (U : nat -> nat -> R) (a h : nat -> R) (k l : nat) :
  (k < n)%nat -> (l < n)%nat ->
  is_derive (fun s => rnn_nd n U a (upd h l s) k) 0 (rnn_nd_jac n U a h k l).
Proof.
  intros Hk Hl. unfold rnn_nd_jac. rewrite mm_diag by exact Hk.
  apply is_derive_ext with (fun s => tanh (mv n U h k + s * U k l + a k)).
  - intros s. unfold rnn_nd. rewrite mv_upd by exact Hl. reflexivity.
  - unfold rnn_nd. cbv zeta; unfold sigma, tanh, Rdiv, Rminus; auto_derive; [nonzero | rewrite !Rmult_0_l, !Rplus_0_r; field; nonzero].
Qed.

Lemma tanh_pos (x : R) : 0 < x -> 0 < tanh x.
Proof.
  intros H. unfold tanh. apply Rdiv_lt_0_compat.
  - assert (exp (- x) < exp x) by (apply exp_increasing; lra). lra.
  - pose proof (exp_pos x). pose proof (exp_pos (- x)). lra.
Qed.

(* ... and the other placement, U diag(1 - h_t o h_t), is false: n = 2, U = [[0, 1], [0, 0]],
   a = (1, 0), h_(t-1) = 0 *)
Theorem eq6_nd_not_right :
  ~ (forall (n : nat) (U : nat -> nat -> R) (a h : nat -> R) (k l : nat), (k < n)%nat -> (l < n)%nat ->
     is_derive (fun s => rnn_nd n U a (upd h l s) k) 0
       (mm n U (diag (fun j => 1 - rnn_nd n U a h j ^ 2)) k l)).
Proof.
  intros H.
  set (U := fun i j : nat => if andb (Nat.eqb i 0) (Nat.eqb j 1) then 1 else 0).
  set (a := fun i : nat => if Nat.eqb i 0 then 1 else 0).
  specialize (H 2%nat U a (fun _ => 0) 0%nat 1%nat ltac:(lia) ltac:(lia)).
  pose proof (is_derive_eq _ _ _ _ H (eq6_nd 2 U a (fun _ => 0) 0 1 ltac:(lia) ltac:(lia))) as E.
  unfold rnn_nd_jac, mm, diag, rnn_nd, mv, U, a in E. simpl in E.
  assert (T : 0 < tanh 1) by (apply tanh_pos; lra).
  replace (0 + 0 * 0 + 0 * 0 + 0) with 0 in E by ring. rewrite tanh_0 in E.
  replace (0 + 0 * 0 + 1 * 0 + 1) with 1 in E by ring.
  assert (tanh 1 ^ 2 = 0) by nra.
  nra.
Qed.

(* pascanu-norm-bound: for every n, U, a, h and every K bounding ||U||_2 (so for K = ||U||_2, the
   least one): the tanh RNN's Jacobian diag(1 - h_t^2) U (eq6_nd) is bounded by 1 * K
   (gamma = 1), and diag(sigma'(z)) U, the Jacobian of a sigmoid RNN at pre-activations z, by
   K/4 (gamma = 1/4: sigma' = sigma (1 - sigma) <= 1/4, eq 4d) *)
Theorem pascanu_norm_bound (n : nat) (U : nat -> nat -> R) (a h z : nat -> R) (K : R) :
  op_le n U K ->
  op_le n (rnn_nd_jac n U a h) (1 * K) /\
  op_le n (mm n (diag (fun k => sigma (z k) * (1 - sigma (z k)))) U) (1 / 4 * K).
Proof.
  intros HU. split.
  - apply op_le_diag_mm; [lra | | exact HU]. intros k _. apply sech2_abs_le_1.
  - apply op_le_diag_mm; [lra | | exact HU]. intros k _. pose proof (sigma_range (z k)).
    rewrite Rabs_pos_eq by nra. pose proof (pow2_ge_0 (sigma (z k) - 1 / 2)). nra.
Qed.

(* pascanu-vanishing-sufficient: if every factor is diag(d_t) U with |d_t[k]| <= gamma (the
   tanh RNN: d_t = 1 - h_t^2 on any trajectory, gamma = 1) and K bounds ||U|| with gamma K < 1,
   then ||J_T ... J_1|| <= (gamma K)^T, which tends to 0 *)
Theorem pascanu_vanishing_sufficient (n : nat) (U : nat -> nat -> R) (d : nat -> nat -> R)
  (gamma K : R) : 0 <= gamma -> (forall t k, (k < n)%nat -> Rabs (d t k) <= gamma) ->
  op_le n U K -> gamma * K < 1 ->
  (forall T, op_le n (mprod n (fun t => mm n (diag (d t)) U) T) ((gamma * K) ^ T)) /\
  is_lim_seq (fun T => (gamma * K) ^ T) 0.
Proof.
  intros Hg Hd HU HK. assert (HK0 : 0 <= K) by apply HU. split.
  - apply op_le_mprod. intros t. apply op_le_diag_mm; [exact Hg | apply Hd | exact HU].
  - apply is_lim_seq_geom. rewrite Rabs_pos_eq; [exact HK | apply Rmult_le_pos; assumption].
Qed.

(* clip-prevents-explosion, n-D spectral clipping: if ||U||_2 <= 1, every product of t factors
   diag(d_j) U with |d_j[k]| <= 1 (tanh: 1 - h_j^2; relu: relu'(z_j) in {0, 1}) has norm <= 1,
   for every t and every trajectory *)
Theorem clip_nd_spectral (n : nat) (U : nat -> nat -> R) (d : nat -> nat -> R) :
  (forall t k, (k < n)%nat -> Rabs (d t k) <= 1) -> op_le n U 1 ->
  forall t, op_le n (mprod n (fun j => mm n (diag (d j)) U) t) 1.
Proof.
  intros Hd HU t. rewrite <- (pow1 t). apply op_le_mprod. intros j.
  replace 1 with (1 * 1) by ring. apply op_le_diag_mm; [lra | apply Hd | exact HU].
Qed.

(* vanish-explode, n-D vanishing: if ||J_j||_2 <= q < 1 for every j, then
   ||J_t ... J_1||_2 <= q^t -> 0 *)
Theorem vanish_nd (n : nat) (J : nat -> nat -> nat -> R) (q : R) : 0 <= q < 1 ->
  (forall j, op_le n (J j) q) ->
  (forall t, op_le n (mprod n J t) (q ^ t)) /\ is_lim_seq (fun t => q ^ t) 0.
Proof.
  intros Hq HJ. split; [apply op_le_mprod, HJ |].
  apply is_lim_seq_geom. rewrite Rabs_pos_eq; lra.
Qed.

(* xsech2-bound, n-D: for every n and c, ||diag((1 - tanh^2 c) o c)||_2 <= g_star < 0.45 *)
Theorem xsech2_nd (n : nat) (c : nat -> R) :
  op_le n (diag (fun k => (1 - tanh (c k) ^ 2) * c k)) g_star /\ g_star < 0.45.
Proof.
  split; [| unfold g_star; lra].
  apply op_le_diag; [unfold g_star; lra | intros k _; apply xsech2_le_g_star].
Qed.

(* relu-unbounded, n-D, first half: ||dh_t/dh_(t-1)|| <= ||U|| for tanh (eq6_nd) and for relu
   (diag(relu'(z)) U, its Jacobian where no pre-activation is 0) *)
Theorem relu_tanh_nd_le_U (n : nat) (U : nat -> nat -> R) (a h : nat -> R) (K : R) :
  op_le n U K -> op_le n (rnn_nd_jac n U a h) (1 * K) /\ op_le n (relu_nd_jac n U a h) (1 * K).
Proof.
  intros HU. split; apply op_le_diag_mm; try lra; try exact HU; intros k _.
  - apply sech2_abs_le_1.
  - apply relu_prime_abs_le_1.
Qed.

(* The LSTM's secondary terms in n dimensions (eq8_nd, eq9/10 n-D): row factors left of the
   matrix, the column factor o_(t-1) o (1 - tanh^2 c_(t-1)) right of it *)
Definition lstm_col (n : nat) (o c : nat -> R) : nat -> nat -> R :=
  diag (fun l => o l * (1 - tanh (c l) ^ 2)).
Definition term9_nd (n : nat) (c f o : nat -> R) (U_f : nat -> nat -> R) : nat -> nat -> R :=
  mm n (mm n (diag (fun k => c k * f k * (1 - f k))) U_f) (lstm_col n o c).
Definition term10a_nd (n : nat) (c i o chat : nat -> R) (U_i : nat -> nat -> R) : nat -> nat -> R :=
  mm n (mm n (diag (fun k => chat k * i k * (1 - i k))) U_i) (lstm_col n o c).
Definition term10b_nd (n : nat) (c i o chat : nat -> R) (U_c : nat -> nat -> R) : nat -> nat -> R :=
  mm n (mm n (diag (fun k => i k * (1 - chat k ^ 2))) U_c) (lstm_col n o c).
(* dc_t/dc_(t-1) - diag(f_t): the three terms *)
Definition lstm_secondary_nd (n : nat) (c f i o chat : nat -> R) (U_f U_i U_c : nat -> nat -> R)
  : nat -> nat -> R :=
  fun k l => term9_nd n c f o U_f k l + term10a_nd n c i o chat U_i k l + term10b_nd n c i o chat U_c k l.
(* the GRU's term -diag(z (1 - z) h_(t-1)) U_z *)
Definition gru_zh_nd (n : nat) (z h : nat -> R) (U_z : nat -> nat -> R) : nat -> nat -> R :=
  mm n (diag (fun k => - (z k * (1 - z k) * h k))) U_z.

(* the GRU term is squeezed in n-D: ||diag(z (1 - z) h) U_z|| <= ||U_z||/4 when |h[k]| <= 1 *)
Lemma gru_zh_nd_le (n : nat) (z h : nat -> R) (U_z : nat -> nat -> R) (K : R) :
  (forall k, (k < n)%nat -> 0 < z k < 1) -> (forall k, (k < n)%nat -> Rabs (h k) <= 1) ->
  op_le n U_z K -> op_le n (gru_zh_nd n z h U_z) (1 / 4 * K).
Proof.
  intros Hz Hh HU. apply op_le_diag_mm; [lra | | exact HU]. intros k Hk.
  specialize (Hz k Hk). specialize (Hh k Hk). rewrite Rabs_Ropp, Rabs_mult.
  rewrite Rabs_pos_eq by nra. assert (z k * (1 - z k) <= 1 / 4) by (pose proof (pow2_ge_0 (z k - 1 / 2)); nra).
  pose proof (Rabs_pos (h k)). nra.
Qed.

(* The GRU (11) in n dimensions: z = sigma(U_z h + a_z), r = sigma(U_r h + a_r),
   hhat = tanh(U_h (r o h) + a_h), h_t = (1 - z) o h + z o hhat, with a_* = W_* x_t + b_* *)
Definition gru_nd (n : nat) (U_z U_r U_h : nat -> nat -> R) (a_z a_r a_h h : nat -> R) : nat -> R :=
  fun k => let z := sigma (mv n U_z h k + a_z k) in
           let hhat := tanh (mv n U_h (fun j => sigma (mv n U_r h j + a_r j) * h j) k + a_h k) in
           h k * (1 - z) + hhat * z.
Fixpoint gru_nd_seq (n : nat) (U_z U_r U_h : nat -> nat -> R) (a_z a_r a_h : nat -> nat -> R)
  (h_0 : nat -> R) (t : nat) : nat -> R :=
  match t with
  | O => h_0
  | S m => gru_nd n U_z U_r U_h (a_z (S m)) (a_r (S m)) (a_h (S m)) (gru_nd_seq n U_z U_r U_h a_z a_r a_h h_0 m)
  end.

(* gru-h-bounded, n-D, infinity norm (GRU 11): if every |h_0[k]| <= 1 then every |h_t[k]| <= 1,
   for every t, all weight matrices and every input sequence *)
Theorem gru_h_bounded_nd (n : nat) (U_z U_r U_h : nat -> nat -> R) (a_z a_r a_h : nat -> nat -> R)
  (h_0 : nat -> R) : (forall k, (k < n)%nat -> Rabs (h_0 k) <= 1) ->
  forall t k, (k < n)%nat -> Rabs (gru_nd_seq n U_z U_r U_h a_z a_r a_h h_0 t k) <= 1.
Proof.
  intros H0 t. induction t as [| m IH]; intros k Hk; [apply H0, Hk |].
  cbn [gru_nd_seq]. unfold gru_nd. cbv zeta.
  specialize (IH k Hk). apply Rabs_le_between in IH.
  gates_bounded. apply Rabs_le. split; nra.
Qed.

(* The LSTM (7) in n dimensions: c_t = f o c_(t-1) + i o chat, h_t = o o tanh(c_t), each gate
   sigma or tanh of U_* h_(t-1) + a_*, a_* = W_* x_t + b_* *)
Definition lstm_c_nd (n : nat) (U_f U_i U_c : nat -> nat -> R) (a_f a_i a_c h c : nat -> R) : nat -> R :=
  fun k => c k * sigma (mv n U_f h k + a_f k) + tanh (mv n U_c h k + a_c k) * sigma (mv n U_i h k + a_i k).
Definition lstm_h_nd (n : nat) (U_o : nat -> nat -> R) (a_o c_new h : nat -> R) : nat -> R :=
  fun k => sigma (mv n U_o h k + a_o k) * tanh (c_new k).
Fixpoint lstm_nd_seq (n : nat) (U_f U_i U_o U_c : nat -> nat -> R) (a_f a_i a_o a_c : nat -> nat -> R)
  (h_0 c_0 : nat -> R) (t : nat) : (nat -> R) * (nat -> R) :=
  match t with
  | O => (h_0, c_0)
  | S m => let p := lstm_nd_seq n U_f U_i U_o U_c a_f a_i a_o a_c h_0 c_0 m in
           let c := lstm_c_nd n U_f U_i U_c (a_f (S m)) (a_i (S m)) (a_c (S m)) (fst p) (snd p) in
           (lstm_h_nd n U_o (a_o (S m)) c (fst p), c)
  end.

Lemma lstm_c_nd_step (n : nat) (U_f U_i U_c : nat -> nat -> R) (a_f a_i a_c h c : nat -> R) (k : nat) :
  Rabs (lstm_c_nd n U_f U_i U_c a_f a_i a_c h c k) < Rabs (c k) + 1.
Proof.
  unfold lstm_c_nd. gates_bounded.
  assert (Rabs (c k * s) = s * Rabs (c k)) by (rewrite Rabs_mult, (Rabs_pos_eq s) by lra; ring).
  assert (Rabs (th * s0) < 1) by (rewrite Rabs_mult, (Rabs_pos_eq s0) by lra;
                                   assert (Rabs th < 1) by (apply Rabs_def1; lra); nra).
  pose proof (Rabs_triang (c k * s) (th * s0)). pose proof (Rabs_pos (c k)). nra.
Qed.

(* lstm-c-unbounded, n-D: |c_t[k]| < |c_0[k]| + t for every coordinate k and every t >= 1, all
   weight matrices and inputs (so ||c_t||_inf < ||c_0||_inf + t) *)
Theorem lstm_c_growth_nd (n : nat) (U_f U_i U_o U_c : nat -> nat -> R) (a_f a_i a_o a_c : nat -> nat -> R)
  (h_0 c_0 : nat -> R) (t k : nat) : (1 <= t)%nat ->
  Rabs (snd (lstm_nd_seq n U_f U_i U_o U_c a_f a_i a_o a_c h_0 c_0 t) k) < Rabs (c_0 k) + INR t.
Proof.
  intros Ht.
  assert (Hle : forall m, Rabs (snd (lstm_nd_seq n U_f U_i U_o U_c a_f a_i a_o a_c h_0 c_0 m) k)
                          <= Rabs (c_0 k) + INR m).
  { induction m as [| m IH]; [simpl; lra |]. cbn [lstm_nd_seq snd]. rewrite S_INR.
    pose proof (lstm_c_nd_step n U_f U_i U_c (a_f (S m)) (a_i (S m)) (a_c (S m))
                  (fst (lstm_nd_seq n U_f U_i U_o U_c a_f a_i a_o a_c h_0 c_0 m))
                  (snd (lstm_nd_seq n U_f U_i U_o U_c a_f a_i a_o a_c h_0 c_0 m)) k). lra. }
  destruct t as [| m]; [lia |]. cbn [lstm_nd_seq snd]. rewrite S_INR.
  pose proof (lstm_c_nd_step n U_f U_i U_c (a_f (S m)) (a_i (S m)) (a_c (S m))
                (fst (lstm_nd_seq n U_f U_i U_o U_c a_f a_i a_o a_c h_0 c_0 m))
                (snd (lstm_nd_seq n U_f U_i U_o U_c a_f a_i a_o a_c h_0 c_0 m)) k).
  pose proof (Hle m). lra.
Qed.

Lemma mv_zero (n : nat) (h : nat -> R) (k : nat) : mv n (fun _ _ => 0) h k = 0.
Proof. unfold mv. rewrite (vsum_ext n _ (fun _ => 0)) by (intros; ring). apply vsum_zero. Qed.

(* lstm-c-unbounded, n-D divergence: n copies of the 1-D example (lstm_c_divergence): zero
   weight matrices, a_f = ln(t(t+2)) (W_f = I, x_t = ln(t(t+2)) 1), a_c = ln 3, a_i = a_o = 0,
   c_0 = 0: every coordinate has c_t[k] >= 4t/15 *)
Theorem lstm_c_divergence_nd (n : nat) (h_0 : nat -> R) :
  let Z := fun _ _ : nat => 0 in
  let a_f := fun t (_ : nat) => ln (INR t * (INR t + 2)) in
  let a_c := fun (_ _ : nat) => ln 3 in
  let a_0 := fun (_ _ : nat) => 0 in
  forall t k, 4 * INR t / 15 <= snd (lstm_nd_seq n Z Z Z Z a_f a_0 a_0 a_c h_0 (fun _ => 0) t) k.
Proof.
  intros Z a_f a_c a_0 t k.
  destruct (lstm_c_divergence 0) as [H _].
  set (x := fun t : nat => ln (INR t * (INR t + 2))) in H.
  enough (E : snd (lstm_nd_seq n Z Z Z Z a_f a_0 a_0 a_c h_0 (fun _ => 0) t) k
              = lstm_c_seq 1 0 0 0 0 0 0 0 0 0 0 (ln 3) x 0 0 t) by (rewrite E; apply H).
  induction t as [| m IH]; [reflexivity |].
  cbn [lstm_nd_seq snd]. unfold lstm_c_nd. rewrite IH, !mv_zero.
  unfold lstm_c_seq. cbn [lstm_seq snd]. rewrite lstm_c_t_divergent.
  unfold a_f, a_c, a_0, x. rewrite !Rplus_0_l, sigma_0.
  unfold tanh. rewrite exp_Ropp, exp_ln by lra. field.
Qed."""

COUNTER_V = r"""(* the tanh RNN's Jacobian at the fixed point h = 0 with a = 0 is U itself (1 - tanh^2 0 = 1) *)
Lemma rnn_jac_at_zero (U : nat -> nat -> R) (x : nat -> R) (i : nat) : (i < 2)%nat ->
  mv 2 (rnn_nd_jac 2 U (fun _ => 0) (fun _ => 0)) x i = mv 2 U x i.
Proof.
  intros Hi. rewrite !mv2. unfold rnn_nd_jac. rewrite !mm_diag by exact Hi.
  unfold rnn_nd, mv. simpl. replace (0 + U i 0%nat * 0 + U i 1%nat * 0 + 0) with 0 by ring.
  rewrite tanh_0. ring.
Qed.

Lemma rnn_nd_zero_fixed (U : nat -> nat -> R) (k : nat) : rnn_nd 2 U (fun _ => 0) (fun _ => 0) k = 0.
Proof. unfold rnn_nd, mv. simpl. replace (0 + U k 0%nat * 0 + U k 1%nat * 0 + 0) with 0 by ring. apply tanh_0. Qed.

(* vanish-explode, n-D explosion: refuted. ||J_j||_2 >= q > 1 at every step does not make the
   products explode: the tanh RNN at its fixed point h = 0 with U = [[0, 2], [0, 0]] has
   J_j = U at every step, ||U||_2 = 2 (2 bounds it and nothing smaller does), and
   J_2 J_1 = U U = 0, so every product stays bounded by 2 *)
Theorem explode_nd_refuted :
  ~ (forall (n : nat) (J : nat -> nat -> nat -> R) (q : R), 1 < q ->
       (forall j K, op_le n (J j) K -> q <= K) ->
       forall M, exists t, ~ op_le n (mprod n J t) M).
Proof.
  intros H. set (U := m2 0 2 0 0). set (J := fun _ : nat => rnn_nd_jac 2 U (fun _ => 0) (fun _ => 0)).
  assert (HJU : forall j x i, (i < 2)%nat -> mv 2 (J j) x i = mv 2 U x i)
    by (intros j x i Hi; unfold J; exact (rnn_jac_at_zero U x i Hi)).
  assert (HU2 : op_le 2 U 2).
  { split; [lra |]. intros x. rewrite !nsq2, !mv2. unfold U, m2. nra. }
  assert (Hq : forall j K, op_le 2 (J j) K -> 2 <= K).
  { intros j K [HK HA]. specialize (HA (v2 0 1)). rewrite !nsq2 in HA.
    rewrite (HJU j _ 0%nat), (HJU j _ 1%nat) in HA by lia. rewrite !mv2 in HA.
    unfold U, m2, v2 in HA. simpl in HA. nra. }
  (* every product of length >= 2 is 0, the shorter ones are bounded by 2 *)
  assert (Hz : forall t x i, (i < 2)%nat -> mv 2 (mprod 2 J (S (S t))) x i = 0).
  { intros t x i Hi. cbn [mprod]. rewrite mv_mm, HJU by exact Hi. rewrite mv2.
    rewrite (mv_mm 2 (J (S t)) (mprod 2 J t) x 0%nat), (mv_mm 2 (J (S t)) (mprod 2 J t) x 1%nat).
    rewrite (HJU _ _ 0%nat), (HJU _ _ 1%nat) by lia. rewrite !mv2.
    unfold U, m2. destruct i as [| [| i]]; [ring | ring | lia]. }
  destruct (H 2%nat J 2 ltac:(lra) Hq 2) as [t Ht]. apply Ht.
  destruct t as [| [| t]].
  - apply op_le_mono with 1; [apply op_le_ident | lra].
  - cbn [mprod]. replace 2 with (2 * 1) by ring. apply op_le_mm; [| apply op_le_ident].
    apply op_le_mv_ext with U; [intros; symmetry; apply HJU; assumption | exact HU2].
  - split; [lra |]. intros x. rewrite (nsq_ext 2 _ (fun _ => 0)) by (intros; apply Hz; assumption).
    rewrite nsq2. pose proof (nsq_nonneg 2 x). nra.
Qed.

(* clip-prevents-explosion, n-D entrywise clipping: refuted. Every entry of U = [[1, 1], [1, 1]]
   is in [-1, 1], yet at the tanh RNN's fixed point h = 0 (a = 0) the Jacobian is U at every step
   and U^t (1, 1) = 2^t (1, 1): no M bounds ||J_t ... J_1||_2 for every t *)
Theorem clip_nd_entrywise_refuted :
  ~ (forall U : nat -> nat -> R, (forall i j, (i < 2)%nat -> (j < 2)%nat -> Rabs (U i j) <= 1) ->
       exists M, forall t,
       op_le 2 (mprod 2 (fun _ => rnn_nd_jac 2 U (fun _ => 0) (fun _ => 0)) t) M).
Proof.
  intros H. set (U := m2 1 1 1 1).
  destruct (H U) as [M HM].
  { intros i j Hi Hj. unfold U, m2. destruct i as [| [| i]]; destruct j as [| [| j]]; try lia;
    rewrite Rabs_R1; lra. }
  set (J := fun _ : nat => rnn_nd_jac 2 U (fun _ => 0) (fun _ => 0)).
  assert (HP : forall t i, (i < 2)%nat -> mv 2 (mprod 2 J t) (v2 1 1) i = 2 ^ t).
  { induction t as [| t IH]; intros i Hi.
    - cbn [mprod]. unfold mv, ident, diag. simpl. destruct i as [| [| i]]; [simpl; ring | simpl; ring | lia].
    - cbn [mprod]. rewrite mv_mm. unfold J. rewrite rnn_jac_at_zero by exact Hi. rewrite mv2.
      rewrite !IH by lia. unfold U, m2. destruct i as [| [| i]]; [simpl; ring | simpl; ring | lia]. }
  destruct (proj2 (is_lim_seq_spec _ _) (is_lim_seq_geom_p 2 ltac:(lra)) (Rabs M)) as [N HN].
  specialize (HN N (Nat.le_refl N)). destruct (HM N) as [HM0 HA].
  specialize (HA (v2 1 1)). rewrite !nsq2, !HP in HA by lia. unfold v2 in HA. simpl in HA.
  pose proof (Rle_abs M). assert (0 <= 2 ^ N) by (apply pow_le; lra).
  rewrite Rabs_pos_eq in HN by lra. nra.
Qed.

(* tanh-bounded-in-U, n-D: refuted. For fixed h_(t-1) = (1, 0) <> 0 and a = 0 no C bounds
   ||diag(1 - h_t^2) U||_2 over all U: U = [[0, 0], [0, M]] has U h_(t-1) = 0, so h_t = 0 and
   the Jacobian is U, whose norm is at least M *)
Theorem tanh_in_U_nd_refuted :
  ~ (exists C, forall U : nat -> nat -> R, op_le 2 (rnn_nd_jac 2 U (fun _ => 0) (v2 1 0)) C).
Proof.
  intros [C HC]. set (M := Rabs C + 1). set (U := m2 0 0 0 M).
  destruct (HC U) as [HC0 HA]. specialize (HA (v2 0 1)).
  rewrite !nsq2, !mv2 in HA. unfold rnn_nd_jac in HA. rewrite !mm_diag in HA by lia.
  unfold rnn_nd, mv, U, m2, v2 in HA. simpl in HA.
  replace (0 + M * 1 + 0 * 0 + 0) with M in HA by ring.
  replace (0 + 0 * 1 + M * 0 + 0) with 0 in HA by ring.
  replace (0 + 0 * 1 + 0 * 0 + 0) with 0 in HA by ring. rewrite tanh_0 in HA.
  pose proof (Rle_abs C). unfold M in HA. pose proof (Rabs_pos C). nra.
Qed.

(* the fixed point of Pascanu's counterexample: tanh(ln 5) = 12/13 *)
Lemma tanh_ln5 : tanh (ln 5) = 12 / 13.
Proof. unfold tanh. rewrite exp_Ropp, exp_ln by lra. field. Qed.

Definition pascanu_U : nat -> nat -> R := m2 (3/2) 2 (-1) (-3/2).
Definition pascanu_a : nat -> R := v2 (-24/13) (ln 5 + 18/13).
Definition pascanu_h : nat -> R := v2 0 (12/13).

Lemma pascanu_fixed (k : nat) : (k < 2)%nat -> rnn_nd 2 pascanu_U pascanu_a pascanu_h k = pascanu_h k.
Proof.
  intros Hk. unfold rnn_nd, mv, pascanu_U, pascanu_a, pascanu_h, m2, v2. simpl.
  destruct k as [| [| k]]; [| | lia].
  - replace (0 + 3 / 2 * 0 + 2 * (12 / 13) + -24 / 13) with 0 by field. apply tanh_0.
  - replace (0 + -1 * 0 + -3 / 2 * (12 / 13) + (ln 5 + 18 / 13)) with (ln 5) by field. apply tanh_ln5.
Qed.

(* pascanu-eigenvalue-version: refuted. U = [[3/2, 2], [-1, -3/2]] has U U = I/4, so every
   eigenvalue mu of U has mu^2 = 1/4 and the spectral radius is 1/2 < 1 = 1/gamma (tanh); yet the
   tanh RNN with W = 0, b = (-24/13, ln 5 + 18/13) has the fixed point h* = (0, 12/13), and its
   Jacobian there (eq6_nd), J = diag(1 - h*^2) U, has an eigenvector v <> 0 with eigenvalue
   lambda > 13/10: J^T v = lambda^T v for every T *)
Theorem pascanu_eigenvalue_counterexample :
  (forall i j, (i < 2)%nat -> (j < 2)%nat -> mm 2 pascanu_U pascanu_U i j = 1 / 4 * ident i j) /\
  (forall k, (k < 2)%nat -> rnn_nd 2 pascanu_U pascanu_a pascanu_h k = pascanu_h k) /\
  exists lambda v, 13 / 10 < lambda /\ 0 < nsq 2 v /\ forall T i, (i < 2)%nat ->
    mv 2 (mprod 2 (fun _ => rnn_nd_jac 2 pascanu_U pascanu_a pascanu_h) T) v i = lambda ^ T * v i.
Proof.
  split; [| split; [exact pascanu_fixed |]].
  { intros i j Hi Hj. unfold mm, ident, diag, pascanu_U, m2. simpl.
    destruct i as [| [| i]]; destruct j as [| [| j]]; try lia; simpl; field. }
  set (tr := 216 / 169). set (D := tr ^ 2 + 100 / 676).
  assert (HD : 0 < D) by (unfold D, tr; lra).
  pose proof (sqrt_sqrt D (Rlt_le _ _ HD)) as Hs. pose proof (sqrt_pos D) as Hs0.
  set (l := (tr + sqrt D) / 2).
  assert (Hl : l * l - tr * l - 25 / 676 = 0) by (unfold l, D in *; nra).
  assert (Hl13 : 13 / 10 < l).
  { unfold l. assert (2 * (13 / 10) - tr < sqrt D); [| lra].
    unfold D, tr in *. nra. }
  exists l, (v2 2 (l - 3 / 2)). split; [exact Hl13 | split].
  { rewrite nsq2. unfold v2. simpl. nra. }
  assert (HJ : forall i, (i < 2)%nat ->
            mv 2 (rnn_nd_jac 2 pascanu_U pascanu_a pascanu_h) (v2 2 (l - 3 / 2)) i = l * v2 2 (l - 3 / 2) i).
  { intros i Hi. rewrite mv2. unfold rnn_nd_jac. rewrite !mm_diag by exact Hi.
    rewrite pascanu_fixed by exact Hi. unfold pascanu_h, pascanu_U, m2, v2.
    destruct i as [| [| i]]; [simpl; ring | simpl | lia].
    unfold tr in Hl. nra. }
  induction T as [| T IH]; intros i Hi.
  - cbn [mprod]. unfold mv, ident, diag, v2. destruct i as [| [| i]]; [simpl; ring | simpl; ring | lia].
  - cbn [mprod]. rewrite mv_mm, mv2, !IH by lia.
    replace (rnn_nd_jac 2 pascanu_U pascanu_a pascanu_h i 0%nat * (l ^ T * v2 2 (l - 3 / 2) 0%nat) +
             rnn_nd_jac 2 pascanu_U pascanu_a pascanu_h i 1%nat * (l ^ T * v2 2 (l - 3 / 2) 1%nat))
      with (l ^ T * mv 2 (rnn_nd_jac 2 pascanu_U pascanu_a pascanu_h) (v2 2 (l - 3 / 2)) i)
      by (rewrite mv2; ring).
    rewrite HJ by exact Hi. simpl. ring.
Qed.

(* ... so the eigenvalue version of the vanishing condition fails: with spectral radius
   rho(U) = 1/2 < 1 (U U = I/4) the products J^T along this trajectory do not tend to 0 *)
Theorem pascanu_eigenvalue_refuted :
  ~ (forall (U : nat -> nat -> R) (a h : nat -> R),
       (forall i j, (i < 2)%nat -> (j < 2)%nat -> mm 2 U U i j = 1 / 4 * ident i j) ->
       (forall k, (k < 2)%nat -> rnn_nd 2 U a h k = h k) ->
       forall eps, 0 < eps -> exists T0, forall T, (T0 <= T)%nat ->
       op_le 2 (mprod 2 (fun _ => rnn_nd_jac 2 U a h) T) eps).
Proof.
  intros H. destruct pascanu_eigenvalue_counterexample as (HU & Hfix & l & v & Hl & Hv & HT).
  destruct (H pascanu_U pascanu_a pascanu_h HU Hfix (1 / 2) ltac:(lra)) as [T0 HT0].
  destruct (HT0 T0 (Nat.le_refl T0)) as [_ HA]. specialize (HA v).
  rewrite (nsq_ext 2 _ (fun i => l ^ T0 * v i)) in HA by (intros; apply HT; assumption).
  rewrite nsq2 in HA. rewrite (nsq2 v) in HA. rewrite nsq2 in Hv.
  assert (1 <= l ^ T0) by (apply pow_R1_Rle; lra).
  assert (1 <= (l ^ T0) ^ 2) by nra.
  replace ((l ^ T0 * v 0%nat) ^ 2 + (l ^ T0 * v 1%nat) ^ 2)
    with ((l ^ T0) ^ 2 * (v 0%nat ^ 2 + v 1%nat ^ 2)) in HA by ring.
  replace ((1 / 2) ^ 2) with (1 / 4) in HA by field.
  set (S := v 0%nat ^ 2 + v 1%nat ^ 2) in *. set (X := (l ^ T0) ^ 2) in *.
  assert (HS : 0 < S) by (unfold S; exact Hv). assert (HX : 1 <= X) by (unfold X; assumption).
  clearbody S X. assert (S <= X * S) by nra. lra.
Qed.

(* the split cell: c_(t-1) = (C, 0), f_t = o_(t-1) = (1/2, 1/2), U_f = [[0, 1], [0, 0]]:
   term (9) is [[0, C/8], [0, 0]], so |term (9) e_2|^2 = C^2/64, while ||U_f||_2 <= 1 *)
Lemma split_cell (C : R) :
  op_le 2 (m2 0 1 0 0) 1 /\
  nsq 2 (mv 2 (term9_nd 2 (v2 C 0) (v2 (1/2) (1/2)) (v2 (1/2) (1/2)) (m2 0 1 0 0)) (v2 0 1)) = C ^ 2 / 64 /\
  nsq 2 (v2 0 1) = 1.
Proof.
  split; [| split].
  - split; [lra |]. intros x. rewrite !nsq2, !mv2. unfold m2. simpl. nra.
  - rewrite nsq2, !mv2. unfold term9_nd, lstm_col, mm, diag, m2, v2. simpl. rewrite tanh_0. field.
  - rewrite nsq2. unfold v2. simpl. ring.
Qed.

(* four-gates, n-D: refuted. No constant G makes ||term (9)||_2 <= (G/4) ||U_f||_2 at every
   admissible point (in particular not G = g* or g_star): the split cell with C = 8 (G + 1) has
   ||U_f|| <= 1 and |term (9) e_2| = G + 1 *)
Theorem four_gates_nd_refuted :
  ~ (exists G, forall (c f o : nat -> R) (U_f : nat -> nat -> R) (K : R),
       (forall k, (k < 2)%nat -> 0 < f k < 1 /\ 0 < o k < 1) -> op_le 2 U_f K ->
       op_le 2 (term9_nd 2 c f o U_f) (G / 4 * K)).
Proof.
  intros [G HG]. set (C := 8 * (Rabs G + 1)).
  destruct (split_cell C) as (HU & E & E1).
  assert (Hadm : forall k, (k < 2)%nat -> 0 < v2 (1/2) (1/2) k < 1 /\ 0 < v2 (1/2) (1/2) k < 1).
  { intros k Hk. destruct k as [| [| k]]; [simpl; lra | simpl; lra | lia]. }
  apply (not_op_le 2 (term9_nd 2 (v2 C 0) (v2 (1/2) (1/2)) (v2 (1/2) (1/2)) (m2 0 1 0 0))
           (G / 4 * 1) (v2 0 1)); [| exact (HG _ _ _ _ _ Hadm HU)].
  rewrite E, E1. unfold C. pose proof (Rle_abs G). pose proof (Rle_abs (- G)). rewrite Rabs_Ropp in *.
  pose proof (Rabs_pos G). nra.
Qed.

(* secondary-terms-small, n-D: refuted. ||term (9)||_2 <= ||U_f||_2 fails: the split cell with
   C = 16 has ||U_f|| <= 1 and |term (9) e_2| = 2 *)
Theorem secondary_nd_refuted :
  ~ (forall (c f o : nat -> R) (U_f : nat -> nat -> R) (K : R),
       (forall k, (k < 2)%nat -> 0 < f k < 1 /\ 0 < o k < 1) -> op_le 2 U_f K ->
       op_le 2 (term9_nd 2 c f o U_f) K).
Proof.
  intros H. destruct (split_cell 16) as (HU & E & E1).
  assert (Hadm : forall k, (k < 2)%nat -> 0 < v2 (1/2) (1/2) k < 1 /\ 0 < v2 (1/2) (1/2) k < 1).
  { intros k Hk. destruct k as [| [| k]]; [simpl; lra | simpl; lra | lia]. }
  apply (not_op_le 2 (term9_nd 2 (v2 16 0) (v2 (1/2) (1/2)) (v2 (1/2) (1/2)) (m2 0 1 0 0))
           1 (v2 0 1)); [| exact (H _ _ _ _ _ Hadm HU)].
  rewrite E, E1. lra.
Qed.

(* forget-dominant, n-D: refuted. ||dc_t/dc_(t-1) - diag(f_t)||_2 <= (G/4)||U_f|| + ||U_i||/4 +
   ||U_c|| fails for every G (so for g* and g_star): with U_i = U_c = 0 the difference is
   term (9), and the split cell with C = 8 (G + 1) gives |difference e_2| = G + 1 *)
Theorem forget_dominant_nd_refuted :
  ~ (exists G, forall (c f i o chat : nat -> R) (U_f U_i U_c : nat -> nat -> R) (K_f K_i K_c : R),
       (forall k, (k < 2)%nat -> 0 < f k < 1 /\ 0 < i k < 1 /\ 0 < o k < 1 /\ -1 < chat k < 1) ->
       op_le 2 U_f K_f -> op_le 2 U_i K_i -> op_le 2 U_c K_c ->
       op_le 2 (lstm_secondary_nd 2 c f i o chat U_f U_i U_c) (G / 4 * K_f + K_i / 4 + K_c)).
Proof.
  intros [G HG]. set (C := 8 * (Rabs G + 1)). set (h := v2 (1/2) (1/2)).
  destruct (split_cell C) as (HU & E & E1).
  assert (Z : op_le 2 (fun _ _ => 0) 0).
  { split; [lra |]. intros x. rewrite nsq2. unfold mv. simpl. pose proof (nsq_nonneg 2 x). nra. }
  assert (Hadm : forall k, (k < 2)%nat -> 0 < h k < 1 /\ 0 < h k < 1 /\ 0 < h k < 1 /\ -1 < v2 0 0 k < 1).
  { intros k Hk. unfold h. destruct k as [| [| k]]; [simpl; lra | simpl; lra | lia]. }
  specialize (HG (v2 C 0) h h h (v2 0 0) (m2 0 1 0 0) (fun _ _ => 0) (fun _ _ => 0) 1 0 0 Hadm HU Z Z).
  apply (not_op_le 2 (lstm_secondary_nd 2 (v2 C 0) h h h (v2 0 0) (m2 0 1 0 0) (fun _ _ => 0) (fun _ _ => 0))
           (G / 4 * 1 + 0 / 4 + 0) (v2 0 1)); [| exact HG].
  rewrite (nsq_ext 2 (mv 2 (lstm_secondary_nd 2 (v2 C 0) h h h (v2 0 0) (m2 0 1 0 0) (fun _ _ => 0) (fun _ _ => 0)) (v2 0 1))
                     (mv 2 (term9_nd 2 (v2 C 0) h h (m2 0 1 0 0)) (v2 0 1))).
  - unfold h. rewrite E, E1. unfold C. pose proof (Rle_abs G). pose proof (Rle_abs (- G)). rewrite Rabs_Ropp in *.
    pose proof (Rabs_pos G). nra.
  - intros k Hk. rewrite !mv2. unfold lstm_secondary_nd, term10a_nd, term10b_nd, mm. simpl. ring.
Qed.

(* gru-less-stable, n-D: refuted. At the equal weight matrix U = [[0, 1], [0, 0]] the GRU term
   -diag(z (1 - z) h_(t-1)) U is bounded by 1/4 at every admissible point (|h_(t-1)[k]| <= 1),
   while term (9) of the LSTM exceeds 1/4 at the split cell: sup GRU < sup LSTM *)
Theorem gru_less_stable_nd_refuted :
  ~ (forall K : R,
       (forall z h : nat -> R, (forall k, (k < 2)%nat -> 0 < z k < 1 /\ Rabs (h k) <= 1) ->
          op_le 2 (gru_zh_nd 2 z h (m2 0 1 0 0)) K) ->
       (forall c f o : nat -> R, (forall k, (k < 2)%nat -> 0 < f k < 1 /\ 0 < o k < 1) ->
          op_le 2 (term9_nd 2 c f o (m2 0 1 0 0)) K)).
Proof.
  intros H. destruct (split_cell 8) as (HU & E & E1).
  assert (HG : forall z h : nat -> R, (forall k, (k < 2)%nat -> 0 < z k < 1 /\ Rabs (h k) <= 1) ->
            op_le 2 (gru_zh_nd 2 z h (m2 0 1 0 0)) (1 / 4)).
  { intros z h Hzh. replace (1 / 4) with (1 / 4 * 1) by ring.
    apply gru_zh_nd_le; [intros k Hk; apply Hzh, Hk | intros k Hk; apply Hzh, Hk | exact HU]. }
  assert (Hadm : forall k, (k < 2)%nat -> 0 < v2 (1/2) (1/2) k < 1 /\ 0 < v2 (1/2) (1/2) k < 1).
  { intros k Hk. destruct k as [| [| k]]; [simpl; lra | simpl; lra | lia]. }
  specialize (H (1 / 4) HG).
  specialize (fun c => H c _ _ Hadm).
  specialize (H (v2 8 0)).
  apply (not_op_le 2 (term9_nd 2 (v2 8 0) (v2 (1/2) (1/2)) (v2 (1/2) (1/2)) (m2 0 1 0 0))
           (1 / 4) (v2 0 1)); [| exact H]. rewrite E, E1. lra.
Qed.

(* gru-h-bounded, n-D, 2-norm: refuted. |h_0|_2 <= 1 does not keep |h_t|_2 <= 1: with n = 2,
   zero weight matrices, a_z = ln 9 (z = 9/10), a_h = ln 3 (hhat = 4/5) and h_0 = 0, one step
   gives h_1 = (18/25, 18/25) and |h_1|^2 = 648/625 > 1 *)
Theorem gru_2norm_refuted :
  ~ (forall (U_z U_r U_h : nat -> nat -> R) (a_z a_r a_h : nat -> nat -> R) (h_0 : nat -> R),
       nsq 2 h_0 <= 1 -> forall t, nsq 2 (gru_nd_seq 2 U_z U_r U_h a_z a_r a_h h_0 t) <= 1).
Proof.
  intros H.
  specialize (H (fun _ _ => 0) (fun _ _ => 0) (fun _ _ => 0) (fun _ _ => ln 9) (fun _ _ => 0)
                (fun _ _ => ln 3) (fun _ => 0) ltac:(rewrite nsq2; lra) 1%nat).
  assert (Ez : sigma (0 + ln 9) = 9 / 10) by (unfold sigma; rewrite Rplus_0_l, exp_Ropp, exp_ln by lra; field).
  assert (Eh : tanh (0 + ln 3) = 4 / 5) by (unfold tanh; rewrite Rplus_0_l, exp_Ropp, exp_ln by lra; field).
  rewrite nsq2 in H. unfold gru_nd_seq, gru_nd, mv in H. simpl in H.
  replace (0 + 0 * 0 + 0 * 0 + ln 9) with (0 + ln 9) in H by ring.
  replace (0 + 0 * (sigma (0 + 0 * 0 + 0 * 0 + 0) * 0) + 0 * (sigma (0 + 0 * 0 + 0 * 0 + 0) * 0) + ln 3)
    with (0 + ln 3) in H by ring.
  rewrite Ez, Eh in H. lra.
Qed."""

NDIM_READINGS: dict[str, tuple[str, ...]] = {
    "eq6_nd": ("eq6/nd",),
    "eq6_nd_not_right": ("eq6/nd",),
    "pascanu_norm_bound": ("pascanu-norm-bound/spectral",),
    "pascanu_vanishing_sufficient": ("pascanu-vanishing-sufficient/spectral",),
    "clip_nd_spectral": ("clip-prevents-explosion/nd-spectral",),
    "vanish_nd": ("vanish-explode/nd-vanish",),
    "xsech2_nd": ("xsech2-bound/nd",),
    "relu_tanh_nd_le_U": ("relu-unbounded/nd",),
    "gru_h_bounded_nd": ("gru-h-bounded/nd",),
    "lstm_c_growth_nd": ("lstm-c-unbounded/nd",),
    "lstm_c_divergence_nd": ("lstm-c-unbounded/nd",),
}

COUNTER_READINGS: dict[str, tuple[str, ...]] = {
    "explode_nd_refuted": ("vanish-explode/nd-explode",),
    "clip_nd_entrywise_refuted": ("clip-prevents-explosion/nd-entrywise",),
    "tanh_in_U_nd_refuted": ("tanh-bounded-in-U/nd",),
    "pascanu_eigenvalue_counterexample": ("pascanu-eigenvalue-version/spectral-radius",),
    "pascanu_eigenvalue_refuted": ("pascanu-eigenvalue-version/spectral-radius",),
    "four_gates_nd_refuted": ("four-gates/nd",),
    "secondary_nd_refuted": ("secondary-terms-small/nd",),
    "forget_dominant_nd_refuted": ("forget-dominant/nd",),
    "gru_less_stable_nd_refuted": ("gru-less-stable/nd",),
    "gru_2norm_refuted": ("gru-h-bounded/nd-2norm",),
}


def matrix_group() -> CoqGroup:
    """Matrix.v: vectors, matrices, the operator-norm bound, submultiplicativity."""
    return group_from_text("Matrix", "n dimensions: vectors, matrices, the spectral-norm bound "
                           "op_le, submultiplicativity, the norm bound of diag(d) U", (),
                           MATRIX_V, {})


def ndim_group() -> CoqGroup:
    """NDim.v: the dimension-free results."""
    return group_from_text("NDim", "n dimensions: eq (6) as partial derivatives, Pascanu's "
                           "bounds, spectral clipping, the GRU and LSTM states", ("Cells", "Xsech2",
                           "Products", "Matrix", "Lstm"), NDIM_V, NDIM_READINGS)


def counter_group() -> CoqGroup:
    """Counter.v: the exact counterexamples of the refuted n-D readings."""
    return group_from_text("Counter", "n dimensions: the exact 2 x 2 counterexamples",
                           ("Cells", "Xsech2", "Matrix", "NDim"), COUNTER_V, COUNTER_READINGS)
