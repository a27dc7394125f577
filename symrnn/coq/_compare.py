"""The worst cases compared (Compare.v): four-gates, secondary-terms-small, gru-less-stable.

The terms are functions of the admissible gate values (gates in (0, 1), tanh outputs in
(-1, 1), a previous GRU state in [-1, 1], c_{t-1} real), printed from the article's (9),
(10a), (10b) and symrnn's split of (13). A supremum is stated without defining one:
"sup A = s" as "every value <= s" plus "for every eps > 0 a value > s - eps";
"sup A < sup B" as "some K below a value of B bounds A"; "sup A >= sup B" as "every value of
B is matched or exceeded by a value of A". g* = sup |(1 - tanh^2 c) c| enters as "every G
bounding |(1 - tanh^2 c) c|" (so G = g*, the least one) or as g_star, its certified upper
bound (Xsech2.v).
"""

from __future__ import annotations

import sympy

from ..bounds.terms import term_suprema
from ..claims.article import printed
from ._model import CoqGroup, comment
from ._printer import coq
from ._source import group_from_text

__all__ = ["compare_group", "COMPARE_V", "TERMS"]

#: Coq name, arguments, and where the term comes from: a printed equation or a row of
#: :func:`symrnn.bounds.terms.term_suprema` (cell, label).
TERMS: tuple[tuple[str, tuple[str, ...], str | tuple[str, str]], ...] = (
    ("term9", ("U_f", "f_t", "o_prev", "c_prev"), "eq9"),
    ("term10a", ("U_i", "i_t", "o_prev", "c_prev", "chat_t"), "eq10a"),
    ("term10b", ("U_c", "i_t", "o_prev", "c_prev", "chat_t"), "eq10b"),
    ("gru_term_zhat", ("U_z", "z_t", "hhat_t"), ("gru", "hhat_t ∂z_t/∂h_{t-1}")),
    ("gru_term_zh", ("U_z", "z_t", "h_prev"), ("gru", "-h_{t-1} ∂z_t/∂h_{t-1}")),
    ("gru_term_h", ("U_h", "U_r", "r_t", "z_t", "hhat_t", "h_prev"), ("gru", "z_t ∂hhat_t/∂h_{t-1}")),
)

#: The Coq text of Compare.v after the term definitions.
COMPARE_V = r"""Lemma gate_q (f : R) : 0 < f < 1 -> 0 < f * (1 - f) <= 1 / 4.
Proof. intros. split; [nra | pose proof (pow2_ge_0 (f - 1 / 2)); nra]. Qed.

Lemma sech2_range (c : R) : 0 < 1 - tanh c ^ 2 <= 1.
Proof. pose proof (tanh_range c). split; nra. Qed.

Lemma xsech2_pos_G (G : R) : (forall c, Rabs ((1 - tanh c ^ 2) * c) <= G) -> 0 < G.
Proof.
  intros HG. eapply Rlt_le_trans; [| apply (HG 1)].
  apply Rabs_pos_lt. rewrite Rmult_1_r. pose proof (sech2_range 1). lra.
Qed.

Lemma term9_abs (U_f f_t o_prev c_prev : R) :
  Rabs (term9 U_f f_t o_prev c_prev)
  = f_t * (1 - f_t) * Rabs o_prev * Rabs ((1 - tanh c_prev ^ 2) * c_prev) * Rabs U_f
  \/ ~ (0 < f_t < 1).
Proof.
  destruct (Rlt_dec 0 f_t); [destruct (Rlt_dec f_t 1) |]; [left | right; lra | right; lra].
  unfold term9. replace (U_f * c_prev * f_t * o_prev * (1 - f_t) * (1 - tanh c_prev ^ 2))
    with ((f_t * (1 - f_t)) * o_prev * ((1 - tanh c_prev ^ 2) * c_prev) * U_f) by ring.
  assert (Hq : 0 <= f_t * (1 - f_t)) by nra. set (q := f_t * (1 - f_t)) in *.
  rewrite !Rabs_mult, (Rabs_pos_eq q) by exact Hq. reflexivity.
Qed.

(* four-gates, bound: for every G bounding |(1 - tanh^2 c) c| (so for G = g*, the least such
   bound), |term (9)| < (G/4)|U_f| at every admissible point with U_f <> 0: not attained *)
Theorem four_gates_bound (G U_f f_t o_prev c_prev : R) :
  (forall c, Rabs ((1 - tanh c ^ 2) * c) <= G) ->
  0 < f_t < 1 -> 0 < o_prev < 1 ->
  Rabs (term9 U_f f_t o_prev c_prev) <= G / 4 * Rabs U_f /\
  (U_f <> 0 -> Rabs (term9 U_f f_t o_prev c_prev) < G / 4 * Rabs U_f).
Proof.
  intros HG Hf Ho.
  destruct (term9_abs U_f f_t o_prev c_prev) as [E | E]; [| contradiction].
  rewrite E, (Rabs_pos_eq o_prev) by lra.
  pose proof (gate_q f_t Hf). pose proof (HG c_prev). pose proof (xsech2_pos_G G HG).
  pose proof (Rabs_pos ((1 - tanh c_prev ^ 2) * c_prev)). pose proof (Rabs_pos U_f).
  assert (A : f_t * (1 - f_t) * o_prev * Rabs ((1 - tanh c_prev ^ 2) * c_prev) <= 1 / 4 * 1 * G).
  { apply Rmult_le_compat; try nra. }
  split.
  - nra.
  - intros HU. apply Rabs_pos_lt in HU.
    assert (B : f_t * (1 - f_t) * o_prev * Rabs ((1 - tanh c_prev ^ 2) * c_prev) < G / 4).
    { apply Rle_lt_trans with (1 / 4 * o_prev * G); [| nra].
      apply Rmult_le_compat; try nra. }
    nra.
Qed.

(* ... and (G/4)|U_f| is approached when G is the supremum: for every c and eps > 0 some
   admissible point has |term (9)| > |(1 - tanh^2 c) c|/4 |U_f| - eps *)
Theorem four_gates_approached (U_f c eps : R) : 0 < eps -> exists f_t o_prev,
  0 < f_t < 1 /\ 0 < o_prev < 1 /\
  Rabs ((1 - tanh c ^ 2) * c) / 4 * Rabs U_f - eps < Rabs (term9 U_f f_t o_prev c).
Proof.
  intros He. set (A := Rabs ((1 - tanh c ^ 2) * c) / 4 * Rabs U_f).
  assert (HA : 0 <= A) by (unfold A; pose proof (Rabs_pos ((1 - tanh c ^ 2) * c)); pose proof (Rabs_pos U_f); apply Rmult_le_pos; lra).
  set (d := Rmin (1 / 2) (eps / (A + 1))).
  assert (Hd : 0 < d <= 1 / 2) by (unfold d; split; [apply Rmin_glb_lt; [lra | apply Rdiv_lt_0_compat; lra] | apply Rmin_l]).
  assert (Hde : d * A < eps).
  { apply Rle_lt_trans with (eps / (A + 1) * A); [apply Rmult_le_compat_r; [lra | apply Rmin_r] |].
    apply Rmult_lt_reg_r with (A + 1); [lra |].
    replace (eps / (A + 1) * A * (A + 1)) with (eps * A) by (field; lra). nra. }
  exists (1 / 2), (1 - d). split; [lra | split; [lra |]].
  destruct (term9_abs U_f (1 / 2) (1 - d) c) as [E | E]; [| lra].
  rewrite E, (Rabs_pos_eq (1 - d)) by lra. unfold A in *. nra.
Qed.

(* four-gates, worst case: at equal weight U <> 0 some K < |U| bounds |term (9)| everywhere
   (K = (g_star/4)|U|), while eq (6)'s |dh_t/dh_(t-1)| <= |U| everywhere and = |U| at a point
   (h_t = 0): sup |term (9)| < sup |eq (6)| = |U|, the latter attained *)
Theorem four_gates_worst_case (U : R) : U <> 0 ->
  exists K, K < Rabs U /\
    (forall f_t o_prev c_prev, 0 < f_t < 1 -> 0 < o_prev < 1 -> Rabs (term9 U f_t o_prev c_prev) <= K) /\
    (forall W b x_t h_prev D, is_derive (rnn_h_t W U b x_t) h_prev D -> Rabs D <= Rabs U) /\
    (exists W b x_t h_prev D, is_derive (rnn_h_t W U b x_t) h_prev D /\ Rabs D = Rabs U).
Proof.
  intros HU. pose proof (Rabs_pos_lt _ HU).
  exists (g_star / 4 * Rabs U). split; [unfold g_star; lra |]. split; [| split].
  - intros f_t o_prev c_prev Hf Ho. apply (four_gates_bound g_star); auto. apply xsech2_le_g_star.
  - intros W b x_t h_prev D HD.
    rewrite (is_derive_eq _ _ _ _ HD (rnn_h_t_factor W U b x_t h_prev)).
    apply Rabs_factor_le, sech2_abs_le_1.
  - exists 0, 0, 0, 0, U. split.
    + replace U with ((1 - tanh (0 + U * 0 + 0 * 0) ^ 2) * U) at 2
        by (replace (0 + U * 0 + 0 * 0) with 0 by ring; rewrite tanh_0; ring).
      apply rnn_h_t_factor.
    + reflexivity.
Qed.

(* four-gates, all weights: refuted. |term (9)| < 1 does not hold for every U_f: U_f = 20,
   f_t = 1/2, o_prev = 99/100, c_prev = 6/5 give |term (9)| > 1 *)
Theorem four_gates_not_all_weights :
  ~ (forall U_f f_t o_prev c_prev, 0 < f_t < 1 -> 0 < o_prev < 1 ->
     Rabs (term9 U_f f_t o_prev c_prev) < 1).
Proof.
  intros H. specialize (H 20 (1 / 2) (99 / 100) (6 / 5) ltac:(lra) ltac:(lra)).
  revert H. apply Rle_not_lt. unfold term9, tanh. interval.
Qed.

(* secondary-terms-small, pointwise: each LSTM secondary term is at most |U_*| in absolute
   value, strictly when U_* <> 0 *)
Theorem secondary_terms_pointwise (U_f U_i U_c f_t i_t o_prev c_prev chat_t : R) :
  0 < f_t < 1 -> 0 < i_t < 1 -> 0 < o_prev < 1 -> -1 < chat_t < 1 ->
  (U_f <> 0 -> Rabs (term9 U_f f_t o_prev c_prev) < Rabs U_f) /\
  (U_i <> 0 -> Rabs (term10a U_i i_t o_prev c_prev chat_t) < Rabs U_i) /\
  (U_c <> 0 -> Rabs (term10b U_c i_t o_prev c_prev chat_t) < Rabs U_c).
Proof.
  intros Hf Hi Ho Hc. pose proof (sech2_range c_prev) as Hs.
  split; [| split]; intros HU; pose proof (Rabs_pos_lt _ HU) as HUp.
  - destruct (four_gates_bound g_star U_f f_t o_prev c_prev xsech2_le_g_star Hf Ho) as [_ H].
    specialize (H HU). unfold g_star in H. lra.
  - unfold term10a.
    assert (Hw : 0 <= i_t * (1 - i_t) * o_prev * (1 - tanh c_prev ^ 2) <= 1 / 4).
    { pose proof (gate_q i_t Hi). split; [apply Rmult_le_pos; [apply Rmult_le_pos |] |]; try nra.
      apply Rle_trans with (1 / 4 * 1 * 1); [apply Rmult_le_compat; try nra | lra]. }
    set (w := i_t * (1 - i_t) * o_prev * (1 - tanh c_prev ^ 2)) in Hw.
    replace (U_i * chat_t * i_t * o_prev * (1 - i_t) * (1 - tanh c_prev ^ 2)) with ((w * chat_t) * U_i)
      by (unfold w; ring).
    rewrite Rabs_mult. assert (Rabs (w * chat_t) < 1) by (apply Rabs_def1; nra). nra.
  - unfold term10b.
    assert (Hw : 0 <= i_t * o_prev * (1 - chat_t ^ 2) * (1 - tanh c_prev ^ 2) < 1).
    { assert (0 < 1 - chat_t ^ 2 <= 1) by nra. split.
      - apply Rmult_le_pos; [apply Rmult_le_pos; [apply Rmult_le_pos |] |]; lra.
      - assert (Hio : 0 < i_t * o_prev < 1) by nra.
        assert (Hcs : 0 <= (1 - chat_t ^ 2) * (1 - tanh c_prev ^ 2) <= 1) by nra.
        replace (i_t * o_prev * (1 - chat_t ^ 2) * (1 - tanh c_prev ^ 2))
          with ((i_t * o_prev) * ((1 - chat_t ^ 2) * (1 - tanh c_prev ^ 2))) by ring.
        nra. }
    set (w := i_t * o_prev * (1 - chat_t ^ 2) * (1 - tanh c_prev ^ 2)) in Hw.
    replace (U_c * i_t * o_prev * (1 - chat_t ^ 2) * (1 - tanh c_prev ^ 2)) with (w * U_c)
      by (unfold w; ring).
    rewrite Rabs_mult, (Rabs_pos_eq w) by lra. nra.
Qed.

(* secondary-terms-small, worst case: refuted. Not every secondary term's supremum is strictly
   below eq (6)'s |U|: term (10b) approaches |U_c| (i_t, o_prev -> 1, chat_t = c_prev = 0),
   so no K < |U_c| bounds it *)
Theorem secondary_terms_not_worst_case :
  ~ (forall U_c, U_c <> 0 -> exists K, K < Rabs U_c /\
       forall i_t o_prev c_prev chat_t, 0 < i_t < 1 -> 0 < o_prev < 1 -> -1 < chat_t < 1 ->
       Rabs (term10b U_c i_t o_prev c_prev chat_t) <= K).
Proof.
  intros H. destruct (H 1 ltac:(lra)) as (K & HK & HB). rewrite Rabs_R1 in HK.
  set (d := Rmax (1 / 2) ((1 + K) / 2)).
  assert (Hd : 1 / 2 <= d < 1) by (unfold d; split; [apply Rmax_l | apply Rmax_lub_lt; lra]).
  assert (HdK : K < d * d).
  { assert ((1 + K) / 2 <= d) by apply Rmax_r. destruct (Rle_dec K 0); nra. }
  specialize (HB (sqrt (d * d)) d 0 0).
  rewrite sqrt_square in HB by lra.
  specialize (HB ltac:(lra) ltac:(lra) ltac:(lra)).
  unfold term10b in HB. rewrite tanh_0 in HB.
  replace (1 * d * d * (1 - 0 ^ 2) * (1 - 0 ^ 2)) with (d * d) in HB by ring.
  rewrite Rabs_pos_eq in HB by nra. lra.
Qed.

(* gru-less-stable, term by term: at equal weight U, every value of an LSTM secondary term is
   matched or exceeded by the corresponding GRU (eq 13) term at some admissible point, so each
   GRU supremum is >= the LSTM one; for -z(1-z)h_(t-1)U (attained |U|/4 at |h_(t-1)| = 1)
   against term (9) (<= (g_star/4)|U|) strictly when U <> 0 *)
Theorem gru_less_stable_term_by_term (U U_r : R) :
  (forall f_t o_prev c_prev, 0 < f_t < 1 -> 0 < o_prev < 1 -> exists z_t h_prev,
     0 < z_t < 1 /\ -1 <= h_prev <= 1 /\
     Rabs (term9 U f_t o_prev c_prev) <= Rabs (gru_term_zh U z_t h_prev)) /\
  (forall i_t o_prev c_prev chat_t, 0 < i_t < 1 -> 0 < o_prev < 1 -> -1 < chat_t < 1 ->
     exists z_t hhat_t, 0 < z_t < 1 /\ -1 < hhat_t < 1 /\
     Rabs (term10a U i_t o_prev c_prev chat_t) = Rabs (gru_term_zhat U z_t hhat_t)) /\
  (forall i_t o_prev c_prev chat_t, 0 < i_t < 1 -> 0 < o_prev < 1 -> -1 < chat_t < 1 ->
     exists r_t z_t hhat_t h_prev, 0 < r_t < 1 /\ 0 < z_t < 1 /\ -1 < hhat_t < 1 /\ -1 <= h_prev <= 1 /\
     Rabs (term10b U i_t o_prev c_prev chat_t) = Rabs (gru_term_h U U_r r_t z_t hhat_t h_prev)) /\
  (U <> 0 -> exists K, K < Rabs U / 4 /\
     (forall f_t o_prev c_prev, 0 < f_t < 1 -> 0 < o_prev < 1 -> Rabs (term9 U f_t o_prev c_prev) <= K) /\
     Rabs (gru_term_zh U (1 / 2) 1) = Rabs U / 4).
Proof.
  split; [| split; [| split]].
  - intros f_t o_prev c_prev Hf Ho. exists f_t, 1. split; [exact Hf | split; [lra |]].
    destruct (term9_abs U f_t o_prev c_prev) as [E | E]; [| contradiction]. rewrite E.
    unfold gru_term_zh.
    replace (- U * 1 * f_t * (1 - f_t)) with (- (f_t * (1 - f_t) * U)) by ring.
    rewrite Rabs_Ropp, (Rabs_scale (f_t * (1 - f_t)) U) by nra.
    pose proof (xsech2_le_g_star c_prev). pose proof (Rabs_pos ((1 - tanh c_prev ^ 2) * c_prev)).
    rewrite (Rabs_pos_eq o_prev) by lra. pose proof (gate_q f_t Hf). pose proof (Rabs_pos U).
    assert (o_prev * Rabs ((1 - tanh c_prev ^ 2) * c_prev) <= 1) by (unfold g_star in *; nra).
    replace (f_t * (1 - f_t) * o_prev * Rabs ((1 - tanh c_prev ^ 2) * c_prev) * Rabs U)
      with (f_t * (1 - f_t) * Rabs U * (o_prev * Rabs ((1 - tanh c_prev ^ 2) * c_prev))) by ring.
    rewrite <- (Rmult_1_r (f_t * (1 - f_t) * Rabs U)) at 2.
    apply Rmult_le_compat_l; [nra | lra].
  - intros i_t o_prev c_prev chat_t Hi Ho Hc. pose proof (sech2_range c_prev).
    exists i_t, (chat_t * o_prev * (1 - tanh c_prev ^ 2)).
    split; [exact Hi | split].
    + assert (0 < o_prev * (1 - tanh c_prev ^ 2) <= 1) by nra.
      replace (chat_t * o_prev * (1 - tanh c_prev ^ 2)) with (chat_t * (o_prev * (1 - tanh c_prev ^ 2))) by ring.
      nra.
    + unfold term10a, gru_term_zhat. f_equal. ring.
  - intros i_t o_prev c_prev chat_t Hi Ho Hc. pose proof (sech2_range c_prev).
    exists (o_prev * (1 - tanh c_prev ^ 2)), i_t, chat_t, 0.
    split; [nra | split; [exact Hi | split; [exact Hc | split; [lra |]]]].
    unfold term10b, gru_term_h. f_equal. ring.
  - intros HU. pose proof (Rabs_pos_lt _ HU).
    exists (g_star / 4 * Rabs U). split; [unfold g_star; lra | split].
    + intros f_t o_prev c_prev Hf Ho. apply (four_gates_bound g_star); auto. apply xsech2_le_g_star.
    + unfold gru_term_zh. replace (- U * 1 * (1 / 2) * (1 - 1 / 2)) with (- (U / 4)) by field.
      rewrite Rabs_Ropp. unfold Rdiv. rewrite Rmult_comm, Rabs_scale by lra. ring.
Qed.

(* gru-less-stable, strictly larger: refuted. The GRU term z(1-z) hhat U and the LSTM term
   (10a) have the same supremum |U|/4 (neither attained): no GRU value exceeds every value of
   (10a) by a margin *)
Theorem gru_not_strictly_larger (U : R) :
  ~ (exists z_t hhat_t K, 0 < z_t < 1 /\ -1 < hhat_t < 1 /\ K < Rabs (gru_term_zhat U z_t hhat_t) /\
     forall i_t o_prev c_prev chat_t, 0 < i_t < 1 -> 0 < o_prev < 1 -> -1 < chat_t < 1 ->
     Rabs (term10a U i_t o_prev c_prev chat_t) <= K).
Proof.
  intros (z_t & hhat_t & K & Hz & Hh & HK & HB).
  assert (Hv : Rabs (gru_term_zhat U z_t hhat_t) <= Rabs U / 4).
  { unfold gru_term_zhat.
    replace (U * hhat_t * z_t * (1 - z_t)) with ((z_t * (1 - z_t) * hhat_t) * U) by ring.
    rewrite Rabs_mult. pose proof (gate_q z_t Hz). pose proof (Rabs_pos U).
    assert (Rabs (z_t * (1 - z_t) * hhat_t) <= 1 / 4) by (apply Rabs_le; nra). nra. }
  assert (HU : 0 < Rabs U).
  { destruct (Req_dec U 0) as [E | E]; [| apply Rabs_pos_lt; exact E].
    exfalso. subst U. specialize (HB (1 / 2) (1 / 2) 0 0 ltac:(lra) ltac:(lra) ltac:(lra)).
    replace (term10a 0 (1 / 2) (1 / 2) 0 0) with 0 in HB by (unfold term10a; ring).
    replace (gru_term_zhat 0 z_t hhat_t) with 0 in HK by (unfold gru_term_zhat; ring).
    rewrite Rabs_R0 in HB, HK. lra. }
  set (k := 4 * K / Rabs U).
  assert (Hk : k < 1) by (unfold k; apply Rmult_lt_reg_r with (Rabs U); [lra |];
    unfold Rdiv; rewrite Rmult_assoc, Rinv_l by lra; lra).
  set (d := Rmax (1 / 2) ((1 + k) / 2)).
  assert (Hd : 1 / 2 <= d < 1) by (unfold d; split; [apply Rmax_l | apply Rmax_lub_lt; lra]).
  assert (Hdk : k < d * d) by (assert ((1 + k) / 2 <= d) by apply Rmax_r; destruct (Rle_dec k 0); nra).
  specialize (HB (1 / 2) d 0 d ltac:(lra) ltac:(lra) ltac:(lra)).
  unfold term10a in HB. rewrite tanh_0 in HB.
  replace (U * d * (1 / 2) * d * (1 - 1 / 2) * (1 - 0 ^ 2)) with (d * d / 4 * U) in HB by field.
  rewrite Rabs_mult, Rabs_pos_eq in HB by nra.
  assert (K = k * Rabs U / 4) by (unfold k; field; lra).
  nra.
Qed.

(* gru-less-stable, reset amplifies: for k = |U_r| > 1 the reset factor r (1 + (1 - r) h U_r)
   reaches psi(k) = (1 + k)^2/(4k) > 1 at an admissible point (and never exceeds it: psi_bound) *)
Theorem gru_reset_amplifies (U_r : R) : 1 < Rabs U_r ->
  1 < psi (Rabs U_r) /\
  exists r_t h_prev, 0 < r_t < 1 /\ -1 <= h_prev <= 1 /\
    r_t * (U_r * h_prev * (1 - r_t) + 1) = psi (Rabs U_r).
Proof.
  intros Hk. set (k := Rabs U_r) in *.
  assert (Ep : psi k = (1 + k) ^ 2 / (4 * k)) by (unfold psi; destruct (Rle_dec k 1); [lra | reflexivity]).
  rewrite Ep. split.
  - apply Rmult_lt_reg_r with (4 * k); [lra |]. unfold Rdiv. rewrite Rmult_assoc, Rinv_l by lra.
    pose proof (pow2_ge_0 (k - 1)). nra.
  - exists ((1 + k) / (2 * k)), (if Rle_dec 0 U_r then 1 else -1).
    split; [split; [apply Rdiv_lt_0_compat; lra |] |].
    + apply Rmult_lt_reg_r with (2 * k); [lra |]. unfold Rdiv. rewrite Rmult_assoc, Rinv_l by lra. lra.
    + split; [destruct (Rle_dec 0 U_r); lra |].
      assert (E : U_r * (if Rle_dec 0 U_r then 1 else -1) = k).
      { unfold k. destruct (Rle_dec 0 U_r); [rewrite Rabs_pos_eq by lra | rewrite Rabs_left by lra]; ring. }
      rewrite E. field. lra.
Qed."""

READINGS: dict[str, tuple[str, ...]] = {
    "four_gates_bound": ("four-gates/bound",),
    "four_gates_approached": ("four-gates/bound", "four-gates/worst-case"),
    "four_gates_worst_case": ("four-gates/worst-case",),
    "four_gates_not_all_weights": ("four-gates/all-weights",),
    "secondary_terms_pointwise": ("secondary-terms-small/pointwise",),
    "secondary_terms_not_worst_case": ("secondary-terms-small/worst-case",),
    "gru_less_stable_term_by_term": ("gru-less-stable/term-by-term",),
    "gru_not_strictly_larger": ("gru-less-stable/strictly-larger",),
    "gru_reset_amplifies": ("gru-less-stable/reset-amplifies",),
}


def _term(source: str | tuple[str, str]) -> sympy.Expr:
    if isinstance(source, str):
        return printed(source)
    cell, label = source
    (row,) = [ts for ts in term_suprema(cell) if ts.label == label]
    return row.expr


def term_definitions() -> str:
    """The terms as Coq functions, printed from the article's formulas and symrnn's split."""
    from ._printer import coq_name

    out = []
    for name, args, source in TERMS:
        expr = _term(source)
        free = sorted(coq_name(s) for s in expr.free_symbols)
        if sorted(args) != free:  # pragma: no cover - a renamed symbol
            raise RuntimeError(f"{name}: arguments {args} but the term uses {free}")
        what = source if isinstance(source, str) else f"{source[0]}: {source[1]}"
        out.append(f"{comment(f'{what}: {expr}')}\n"
                   f"Definition {name} ({' '.join(args)} : R) : R := {coq(expr)}.")
    return "\n\n".join(out)


def compare_group() -> CoqGroup:
    """Compare.v: the worst cases of the secondary terms compared."""
    return group_from_text("Compare", "the worst cases compared: four-gates, "
                           "secondary-terms-small, gru-less-stable", ("Cells", "Xsech2", "InU"),
                           COMPARE_V, READINGS, interval=True, definitions=term_definitions())
