"""Bounds over whole domains as Coq theorems: xsech2-bound and the secondary-term table.

*xsech2-bound*: |(1 − tanh²c)c| < 0.45 for every real c, and the certified supremum
g* ∈ [G_LO, G_HI] of :func:`symrnn.bounds.xsech2_supremum` (upper bound everywhere, lower
bound at a point). Proof: oddness reduces to c ≥ 0; Interval's ``interval`` on [0, T];
for c ≥ T the library's tail lemma (e^c > 1 + c gives (1 − tanh²c)c < 4c/(1 + c)² ≤ 4T/(1 + T)²).

The table: for every term of every cell's article derivative (:func:`term_suprema`),
|term| ≤ sup-factor · |carried weight| over the admissible gate box, each group bounded by
its own lemma and the product closed by ``Rabs_prod_le``.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from fractions import Fraction

import sympy

from ..bounds.terms import (CLOSED_STATE, GSTAR, OPEN_GATE, OPEN_TANH, REAL_LINE, K,
                            TermSup, _components, _domains, split_weight, term_suprema)
from ..bounds.xsech2 import xsech2_supremum
from ..cells import get_cell
from ..claims._text import TEXT
from ._model import CoqGroup, CoqTheorem, comment
from ._printer import coq, coq_name
from ._source import group_from_text

#: forget-dominant's refuted readings: exact witnesses (eq (8) at rational gates, |U| <= 1).
DOMINANT_REFUTED_V = r"""(* the witness points: W = 0, U_f = U_i = 0, U_c = 1, b_i = ln 3, b_c = 0, x_t = 0,
   o_prev = 1/2, c_prev = 0, and b_f free; there h_prev = 0, i_t = 3/4, chat_t = 0, and eq (8)
   gives dc_t/dc_(t-1) = f_t + 3/8 with f_t = sigma(b_f) *)
Lemma forget_witness (b_f : R) :
  is_derive (lstm_c_t_path 0 0 b_f 0 0 (ln 3) 0 1 0 0 (1/2)) 0 (sigma b_f + 3/8) /\
  lstm_f_t_path 0 0 b_f 0 (1/2) 0 = sigma b_f.
Proof.
  assert (E0 : forall u v : R, v + u * (1/2 * tanh 0) + 0 * 0 = v) by (intros u v; rewrite tanh_0; ring).
  assert (Ef : lstm_f_t 0 0 b_f 0 (1/2 * tanh 0) = sigma b_f) by (unfold lstm_f_t; rewrite E0; reflexivity).
  assert (Ei : lstm_i_t 0 0 (ln 3) 0 (1/2 * tanh 0) = 3/4).
  { unfold lstm_i_t, sigma. rewrite E0, exp_Ropp, exp_ln by lra. field. }
  assert (Ec : lstm_chat_t 0 1 0 0 (1/2 * tanh 0) = 0) by (unfold lstm_chat_t; rewrite E0; apply tanh_0).
  split.
  - pose proof (eq8 0 0 b_f 0 0 (ln 3) 0 1 0 0 (1/2) 0) as H. cbv zeta in H.
    rewrite Ef, Ei, Ec, tanh_0 in H.
    match type of H with is_derive _ _ ?e => replace e with (sigma b_f + 3/8) in H by field end.
    exact H.
  - unfold lstm_f_t_path. exact Ef.
Qed.

(* forget-dominant, main term larger: refuted. For weights with |U_f|, |U_i|, |U_c| <= 1 the
   secondary terms' sum is not below f_t at every admissible point: at the witness with
   b_f = -ln 3, f_t = 1/4 and the sum dc_t/dc_(t-1) - f_t = 3/8 *)
Theorem forget_main_not_larger :
  ~ (forall W_f U_f b_f W_i U_i b_i W_c U_c b_c x_t o_prev c_prev D,
       Rabs U_f <= 1 -> Rabs U_i <= 1 -> Rabs U_c <= 1 -> 0 < o_prev < 1 ->
       is_derive (lstm_c_t_path W_f U_f b_f W_i U_i b_i W_c U_c b_c x_t o_prev) c_prev D ->
       Rabs (D - lstm_f_t_path W_f U_f b_f x_t o_prev c_prev)
       < lstm_f_t_path W_f U_f b_f x_t o_prev c_prev).
Proof.
  intros H. destruct (forget_witness (- ln 3)) as [HD Ef].
  assert (Es : sigma (- ln 3) = 1/4) by (unfold sigma; rewrite Ropp_involutive, exp_ln by lra; field).
  rewrite Es in HD, Ef.
  specialize (H 0 0 (- ln 3) 0 0 (ln 3) 0 1 0 0 (1/2) 0 (1/4 + 3/8)).
  rewrite Rabs_R0, Rabs_R1 in H. specialize (H ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) HD).
  rewrite Ef in H. replace (1/4 + 3/8 - 1/4) with (3/8) in H by field.
  rewrite Rabs_pos_eq in H by lra. lra.
Qed.

(* forget-dominant, no explosion: refuted. For weights with |U_f|, |U_i|, |U_c| <= 1,
   |dc_t/dc_(t-1)| <= 1 fails at an admissible point: at the witness with b_f = ln 3,
   dc_t/dc_(t-1) = 3/4 + 3/8 = 9/8 *)
Theorem forget_not_no_explosion :
  ~ (forall W_f U_f b_f W_i U_i b_i W_c U_c b_c x_t o_prev c_prev D,
       Rabs U_f <= 1 -> Rabs U_i <= 1 -> Rabs U_c <= 1 -> 0 < o_prev < 1 ->
       is_derive (lstm_c_t_path W_f U_f b_f W_i U_i b_i W_c U_c b_c x_t o_prev) c_prev D ->
       Rabs D <= 1).
Proof.
  intros H. destruct (forget_witness (ln 3)) as [HD _].
  assert (Es : sigma (ln 3) = 3/4) by (unfold sigma; rewrite exp_Ropp, exp_ln by lra; field).
  rewrite Es in HD.
  specialize (H 0 0 (ln 3) 0 0 (ln 3) 0 1 0 0 (1/2) 0 (3/4 + 3/8)).
  rewrite Rabs_R0, Rabs_R1 in H. specialize (H ltac:(lra) ltac:(lra) ltac:(lra) ltac:(lra) HD).
  rewrite Rabs_pos_eq in H by lra. lra.
Qed."""

DOMINANT_READINGS = {
    "forget_main_not_larger": ("forget-dominant/main-term-larger",),
    "forget_not_no_explosion": ("forget-dominant/no-explosion",),
}

__all__ = ["xsech2_group", "terms_group", "dominant_group", "xsech2_constants", "TABLE_CELLS"]

#: The cells of the exported table: relu_rnn (a step function) and gru_torch (a sup that is
#: a function of U_h, U_r and bu_h, with no closed form) are listed as not exported.
TABLE_CELLS = ("rnn", "lstm", "gru", "mgu", "variant")
_DIGITS = 6
_TAIL_T = 7  # 4T/(1 + T)^2 = 7/16 < 0.4477 < 0.45, and T >= 1 as the tail lemma needs


def _dec(x: str, rounding: str) -> str:
    return str(Decimal(x).quantize(Decimal(1).scaleb(-_DIGITS), rounding=rounding))


def xsech2_constants(article_bound: str = "0.45") -> dict[str, str]:
    """The constants of the xsech2 theorems, from the certified supremum (outward-rounded)."""
    sup = xsech2_supremum().to_json()
    return {"bound": article_bound, "g_hi": _dec(sup["upper"], ROUND_CEILING),
            "g_lo": _dec(sup["lower"], ROUND_FLOOR),
            "c_star": _dec(sup["maximiser"].strip("[").split()[0], ROUND_FLOOR)}


def _xsech2_theorem(name: str, rel: str, bound: str, claims: tuple[str, ...],
                    note: str) -> CoqTheorem:
    T = _TAIL_T
    tail = Fraction(4 * T, (1 + T) ** 2)
    g = "Rabs ((1 - tanh c ^ 2) * c)"
    return CoqTheorem(name, claims, note, (
        f"{comment(note)}\n"
        f"Theorem {name} : forall c : R, {g} {rel} {bound}.\n"
        "Proof.\n"
        f"  assert (Hpos : forall c, 0 <= c -> {g} {rel} {bound}).\n"
        f"  {{ intros c H. destruct (Rle_lt_dec c {T}) as [Hc | Hc].\n"
        f"    - assert (HI : 0 <= c <= {T}) by lra. unfold tanh.\n"
        "      interval with (i_bisect c, i_taylor c).\n"
        f"    - assert ({g} <= {tail}) by (apply (xsech2_tail _ {T}); lra). lra. }}\n"
        "  intros c. destruct (Rle_lt_dec 0 c).\n"
        "  - apply Hpos; assumption.\n"
        "  - rewrite <- xsech2_even_abs. apply Hpos. lra.\n"
        "Qed."))


def xsech2_group(article_bound: str = "0.45") -> CoqGroup:
    """``xsech2_bound`` (the article's claim), ``xsech2_le_sup`` and ``xsech2_sup_attained``."""
    k = xsech2_constants(article_bound)
    thms = (
        _xsech2_theorem("xsech2_bound", "<", k["bound"], ("xsech2-bound/1d",),
                        f"xsech2-bound: {TEXT['xsech2-bound'][2]}"),
        _xsech2_theorem("xsech2_le_sup", "<=", k["g_hi"], (),
                        f"the supremum g* of |(1 - tanh^2 c) c| over all real c is at most "
                        f"{k['g_hi']} (symrnn's certified upper bound, rounded up)"),
        CoqTheorem("xsech2_sup_attained", (), f"g* >= {k['g_lo']} (value at c = {k['c_star']})",
                   comment(f"and g* is at least {k['g_lo']}: the value at c = {k['c_star']}, "
                           "near the maximiser c* (2 c* tanh c* = 1)") + "\n"
                   f"Theorem xsech2_sup_attained : Rabs ((1 - tanh {k['c_star']} ^ 2) * "
                   f"{k['c_star']}) >= {k['g_lo']}.\n"
                   "Proof. unfold tanh. interval. Qed."),
    )
    le_g_star = CoqTheorem(
        "xsech2_le_g_star", (), "|(1 - tanh^2 c) c| <= g_star for every real c",
        f"{comment('every |(1 - tanh^2 c) c| is at most g_star')}\n"
        "Lemma xsech2_le_g_star (c : R) : Rabs ((1 - tanh c ^ 2) * c) <= g_star.\n"
        "Proof. unfold g_star. apply xsech2_le_sup. Qed.")
    defs = (f"{comment(f'g_star: the certified upper bound on g* = sup |(1 - tanh^2 c) c| (g* <= g_star, xsech2_le_sup)')}\n"
            f"Definition g_star : R := {k['g_hi']}.")
    return CoqGroup("Xsech2", "xsech2-bound over all real c, and the supremum g*", (), defs,
                    thms + (le_g_star,))


# --- the secondary-term table --------------------------------------------------------------

_HYP = {OPEN_GATE: "0 < {v} < 1", OPEN_TANH: "-1 < {v} < 1", CLOSED_STATE: "-1 <= {v} <= 1"}


def _hyp(v: sympy.Symbol, dom) -> str | None:
    if dom == REAL_LINE:
        return None
    for d, fmt in _HYP.items():
        if dom == d:
            return fmt.format(v=coq_name(v))
    raise RuntimeError(f"no Coq hypothesis for the domain {dom} of {v}")  # pragma: no cover


def _group_proof(g: sympy.Expr, sup: str, hyps: dict[sympy.Symbol, str | None]
                 ) -> tuple[str, str]:
    """(Coq bound term, tactic proving ``Rabs g <= bound``) for one group."""
    free = sorted(g.free_symbols, key=str)
    U_r = sympy.Symbol("U_r")
    if sup.startswith(("psi", "chi")):
        r = sympy.Symbol("r_t")
        (h,) = [s for s in free if s not in (r, U_r)]
        kind = sup[:3]
        rr, hh = coq_name(r), coq_name(h)
        canon = f"{rr}{'' if kind == 'psi' else ' ^ 2'} * (U_r * {hh} * (1 - {rr}) + 1)"
        return (f"{kind} (Rabs U_r)",
                f"replace ({coq(g)}) with ({canon}) by ring; "
                f"apply {kind}_bound; assumption")
    bound = coq(sympy.sympify(sup).subs(GSTAR, sympy.Symbol("g_star")))
    if len(free) == 1 and hyps.get(free[0]) is None:  # over the real line: a library lemma
        c = free[0]
        sech2 = 1 - sympy.tanh(c) ** 2
        if sympy.expand(g - sech2) == 0:
            return "1", "apply sech2_abs_le_1"
        return ("g_star", f"replace ({coq(g)}) with (({coq(sech2)}) * {coq_name(c)}) by ring; "
                          "apply xsech2_le_g_star")
    hints = " ".join(f"pose proof (pow2_ge_0 ({coq_name(v)} - 1 / 2));" for v in free)
    return bound, f"{hints} apply Rabs_le; split; nra"


def _term_rhs(ts: TermSup, weight: sympy.Symbol | None) -> str:
    """The Coq bound of a row: sup-factor (g* as ``g_star``, psi/chi) times |weight|."""
    if ts.factor_formula.has(K):
        # psi(k) = 1 only for k <= 1, chi(k) = 1 for k <= 2
        kind = "psi" if ts.factor_formula.subs(K, sympy.Rational(3, 2)) != 1 else "chi"
        shown = f"{kind} (Rabs U_r)"
    else:
        shown = coq(ts.factor_formula.subs(GSTAR, sympy.Symbol("g_star")))
    return f"{shown} * Rabs {coq_name(weight)}" if weight is not None else shown


def _term_theorem(ts: TermSup, k: int) -> CoqTheorem:
    cell = get_cell(ts.cell)
    dom = _domains(cell)
    weight, steps, rest = split_weight(ts.expr, cell.matrix_symbols)
    if steps:  # pragma: no cover - relu_rnn is not in TABLE_CELLS
        raise RuntimeError(f"{ts.cell}: step functions are not exported")
    groups = _components(rest)
    free = sorted(ts.expr.free_symbols, key=str)
    weights = [s for s in free if s in cell.matrix_symbols]
    gates = [s for s in free if s not in cell.matrix_symbols]
    hyps = {v: _hyp(v, dom[v]) for v in gates}
    bounds, tactics = [], []
    for g, info in zip(groups, ts.groups):
        b, tac = _group_proof(g, str(info["sup"]), hyps)
        bounds.append(b)
        tactics.append(tac)
    factors = groups + ([weight] if weight is not None else [])
    tactics += ["apply Rle_refl"] if weight is not None else []
    bounds += [f"Rabs {coq_name(weight)}"] if weight is not None else []
    sign = "" if sympy.expand(sympy.Mul(*factors) - ts.expr) == 0 else "- "
    if sign and sympy.expand(sympy.Mul(*factors) + ts.expr) != 0:  # pragma: no cover
        raise RuntimeError(f"the groups of {ts.expr} do not multiply back to it")
    rhs = _term_rhs(ts, weight)
    name = f"{ts.cell}_term{k}_bound"
    sup_text = ts.to_json()["sup_factor"] + (f" |{weight}|" if weight is not None else "")
    lines = [comment(f"{ts.cell}, {ts.role} term {ts.label}: |term| <= {rhs} at every "
                     f"admissible point (symrnn's supremum is {sup_text}"
                     + (", attained" if ts.attained is True else "")
                     + "; only the upper bound is stated here"
                     + (", with g* replaced by its certified upper bound g_star" if "g_star" in rhs else "")
                     + ")"),
             f"Theorem {name} ({' '.join(coq_name(s) for s in weights + gates)} : R) :"]
    lines += [f"  {hyps[v]} ->" for v in gates if hyps[v] is not None]
    lines.append(f"  Rabs ({coq(ts.expr)}) <= {rhs}.")
    hyp_names = [f"H{j}" for j, v in enumerate(gates) if hyps[v] is not None]
    proof = ["Proof."] + ([f"  intros {' '.join(hyp_names)}."] if hyp_names else [])
    product = " * ".join(f"({coq(f)})" for f in factors)
    proof.append(f"  replace ({coq(ts.expr)}) with ({sign}({product})) by ring.")
    if sign:
        proof.append("  rewrite Rabs_Ropp.")
    proof.append(f"  apply Rle_trans with ({' * '.join(bounds)}).")
    # Rabs_prod_le peels off the last factor: Rabs (((g1 * g2) * g3) * W)
    chain = f"({tactics[0]})"
    for tac in tactics[1:]:
        chain = f"apply Rabs_prod_le; [{chain} | ({tac})]"
    proof += [f"  - {chain}.", "  - right; field.", "Qed."]
    return CoqTheorem(name, _claims_of(ts), f"{ts.cell}: |{ts.label}| <= {rhs}",
                      "\n".join(lines) + "\n" + "\n".join(proof))


def _claims_of(ts: TermSup) -> tuple[str, ...]:
    """The readings a row supports (their upper-bound part, g* replaced by g_star): eq9's row
    four-gates/bound; the LSTM's secondary rows secondary-terms-small/pointwise; the GRU's
    and the LSTM's rows the upper halves of gru-less-stable/term-by-term's comparisons."""
    if ts.cell == "lstm" and ts.role == "secondary":
        out: tuple[str, ...] = ("secondary-terms-small/pointwise",)
        if "∂f_t" in ts.label:
            out += ("four-gates/bound",)
        return out
    return ()


def terms_group() -> CoqGroup:
    """One theorem per row of the table, for :data:`TABLE_CELLS`."""
    thms = []
    for cell in TABLE_CELLS:
        for k, ts in enumerate(term_suprema(cell)):
            thms.append(_term_theorem(ts, k))
    return CoqGroup("Terms", "the secondary-term table: every term's bound over the admissible "
                    "gate box", ("Xsech2",), "", tuple(thms), interval=False)


# --- forget-dominant: the sum of the LSTM's term bounds -------------------------------------

def dominant_group() -> CoqGroup:
    """*forget-dominant* (1-D): eq (8)'s derivative D exists, f_t ∈ (0, 1) and
    |D − f_t| ≤ the sum of the LSTM's secondary-term bounds (g* as ``g_star``, the certified
    upper bound), by the triangle inequality over the Terms.v rows."""
    from ..derivation import article_derivative
    from ._jacobians import _arguments, _fun_name, _lets, _needed

    d = article_derivative("lstm")
    cell = get_cell("lstm")
    rows = list(enumerate(term_suprema("lstm")))
    main = [(k, r) for k, r in rows if r.role == "main"]
    sec = [(k, r) for k, r in rows if r.role == "secondary"]
    if len(main) != 1 or sympy.expand(sum(r.expr for _, r in rows) - d.expr) != 0:
        raise RuntimeError("the LSTM's rows do not sum to eq (8)'s derivative")  # pragma: no cover
    (_, m), = main
    args = _arguments(d, d.of)
    binds = _needed(d, [d.expr])
    bound_syms = {s for s, _ in binds}
    dom = _domains(cell)
    gates = sorted(set().union(*(r.expr.free_symbols for _, r in rows))
                   - set(cell.matrix_symbols) - {d.wrt}, key=str)
    outer = [v for v in gates if v not in bound_syms]  # o_{t-1}: a hypothesis
    inner = [v for v in gates if v in bound_syms]      # f_t, i_t, chat_t: from their ranges
    fun = f"({_fun_name(d, d.of)} {' '.join(coq_name(a) for a in args[:-1])})"
    bounds = []
    for k, r in sec:
        weight, _, _ = split_weight(r.expr, cell.matrix_symbols)
        bounds.append(_term_rhs(r, weight))
    eps = " + ".join(bounds)
    main_hyp = _hyp(m.expr, dom[m.expr])
    note = (f"forget-dominant (LSTM, 1-D): dc_t/dc_(t-1) = D exists, f_t in (0, 1) and "
            f"|D - f_t| <= eps(U) = {eps}, the sum of the secondary-term bounds of Terms.v "
            "(g* replaced by its certified upper bound g_star)")
    lines = [comment(note),
             f"Theorem forget_dominant ({' '.join(coq_name(a) for a in args)} : R) :"]
    lines += [f"  {_hyp(v, dom[v])} ->" for v in outer]
    lines.append(_lets(binds, "  ", d).rstrip("\n"))
    lines.append(f"  exists D, is_derive {fun} {coq_name(d.wrt)} D /\\\n"
                 f"    {main_hyp} /\\\n"
                 f"    Rabs (D - {coq(m.expr)}) <= {eps}.")
    hyp_names = [f"Ho{j}" for j in range(len(outer))]
    proof = ["Proof.", f"  intros {' '.join(hyp_names + [coq_name(s) for s, _ in binds])}.",
             f"  exists ({coq(d.expr)}).",
             *(f"  assert (H{coq_name(v)} : {_hyp(v, dom[v])}) by "
               "(first [apply sigma_range | apply tanh_range])." for v in inner),
             f"  split; [apply eq8 | split; [assumption |]].",
             f"  replace (_ - {coq(m.expr)}) with ({' + '.join(f'({coq(r.expr)})' for _, r in sec)})"
             " by ring."]
    # Rabs_sum_le peels off the last summand: Rabs ((t1 + t2) + t3)
    tac = f"(apply lstm_term{sec[0][0]}_bound; assumption)"
    for k, _ in sec[1:]:
        tac = f"apply Rabs_sum_le; [{tac} | (apply lstm_term{k}_bound; assumption)]"
    proof += [f"  {tac}.", "Qed."]
    thm = CoqTheorem("forget_dominant", ("forget-dominant/pointwise",),
                     f"lstm: |dc_t/dc_prev - f_t| <= {eps}, f_t in (0, 1)",
                     "\n".join(lines) + "\n" + "\n".join(proof))
    refuted = group_from_text("Dominant", "", (), DOMINANT_REFUTED_V, DOMINANT_READINGS)
    return CoqGroup("Dominant", "forget-dominant: |dc_t/dc_(t-1) - f_t| <= the sum of the "
                    "term bounds; the readings 'f_t is larger' and 'no explosion' refuted",
                    ("Cells", "Jacobians", "Xsech2", "Terms"), "", (thm,) + refuted.theorems,
                    interval=False)
