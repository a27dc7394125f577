"""relu vs tanh in U, and clipping U into [-1, 1], as Coq theorems (1-D).

For the simple RNNs h_t = φ(z), z = U h_{t-1} + W x_t + b (cells ``rnn`` and ``relu_rnn``,
printed from their SymPy definitions), the one-step factor ∂h_t/∂h_{t-1} = φ'(z) U is an
``is_derive`` lemma — φ' = 1 − tanh² (eq 4c) for tanh, ``relu_prime`` (1 on z > 0, 0 on
z < 0) for relu, where z ≠ 0. Then:

* *relu-unbounded*: |∂h_t/∂h_{t-1}| ≤ |U| for both cells; and for relu, for every fixed
  h_{t-1} ≠ 0, W, b, x_t and every M there is a U with z > 0 (the positive half-axis),
  ∂h_t/∂h_{t-1} = U and |U| > M (witness U = (|a| + 1 + (|M| + 1)|h_{t-1}|)/h_{t-1},
  a = W x_t + b, as in :func:`symrnn.bounds.relu_clip.check_relu_unbounded`).
* *clip-prevents-explosion*: eq (3)'s coefficient over t steps is the product of t factors
  φ'(z_k) U (``coefficient``, any sequence of pre-activations z_k); if |U| ≤ 1 it is ≤ 1 in
  absolute value for every t (induction), for both cells; and clipping does not prevent
  vanishing: relu with U = 1/2 and positive pre-activations gives exactly (1/2)^t.
"""

from __future__ import annotations

import re

import sympy

from ..cells import get_cell
from ..claims.article import formula4, x_sym
from ._jacobians import jacobians_group
from ._model import CoqGroup, CoqTheorem, comment
from ._printer import coq, coq_name

__all__ = ["relu_group", "CELLS"]

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
    """Cell functions, factor lemmas, relu-unbounded and clip-prevents-explosion (1-D)."""
    defs = [comment("the coefficient of eq (3) over t steps: the product of the one-step "
                    "factors phi'(z_k) U, for any sequence z of pre-activations") + "\n"
            "Fixpoint coefficient (phi' : R -> R) (U : R) (z : nat -> R) (t : nat) : R :=\n"
            "  match t with O => 1 | S n => phi' (z (S n)) * U * coefficient phi' U z n end."]
    thms: list[CoqTheorem] = []
    jac = jacobians_group().definitions
    requires: tuple[str, ...] = ()
    for cell_name in CELLS:
        cell, act, z, params, prev, args = _pieces(cell_name)
        fun = f"{cell_name}_h_t"
        U = sympy.Symbol("U")
        if U not in params:  # pragma: no cover - both cells have a scalar recurrent weight U
            raise RuntimeError(f"{cell_name}: no recurrent weight U")
        binders = " ".join(args)
        fixed = " ".join(args[:-1])
        zc = coq(z)
        body = coq(cell.definitions[0][1])
        if f"Definition {fun} ({binders} : R) : R :=\n  {body}." in jac:
            requires = ("Jacobians",)  # the same function is already printed there
        else:
            defs.append(f"{comment(f'{cell.title}: h_t = {act}({z}) as a function of {prev}')}\n"
                        f"Definition {fun} ({binders} : R) : R := {body}.")
        phi = _phi_prime(act)
        factor = (f"({coq(formula4('eq4c')[1].subs(x_sym, z))}) * U" if act == "tanh"
                  else f"{phi} ({zc}) * U")
        if act == "tanh":
            factor_thm = CoqTheorem(
                f"{fun}_factor", (), f"{cell_name}: dh_t/dh_prev = (1 - tanh^2 z) U",
                f"{comment(f'{cell.title}: the one-step factor dh_t/d{prev} = (1 - tanh^2 z) U (eq 6)')}\n"
                f"Lemma {fun}_factor ({binders} : R) :\n"
                f"  is_derive ({fun} {fixed}) {coq_name(prev)} ({factor}).\n"
                f"Proof. unfold {fun}. derive_field. Qed.")
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
            le, ("relu-unbounded",), f"{cell_name}: |dh_t/dh_prev| <= |U|",
            f"{comment(f'relu-unbounded, first half ({cell.title}): |dh_t/d{prev}| <= |U|')}\n"
            f"Theorem {le} ({binders} : R) :\n  {hyp}"
            f"exists D, is_derive ({fun} {fixed}) {coq_name(prev)} D /\\ Rabs D <= Rabs U.\n"
            "Proof.\n"
            + (f"  intros {use}.\n" if use else "")
            + f"  exists ({factor}). split; [apply {fun}_factor{'; exact ' + use if use else ''} |].\n"
            f"  apply Rabs_factor_le. {'apply sech2_abs_le_1' if act == 'tanh' else 'apply relu_prime_abs_le_1'}.\n"
            "Qed."))
        clip = f"{fun}_clip"
        thms.append(CoqTheorem(
            clip, ("clip-prevents-explosion",),
            f"{cell_name}: |U| <= 1 => |coefficient over t steps| <= 1",
            comment(f"clip-prevents-explosion ({cell.title}): if |U| <= 1, every coefficient "
                    "of eq (3), the product of t factors phi'(z_k) U, is at most 1 in absolute "
                    "value, for every t and every sequence of pre-activations") + "\n"
            f"Theorem {clip} (U : R) (z : nat -> R) : Rabs U <= 1 -> forall t : nat,\n"
            f"  Rabs (coefficient {phi} U z t) <= 1.\n"
            "Proof.\n"
            "  intros HU t. induction t as [| n IH]; simpl.\n"
            "  - rewrite Rabs_R1. lra.\n"
            "  - apply Rle_trans with (1 * 1); [apply Rabs_prod_le; [| exact IH] | lra].\n"
            "    apply Rle_trans with (Rabs U); [apply Rabs_factor_le | exact HU].\n"
            f"    {'apply sech2_abs_le_1' if act == 'tanh' else 'apply relu_prime_abs_le_1'}.\n"
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
            "relu_unbounded", ("relu-unbounded",),
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
        thms.append(CoqTheorem(
            "relu_clip_vanishing", ("clip-prevents-explosion",),
            "relu, U = 1/2, positive pre-activations: coefficient = (1/2)^t",
            comment("clip-prevents-explosion, second half: clipping does not prevent "
                    "vanishing; relu with U = 1/2 and positive pre-activations has "
                    "coefficient exactly (1/2)^t") + "\n"
            f"Theorem relu_clip_vanishing (z : nat -> R) : (forall k, 0 < z k) -> forall t : nat,\n"
            f"  coefficient {phi} (1/2) z t = (1/2) ^ t.\n"
            "Proof.\n"
            "  intros Hz t. induction t as [| n IH]; simpl; [reflexivity |].\n"
            f"  rewrite IH. unfold {phi}. destruct (Rlt_dec 0 (z (S n))) as [_ | H]; [ring |].\n"
            "  exfalso. apply H, Hz.\n"
            "Qed."))
    return CoqGroup("Relu", "relu vs tanh in U and clipping U into [-1, 1] (1-D)", requires,
                    "\n\n".join(defs), tuple(thms))
