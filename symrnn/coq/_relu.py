"""tanh versus relu as functions of U (InU.v): tanh-bounded-in-U and relu-unbounded (1-D).

For the simple RNNs h_t = φ(z), z = U h_{t-1} + W x_t + b (cells ``rnn`` and ``relu_rnn`` of
``Cells.v``), the one-step factor ∂h_t/∂h_{t-1} = φ'(z) U is an ``is_derive`` lemma — φ' =
1 − tanh² (eq 4c) for tanh, ``relu_prime`` (1 on z > 0, 0 on z < 0) for relu, where z ≠ 0.
Then, side by side:

* *tanh-bounded-in-U*: for fixed h_{t-1} ≠ 0, every U and every G bounding |(1 − tanh²c)c|
  (so G = g*), |∂h_t/∂h_{t-1}| ≤ (|a| + G)/|h_{t-1}|, a = W x_t + b, the value |a|/|h_{t-1}| is
  attained, and ∂h_t/∂h_{t-1} → 0 as |U| → ∞; the readings "uniform in a" and "below 1" are
  refuted by exact witnesses;
* *relu-unbounded*: |∂h_t/∂h_{t-1}| ≤ |U| for both cells; and for relu, for every fixed
  h_{t-1} ≠ 0, W, b, x_t and every M there is a U with z > 0 (the positive half-axis),
  ∂h_t/∂h_{t-1} = U and |U| > M (witness U = (|a| + 1 + (|M| + 1)|h_{t-1}|)/h_{t-1},
  as in :func:`symrnn.bounds.relu_clip.check_relu_unbounded`).
"""

from __future__ import annotations

import re

import sympy

from ..cells import get_cell
from ..claims.article import formula4, x_sym
from ._cells import cell_function
from ._model import CoqGroup, CoqTheorem, comment
from ._printer import coq, coq_name
from ._source import group_from_text

__all__ = ["relu_group", "CELLS", "TANH_IN_U_V"]

#: tanh-bounded-in-U: the bound, its near-tightness, the limit, two refuted readings.
TANH_IN_U_V = r"""Lemma exp_ge_sq (y : R) : 0 <= y -> y ^ 2 / 4 <= exp y.
Proof.
  intros Hy. replace (exp y) with (exp (y / 2) ^ 2)
    by (simpl; rewrite Rmult_1_r, <- exp_plus; f_equal; field).
  assert (1 + y / 2 <= exp (y / 2)).
  { destruct (Req_dec y 0) as [-> | Hne].
    - replace (0 / 2) with 0 by field. rewrite exp_0. lra.
    - left. apply exp_ineq1; first [lra | apply Rgt_not_eq; lra]. }
  apply Rle_trans with ((1 + y / 2) ^ 2); [nra |].
  apply pow_incr. lra.
Qed.

(* 1 - tanh^2 x decays like x^-4: (1 - tanh^2 x) x^4 <= 64 *)
Lemma sech2_x4 (x : R) : (1 - tanh x ^ 2) * x ^ 4 <= 64.
Proof.
  rewrite sech2_formula.
  pose proof (exp_pos x). pose proof (exp_pos (- x)).
  assert (He : x ^ 2 / 4 <= exp x + exp (- x)).
  { rewrite <- (pow2_abs x). destruct (Rle_dec 0 x).
    - rewrite Rabs_pos_eq by lra. pose proof (exp_ge_sq x r). lra.
    - rewrite Rabs_left by lra. pose proof (exp_ge_sq (- x)). lra. }
  set (E := exp x + exp (- x)) in *.
  assert (HE : 0 < E) by (unfold E; lra).
  replace (4 / E ^ 2 * x ^ 4) with ((4 * x ^ 4) / E ^ 2) by (field; lra).
  apply Rmult_le_reg_r with (E ^ 2); [nra |].
  unfold Rdiv. rewrite Rmult_assoc, Rinv_l by (apply pow_nonzero; lra).
  assert (0 <= x ^ 2) by nra.
  assert (x ^ 2 <= 4 * E) by lra.
  assert (x ^ 4 = x ^ 2 * x ^ 2) by ring.
  nra.
Qed.

(* tanh-bounded-in-U (1-D): for every a = b + W x_t and fixed h_prev <> 0, every U and every
   G bounding |(1 - tanh^2 c) c| over all real c (so in particular G = g*, the supremum):
   |dh_t/dh_prev| = |(1 - tanh^2(a + U h_prev)) U| <= (|a| + G)/|h_prev|. *)
Theorem tanh_bounded_in_U (W b x_t h_prev G : R) :
  h_prev <> 0 -> (forall c, Rabs ((1 - tanh c ^ 2) * c) <= G) ->
  forall U D, is_derive (rnn_h_t W U b x_t) h_prev D ->
  Rabs D <= (Rabs (b + W*x_t) + G) / Rabs h_prev.
Proof.
  intros Hh HG U D HD.
  rewrite <- (is_derive_unique _ _ _ HD), (is_derive_unique _ _ _ (rnn_h_t_factor W U b x_t h_prev)).
  set (a := b + W*x_t). set (c := b + U*h_prev + W*x_t).
  assert (HU : U = (c - a) / h_prev) by (unfold c, a; field; exact Hh).
  pose proof (Rabs_pos_lt _ Hh) as Hp.
  rewrite HU, Rabs_mult, Rabs_div by exact Hh.
  unfold Rdiv. rewrite <- Rmult_assoc.
  apply Rmult_le_compat_r; [apply Rlt_le, Rinv_0_lt_compat; exact Hp |].
  rewrite <- Rabs_mult.
  replace ((1 - tanh c ^ 2) * (c - a)) with ((1 - tanh c ^ 2) * c - (1 - tanh c ^ 2) * a) by ring.
  apply Rle_trans with (Rabs ((1 - tanh c ^ 2) * c) + Rabs ((1 - tanh c ^ 2) * a)).
  - unfold Rminus at 2. rewrite <- (Rabs_Ropp ((1 - tanh c ^ 2) * a)). apply Rabs_triang.
  - rewrite Rplus_comm. apply Rplus_le_compat; [| apply HG].
    rewrite Rabs_mult. rewrite <- (Rmult_1_l (Rabs a)) at 2.
    apply Rmult_le_compat_r; [apply Rabs_pos | apply sech2_abs_le_1].
Qed.

(* the same with G = g_star, the certified upper bound on g* (Xsech2.v) *)
Corollary tanh_bounded_in_U_g_star (W b x_t h_prev : R) : h_prev <> 0 ->
  forall U D, is_derive (rnn_h_t W U b x_t) h_prev D ->
  Rabs D <= (Rabs (b + W*x_t) + g_star) / Rabs h_prev.
Proof. intros Hh. apply tanh_bounded_in_U; [exact Hh | apply xsech2_le_g_star]. Qed.

(* tanh-bounded-in-U (1-D), the limit: for fixed h_prev <> 0, W, b, x_t, dh_t/dh_prev -> 0 as
   |U| -> infinity: for every eps > 0 there is M with |dh_t/dh_prev| < eps whenever |U| > M *)
Theorem tanh_in_U_vanishes (W b x_t h_prev : R) : h_prev <> 0 ->
  forall eps, 0 < eps -> exists M, forall U D, M < Rabs U ->
    is_derive (rnn_h_t W U b x_t) h_prev D -> Rabs D < eps.
Proof.
  intros Hh eps He.
  set (a := b + W*x_t). set (k := Rabs h_prev).
  assert (Hk : 0 < k) by (apply Rabs_pos_lt; exact Hh).
  set (K := 1024 / (eps * k ^ 4) + 1).
  assert (HK : 1 <= K) by (unfold K; assert (0 < 1024 / (eps * k ^ 4)) by (apply Rdiv_lt_0_compat; [lra | apply Rmult_lt_0_compat; [lra | apply pow_lt; lra]]); lra).
  exists (Rmax (2 * Rabs a / k) K). intros U D HM HD.
  rewrite <- (is_derive_unique _ _ _ HD), (is_derive_unique _ _ _ (rnn_h_t_factor W U b x_t h_prev)).
  set (c := b + U*h_prev + W*x_t).
  assert (HU1 : 2 * Rabs a / k < Rabs U) by (eapply Rle_lt_trans; [apply Rmax_l | exact HM]).
  assert (HU2 : K < Rabs U) by (eapply Rle_lt_trans; [apply Rmax_r | exact HM]).
  assert (Hc : Rabs U * k / 2 <= Rabs c).
  { assert (Rabs (U * h_prev) <= Rabs c + Rabs a).
    { replace (U * h_prev) with (c - a) by (unfold c, a; ring).
      unfold Rminus. eapply Rle_trans; [apply Rabs_triang | rewrite Rabs_Ropp; lra]. }
    rewrite Rabs_mult in H. fold k in H.
    assert (2 * Rabs a < Rabs U * k).
    { apply Rmult_lt_reg_r with (/ k); [apply Rinv_0_lt_compat; lra |].
      replace (Rabs U * k * / k) with (Rabs U) by (field; lra). exact HU1. }
    lra. }
  pose proof (sech2_x4 c) as H4.
  assert (Hs : 0 <= 1 - tanh c ^ 2) by (pose proof (tanh_range c); nra).
  assert (Hcpos : 0 < Rabs U * k / 2) by (apply Rmult_lt_0_compat; [apply Rmult_lt_0_compat; lra | lra]).
  assert (Hc4 : (Rabs U * k / 2) ^ 4 <= c ^ 4).
  { assert (E4 : c ^ 4 = Rabs c ^ 4)
      by (replace 4%nat with (2 * 2)%nat by reflexivity; rewrite !pow_mult, pow2_abs; reflexivity).
    rewrite E4. apply pow_incr. lra. }
  rewrite Rabs_mult, Rabs_pos_eq by exact Hs.
  (* (1 - tanh^2 c) |U| <= 64 |U| / (|U| k / 2)^4 = 1024 / (|U|^3 k^4) <= 1024 / (K k^4) < eps *)
  assert (Hb : (1 - tanh c ^ 2) <= 64 / (Rabs U * k / 2) ^ 4).
  { apply Rmult_le_reg_r with ((Rabs U * k / 2) ^ 4); [apply pow_lt; lra |].
    replace (64 / (Rabs U * k / 2) ^ 4 * (Rabs U * k / 2) ^ 4) with 64
      by (field; repeat split; first [lra | apply Rgt_not_eq; nra]).
    apply Rle_trans with ((1 - tanh c ^ 2) * c ^ 4); [apply Rmult_le_compat_l; lra | lra]. }
  apply Rle_lt_trans with (64 / (Rabs U * k / 2) ^ 4 * Rabs U).
  { apply Rmult_le_compat_r; [apply Rabs_pos | exact Hb]. }
  replace (64 / (Rabs U * k / 2) ^ 4 * Rabs U) with (1024 / (Rabs U ^ 3 * k ^ 4)) by (field; repeat split; first [lra | apply Rgt_not_eq; nra]).
  assert (HU3 : K <= Rabs U ^ 3).
  { assert (1 <= Rabs U) by lra. assert (Rabs U <= Rabs U ^ 3) by (simpl; nra). lra. }
  apply Rle_lt_trans with (1024 / (K * k ^ 4)).
  - unfold Rdiv. apply Rmult_le_compat_l; [lra |]. apply Rinv_le_contravar;
      [apply Rmult_lt_0_compat; [lra | apply pow_lt; lra] | apply Rmult_le_compat_r; [left; apply pow_lt; lra | exact HU3]].
  - apply Rmult_lt_reg_r with (K * k ^ 4); [apply Rmult_lt_0_compat; [lra | apply pow_lt; lra] |].
    unfold Rdiv. rewrite Rmult_assoc, Rinv_l by (apply Rgt_not_eq, Rmult_lt_0_compat; [lra | apply pow_lt; lra]).
    unfold K. assert (0 < eps * k ^ 4) by (apply Rmult_lt_0_compat; [lra | apply pow_lt; lra]).
    replace ((1024 / (eps * k ^ 4) + 1) * k ^ 4) with (1024 / eps + k ^ 4) by (field; lra).
    replace (eps * (1024 / eps + k ^ 4)) with (1024 + eps * k ^ 4) by (field; lra).
    lra.
Qed.

(* tanh-bounded-in-U (1-D), the bound is nearly tight: at U = -a/h_prev (h_t = 0) the derivative
   has modulus |a|/|h_prev|, so |a|/|h_prev| <= sup over U <= (|a| + g* )/|h_prev| *)
Theorem tanh_in_U_lower (W b x_t h_prev : R) : h_prev <> 0 ->
  exists U D, is_derive (rnn_h_t W U b x_t) h_prev D /\ Rabs D = Rabs (b + W*x_t) / Rabs h_prev.
Proof.
  intros Hh. exists (- (b + W*x_t) / h_prev), ((1 - tanh (b + (- (b + W*x_t) / h_prev)*h_prev + W*x_t) ^ 2) * (- (b + W*x_t) / h_prev)).
  split; [apply rnn_h_t_factor |].
  replace (b + - (b + W * x_t) / h_prev * h_prev + W * x_t) with 0 by (field; exact Hh).
  rewrite tanh_0. replace ((1 - 0 ^ 2) * (- (b + W * x_t) / h_prev)) with (- ((b + W * x_t) / h_prev)) by (field; exact Hh).
  rewrite Rabs_Ropp, Rabs_div by exact Hh. reflexivity.
Qed.

(* tanh-bounded-in-U (1-D), a = 0: every value |(1 - tanh^2 c) c|/|h_prev| is attained (at
   U = c/h_prev), so with tanh_bounded_in_U the supremum over U is g*/|h_prev|: S(0) = g* *)
Theorem tanh_in_U_a0 (W x_t h_prev c : R) : h_prev <> 0 ->
  exists U D, is_derive (rnn_h_t W U (- (W*x_t)) x_t) h_prev D /\
              Rabs D = Rabs ((1 - tanh c ^ 2) * c) / Rabs h_prev.
Proof.
  intros Hh. exists (c / h_prev), ((1 - tanh (- (W*x_t) + c / h_prev * h_prev + W*x_t) ^ 2) * (c / h_prev)).
  split; [apply rnn_h_t_factor |].
  replace (- (W * x_t) + c / h_prev * h_prev + W * x_t) with c by (field; exact Hh).
  rewrite <- Rabs_div by exact Hh. f_equal. field. exact Hh.
Qed.

(* tanh-bounded-in-U, uniform in a: refuted. For fixed h_prev <> 0 no constant bounds
   |dh_t/dh_prev| over all U and all a = b + W x_t (at a = -U h_prev it equals |U|). *)
Theorem tanh_in_U_not_uniform_in_a (h_prev : R) : h_prev <> 0 ->
  ~ (exists C, forall W U b x_t D, is_derive (rnn_h_t W U b x_t) h_prev D -> Rabs D <= C).
Proof.
  intros Hh [C HC].
  set (U := Rabs C + 1).
  specialize (HC 0 U (- (U * h_prev)) 0 _ (rnn_h_t_factor 0 U (- (U * h_prev)) 0 h_prev)).
  replace (- (U * h_prev) + U * h_prev + 0 * 0) with 0 in HC by ring.
  rewrite tanh_0 in HC. replace ((1 - 0 ^ 2) * U) with U in HC by ring.
  unfold U in HC. rewrite Rabs_pos_eq in HC by (pose proof (Rabs_pos C); lra).
  pose proof (Rle_abs C). lra.
Qed.

(* tanh-bounded-in-U, below 1: refuted. The bound is not 1: at h_prev = 1/4, a = 0, U = 24/5,
   |dh_t/dh_prev| = (1 - tanh^2(6/5)) 24/5 > 1. *)
Theorem tanh_in_U_not_below_1 :
  ~ (forall W U b x_t h_prev D, h_prev <> 0 -> is_derive (rnn_h_t W U b x_t) h_prev D ->
     Rabs D <= 1).
Proof.
  intros H.
  specialize (H 0 (24/5) 0 0 (1/4) _ ltac:(lra) (rnn_h_t_factor 0 (24/5) 0 0 (1/4))).
  replace (0 + 24 / 5 * (1 / 4) + 0 * 0) with (6/5) in H by field.
  revert H. apply Rlt_not_le. unfold tanh. interval.
Qed."""

TANH_READINGS = {
    "tanh_bounded_in_U": ("tanh-bounded-in-U/1d",),
    "tanh_bounded_in_U_g_star": ("tanh-bounded-in-U/1d",),
    "tanh_in_U_vanishes": ("tanh-bounded-in-U/1d",),
    "tanh_in_U_lower": ("tanh-bounded-in-U/1d",),
    "tanh_in_U_a0": ("tanh-bounded-in-U/1d",),
    "tanh_in_U_not_uniform_in_a": ("tanh-bounded-in-U/uniform-in-a",),
    "tanh_in_U_not_below_1": ("tanh-bounded-in-U/below-1",),
}

#: The two simple RNNs (tanh, eq 5, and relu).
CELLS = ("rnn", "relu_rnn")


def _pieces(cell_name: str):
    cell = get_cell(cell_name)
    ((h, out),) = cell.definitions
    act = type(out).__name__
    z = out.args[0]
    params = [p.symbol for p in cell.params]
    (prev,) = [s for s in z.free_symbols if coq_name(s).endswith("_prev")]
    args = [coq_name(p) for p in params] + ["x_t", coq_name(prev)]
    return cell, act, z, params, prev, args


def _phi_prime(act: str) -> str:
    if act == "tanh":  # eq (4c): tanh' = 1 - tanh^2
        return f"(fun s => {coq(formula4('eq4c')[1].subs(x_sym, sympy.Symbol('s')))})"
    if act == "relu":
        return "relu_prime"
    raise RuntimeError(f"no Coq derivative for the activation {act}")  # pragma: no cover


def relu_group() -> CoqGroup:
    """InU.v: factor lemmas, tanh-bounded-in-U and relu-unbounded (1-D)."""
    thms: list[CoqTheorem] = []
    for cell_name in CELLS:
        cell, act, z, params, prev, args = _pieces(cell_name)
        fun = f"{cell_name}_h_t"
        U = sympy.Symbol("U")
        if U not in params:  # pragma: no cover - both cells have a scalar recurrent weight U
            raise RuntimeError(f"{cell_name}: no recurrent weight U")
        binders = " ".join(args)
        fixed = " ".join(args[:-1])
        zc = coq(z)
        if cell_function(cell_name, "h_t").args != tuple(args):  # pragma: no cover
            raise RuntimeError(f"{cell_name}: Cells.v's {fun} has other arguments")
        phi = _phi_prime(act)
        factor = (f"({coq(formula4('eq4c')[1].subs(x_sym, z))}) * U" if act == "tanh"
                  else f"{phi} ({zc}) * U")
        if act == "tanh":
            factor_thm = CoqTheorem(
                f"{fun}_factor", (), f"{cell_name}: dh_t/dh_prev = (1 - tanh^2 z) U",
                f"{comment(f'{cell.title}: the one-step factor dh_t/d{prev} = (1 - tanh^2 z) U (eq 6)')}\n"
                f"Lemma {fun}_factor ({binders} : R) :\n"
                f"  is_derive ({fun} {fixed}) {coq_name(prev)} ({factor}).\n"
                f"Proof. unfold {fun}. derive_ring. Qed.")
            hyp, use = "", ""
        else:
            factor_thm = CoqTheorem(
                f"{fun}_factor", (), f"{cell_name}: dh_t/dh_prev = relu'(z) U for z <> 0",
                f"{comment(f'{cell.title}: the one-step factor dh_t/d{prev} = relu_prime(z) U where z <> 0')}\n"
                f"Lemma {fun}_factor ({binders} : R) : {zc} <> 0 ->\n"
                f"  is_derive ({fun} {fixed}) {coq_name(prev)} ({factor}).\n"
                "Proof.\n"
                f"  intros Hz. unfold {fun}.\n"
                f"  replace ({factor}) with (scal U ({phi} ({zc}))) by (rewrite Rmult_comm; reflexivity).\n"
                f"  apply (is_derive_comp relu (fun {coq_name(prev)} => {zc})).\n"
                "  - apply is_derive_relu. exact Hz.\n"
                "  - auto_derive; [exact I | ring].\n"
                "Qed.")
            hyp, use = f"{zc} <> 0 ->\n  ", "Hz"
        thms.append(factor_thm)
        le = f"{fun}_factor_le_U"
        thms.append(CoqTheorem(
            le, ("relu-unbounded/1d",), f"{cell_name}: |dh_t/dh_prev| <= |U|",
            f"{comment(f'relu-unbounded, first half ({cell.title}): |dh_t/d{prev}| <= |U|')}\n"
            f"Theorem {le} ({binders} : R) :\n  {hyp}"
            f"exists D, is_derive ({fun} {fixed}) {coq_name(prev)} D /\\ Rabs D <= Rabs U.\n"
            "Proof.\n"
            + (f"  intros {use}.\n" if use else "")
            + f"  exists ({factor}). split; [apply {fun}_factor{'; exact ' + use if use else ''} |].\n"
            f"  apply Rabs_factor_le. {'apply sech2_abs_le_1' if act == 'tanh' else 'apply relu_prime_abs_le_1'}.\n"
            "Qed."))
        if act != "relu":
            continue
        # unbounded in U: the witness of check_relu_unbounded
        others = [p for p in args if p not in ("U", coq_name(prev))]
        hp = coq_name(prev)
        a_expr = coq(z.subs(prev, 0))
        wit = f"(Rabs a + 1 + (Rabs M + 1) * Rabs {hp}) / {hp}"
        z_w = re.sub(r"\bU\b", f"({wit})", zc)  # z at the witness, in zc's order
        thms.append(CoqTheorem(
            "relu_unbounded", ("relu-unbounded/1d",),
            "relu: for h_prev <> 0 and every M there is U with z > 0, dh_t/dh_prev = U, |U| > M",
            comment(f"relu-unbounded ({cell.title}): on the positive half-axis dh_t/d{prev} = "
                    f"U, unbounded in U: for every fixed {prev} <> 0, weights, bias and input, "
                    "and every M, some U gives a positive pre-activation, derivative exactly "
                    "U, and |U| > M") + "\n"
            f"Theorem relu_unbounded ({' '.join(others + [hp])} : R) : {hp} <> 0 -> forall M : R,\n"
            f"  exists U : R, 0 < {zc} /\\ is_derive ({fun} {fixed}) {hp} U /\\ M < Rabs U.\n"
            "Proof.\n"
            f"  intros Hh M. set (a := {a_expr}).\n"
            f"  pose proof (Rabs_pos a). pose proof (Rabs_pos M). pose proof (Rabs_pos_lt {hp} Hh).\n"
            f"  exists ({wit}).\n"
            f"  assert (E : {wit} * {hp} = Rabs a + 1 + (Rabs M + 1) * Rabs {hp}) by (field; exact Hh).\n"
            f"  assert (Hz : 0 < {z_w}).\n"
            f"  {{ replace ({z_w}) with ({wit} * {hp} + a) by (unfold a; ring). rewrite E.\n"
            "    pose proof (Rle_abs (- a)). rewrite Rabs_Ropp in *. nra. }\n"
            "  split; [exact Hz | split].\n"
            f"  - replace ({wit}) with ({phi} ({z_w}) * ({wit})) at 2.\n"
            f"    + apply {fun}_factor. lra.\n"
            f"    + unfold {phi}. destruct (Rlt_dec 0 _); [ring | lra].\n"
            f"  - rewrite Rabs_div by exact Hh. rewrite (Rabs_pos_eq (Rabs a + 1 + _)) by nra.\n"
            f"    apply Rmult_lt_reg_r with (Rabs {hp}); [lra |].\n"
            "    unfold Rdiv. rewrite Rmult_assoc, Rinv_l by lra.\n"
            "    pose proof (Rle_abs M). nra.\n"
            "Qed."))
    tanh = group_from_text("InU", "", (), TANH_IN_U_V, TANH_READINGS)
    return CoqGroup("InU", "tanh versus relu as functions of U: tanh-bounded-in-U and "
                    "relu-unbounded (1-D)", ("Cells", "Xsech2"), tanh.definitions,
                    tuple(thms) + tanh.theorems)
