r"""Every claim of the article with an n-dimensional reading, settled for n ≥ 2.

Norms are spectral (‖·‖₂) unless a statement says otherwise. The article's 1-D products
are commutative, so an n-D reading must say on which side of U each factor sits: a factor
carrying the *row* index (the gates of step t, the coefficient c_{t-1} of eq 8's product
rule) stands left of U, one carrying the *column* index (o_{t-1}, 1 − tanh² c_{t-1},
which come from h_{t-1} = o_{t-1} ∘ tanh c_{t-1}) stands right of it.

That split is what breaks several 1-D bounds: in 1-D, eq (9) pairs c_{t-1} with
1 − tanh² c_{t-1} and |(1 − tanh² c)c| < 0.45 squeezes it; in n-D the row factor
c_{t-1}[k] meets the column factor 1 − tanh² c_{t-1}[l] of a *different* coordinate, and
nothing bounds c_{t-1}[k] (:func:`~symrnn.ndim.families.lstm_split_cell`). Likewise U can
grow in directions U h_{t-1} does not see (tanh-bounded-in-U), entrywise clipping does not
bound the spectral norm, and per-step norms > 1 do not multiply up (non-normal products).

``CHECKS_ND[reading_id]()`` returns a :class:`~symrnn.verify.verdict.Verdict` whose
``evidence`` holds the proof or the exact counterexample (rationals as strings, Arb
enclosures re-checked); the reading's statement (which names the norm and the precise form)
and the verdict it is recorded to reach are in the registry (:mod:`symrnn.claims.readings`).

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, cast

import sympy

from ..bounds.invariants import state_update
from ..cells import get_cell
from ..cells._base import prev_sym, t_sym
from ..verify.lemmas import lemma_statuses
from ..verify.verdict import Status, Verdict
from . import families
from .dimension_free import prove_block, prove_cell
from .matrix_form import FORM_KEYS, BlockForm, D, I, M, matrix_form
from .pascanu import NEW_CLAIMS

__all__ = ["CHECKS_ND", "MATRIX_FORM_CHECKS", "NEW_CLAIMS", "eq_term_forms"]

def _verdict(ok: bool, status: Status, method: str, evidence: dict[str, Any]) -> Verdict:
    """``status`` if every exact check behind it passed, else "unknown"."""
    if not ok:
        return Verdict("unknown", f"a step of the {status} argument did not check: {method}",
                       evidence=evidence)
    return Verdict(status, method, evidence=evidence)


def _placement(block: BlockForm, wrong: BlockForm) -> Verdict:
    """Proved for the correct placement; the every-factor-on-the-left reading refuted."""
    right, bad = prove_block(block), prove_block(wrong)
    evidence = {"matrix_form": str(block), "latex": block.latex(), "proof": right.evidence,
                "all_factors_left_reading": {"form": str(wrong), "status": bad.status,
                                             "witness": bad.evidence.get("witness")}}
    return _verdict(right.proved and bad.refuted, "proved",
                    "dimension-free generic entry (k, l); the all-left reading refuted by an "
                    "Arb witness at n = 2", evidence)


def eq_term_forms() -> dict[str, tuple[BlockForm, BlockForm]]:
    """eq (9), (10a), (10b): (correct n-D form, all-factors-left reading)."""
    f, i, ch, c1, o1 = t_sym("f"), t_sym("i"), t_sym("chat"), prev_sym("c"), prev_sym("o")
    right = D(o1 * (1 - sympy.tanh(c1) ** 2))
    base = matrix_form("lstm", "article")
    out = {}
    for eq, coeff, gate, left, U in (
            ("eq9", c1, f, c1 * f * (1 - f), "U_f"),
            ("eq10a", ch, i, ch * i * (1 - i), "U_i"),
            ("eq10b", i, ch, i * (1 - ch**2), "U_c")):
        Um = M(sympy.Symbol(U))
        good = dataclasses.replace(base, of=gate, coefficient=coeff, form=D(left) * Um * right,
                                   equation=eq)
        wrong = dataclasses.replace(good, form=D(left * right.expr) * Um)
        out[eq] = (good, wrong)
    return out


def check_eq6() -> Verdict:
    good = matrix_form("rnn")
    wrong = dataclasses.replace(good, form=M(sympy.Symbol("U")) * D(1 - t_sym("h") ** 2))
    return _placement(good, wrong)


def check_eq8() -> Verdict:
    block = matrix_form("lstm", "article")
    v = prove_block(block)
    return Verdict(v.status, v.method, evidence={"matrix_form": str(block),
                                                 "latex": block.latex(), "proof": v.evidence})


def _term(eq: str) -> Callable[[], Verdict]:
    def check() -> Verdict:
        good, wrong = eq_term_forms()[eq]
        return _placement(good, wrong)
    return check


def check_eq13() -> Verdict:
    z, r, hh, h1 = t_sym("z"), t_sym("r"), t_sym("hhat"), prev_sym("h")
    Uz, Ur, Uh = (M(sympy.Symbol(n)) for n in ("U_z", "U_r", "U_h"))
    # (13) term by term, as printed: 1 − z − z(1−z)h U_z + z(1−z)ĥ U_z + (1−ĥ²) r (1 + (1−r) h U_r) z U_h
    printed = (D(1 - z) + D(-z * (1 - z) * h1) * Uz + D(z * (1 - z) * hh) * Uz
               + D(z * (1 - hh**2)) * Uh * D(r) * (I + D((1 - r) * h1) * Ur))
    left = (D(1 - z) + D(-z * (1 - z) * h1) * Uz + D(z * (1 - z) * hh) * Uz
            + D((1 - hh**2) * r * z) * (I + D((1 - r) * h1) * Ur) * Uh)
    base = matrix_form("gru")
    return _placement(dataclasses.replace(base, form=printed),
                      dataclasses.replace(base, form=left))


def check_tanh_bounded_in_u() -> Verdict:
    fams = [families.rnn_null_direction(m) for m in (10, 10**6)]
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams), "refuted",
                    "exact counterexample family U = M e_2 e_2^T with h_{t-1} = e_1 (U h_{t-1} = 0, "
                    "so J = U); Arb re-check of the elementwise Jacobian",
                    {"family": "n = 2, h_{t-1} = (1, 0), a = 0, U = [[0, 0], [0, M]]: "
                               "‖J‖₂ = M -> inf", "instances": fams,
                     "why": "U can grow along directions orthogonal to h_{t-1}, which U h_{t-1} "
                            "never sees; in 1-D there is no such direction"})


def _relu_general_family() -> dict[str, Any]:
    """For every n, h_{t-1} != 0 and a: U = λ 1 h^T/‖h‖² gives (U h)_k = λ (generic
    coordinate, a symbolic sum over n), so with λ > max_k |a_k| every pre-activation is
    positive, J = diag(relu') U = U and ‖J‖₂ >= ‖J h‖₂/‖h‖₂ = λ√n/‖h‖₂ -> ∞."""
    n = sympy.Symbol("n", integer=True, positive=True)
    l = sympy.Symbol("l", integer=True)
    h = sympy.IndexedBase("h")
    lam = sympy.Symbol("lambda", positive=True)
    norm2 = sympy.Sum(h[l] ** 2, (l, 1, n))
    Uh_k = sympy.Sum(lam * h[l] / norm2 * h[l], (l, 1, n))  # row k of U times h
    # linearity of the finite sum: λ/‖h‖² does not depend on l and comes out of the sum
    out = sympy.factor_terms(Uh_k)
    return {"U": "λ 1 h_{t-1}^T/‖h_{t-1}‖²", "(U h_{t-1})_k": str(out), "holds": out == lam,
            "norm": "‖J‖₂ >= ‖U h_{t-1}‖₂/‖h_{t-1}‖₂ = λ√n/‖h_{t-1}‖₂, unbounded in λ"}


def check_relu_unbounded() -> Verdict:
    fams = [families.relu_scaled_identity(m) for m in (10, 10**6)]
    tanh_too = families.rnn_null_direction(10)
    general = _relu_general_family()
    lemmas = lemma_statuses("diag-norm")
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams) and tanh_too["holds"]
                    and general["holds"] and lemmas["diag-norm"]["status"] == "proved",
                    "proved", "lemma diag-norm (φ' in [0, 1]); the family U = λ 1 h^T/‖h‖² for "
                    "every n, h_{t-1} != 0 and a (a symbolic sum over n), and exact instances "
                    "U = M I re-checked in Arb",
                    {"lemmas": lemmas, "general_family": general, "instances": fams,
                     "caveat": "in n-D the tanh RNN is unbounded in U as well "
                               "(tanh-bounded-in-U/nd is refuted), so the contrast the article "
                               "draws does not carry over", "tanh_instance": tanh_too})


def check_clip() -> Verdict:
    fams = [families.clipped_ones(m) for m in (10, 40)]
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams), "refuted",
                    "exact counterexample: all-ones U at the fixed point h = 0",
                    {"family": "tanh RNN, U = ones(n, n), h_0 = 0, W x + b = 0: J_t = U, "
                               "‖U^m‖₂ = n^m", "instances": fams})


def check_clip_spectral() -> Verdict:
    lemmas = lemma_statuses("diag-norm", "operator-norm-product", "power-bound")
    ok = all(v["status"] == "proved" for v in lemmas.values())
    return _verdict(ok, "proved", "lemmas diag-norm (|φ'| <= 1), operator-norm-product and "
                    "power-bound",
                    {"lemmas": lemmas, "steps": ["‖J_j‖₂ = ‖diag(φ'(a_j)) U‖₂ <= ‖U‖₂ <= 1 "
                                                 "(diag-norm, |φ'| <= 1)",
                                                 "‖J_t⋯J_{k+1}‖₂ <= ∏ ‖J_j‖₂ <= 1 "
                                                 "(operator-norm-product)"]})


def check_xsech2() -> Verdict:
    from ..bounds.claims import check_xsech2_bound

    one_d = check_xsech2_bound()
    lemmas = lemma_statuses("diag-norm")
    return _verdict(one_d.proved and lemmas["diag-norm"]["status"] == "proved", "proved",
                    "lemma diag-norm (‖diag(d)‖₂ = max_k |d_k|) and the 1-D certified bound at "
                    "every coordinate", {"one_dimensional": one_d.status, "lemmas": lemmas,
                                         "supremum": one_d.evidence.get("supremum")})


def _lstm_family_verdict(extra: dict[str, Any]) -> Verdict:
    fams = [families.lstm_split_cell(c) for c in (8, 80, 8 * 10**6)]
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams), "refuted",
                    "exact counterexample family c_{t-1} = (C, 0), U_f = [[0, 1], [0, 0]]; Arb "
                    "re-check of the elementwise Jacobian",
                    {"family": cast(str, families.lstm_split_cell.__doc__).split("\n\n")[0]
                                .replace("\n    ", " "), "instances": fams, **extra})


def check_four_gates() -> Verdict:
    return _lstm_family_verdict(
        {"why": "the term equals [[0, C/8], [0, 0]] with ‖U_f‖₂ = 1, unbounded in C: "
                "c_{t-1}[k] (row) and 1 - tanh² c_{t-1}[l] (column) are different coordinates; "
                "the 1-D squeeze |(1 - tanh² c) c| < 0.45 needs them equal"})


def check_secondary() -> Verdict:
    return _lstm_family_verdict(
        {"why": "false for eq (9)'s term (eq10a: <= ‖U_i‖₂/4 and eq10b: <= ‖U_c‖₂ do hold)",
         "eq10a_eq10b": "diag(chat∘i(1-i)) U_i diag(o_{t-1}∘(1-tanh² c_{t-1})): every diagonal "
                        "entry in [-1/4, 1/4] resp. [0, 1] on the left and (0, 1] on the right; "
                        "lemmas diag-norm and operator-norm-product"})


def check_forget_dominant() -> Verdict:
    return _lstm_family_verdict(
        {"why": "with U_i = U_c = 0 and ‖U_f‖₂ = 1 the difference is eq (9)'s term, of norm C/8: "
                "‖dc_t/dc_{t-1}‖₂ >= C/8 - 1 is unbounded (explosion risk is not small)"})


def check_gru_less_stable() -> Verdict:
    return _lstm_family_verdict(
        {"why": "‖diag(z(1-z)h_{t-1}) U_z‖₂ <= ‖U_z‖₂/4 (|h_{t-1}[k]| <= 1, gru-h-bounded) "
                "while eq (9)'s LSTM term is unbounded at ‖U_f‖₂ = 1",
         "gru_bound": "z(1-z) <= 1/4 and |h_{t-1}[k]| <= 1 give a diagonal of norm <= 1/4 "
                      "(lemma diag-norm)"})


def _elementwise_update(cell: str, state: str) -> bool:
    """The state update has no matrix: component k uses only component k of gates and
    states, so a 1-D statement about it holds coordinate by coordinate."""
    return not (state_update(cell, state).free_symbols & get_cell(cell).matrix_symbols)


def check_gru_h_bounded() -> Verdict:
    from ..bounds.invariants import check_gru_h_bounded as one_d

    v = one_d()
    cells = {("gru", "h"), ("mgu", "h"), ("gru_torch", "h"), ("variant", "c"), ("variant", "h")}
    elementwise = {f"{c}.{s}": _elementwise_update(c, s) for c, s in sorted(cells)}
    return _verdict(v.proved and all(elementwise.values()), "proved",
                    "the 1-D vertex-lemma proof applied to each coordinate (the updates are "
                    "elementwise)",
                    {"one_dimensional": v.status, "updates_elementwise": elementwise})


def check_gru_h_two_norm() -> Verdict:
    # b_z = ln 9, b_h = ln 3 give z = 9/10, hhat = 4/5 exactly; from h_0 = 0, h_1 = z hhat
    cell = get_cell("gru")
    h_new = cell.expanded(t_sym("h"))
    point = {p: 0 for p in cell.param_symbols}
    point.update({sympy.Symbol("b_z"): sympy.log(9), sympy.Symbol("b_h"): sympy.log(3),
                  cell.x: 0, prev_sym("h"): 0})
    h1 = sympy.cancel(h_new.subs(point).rewrite(sympy.exp))  # exact: σ, tanh through exp
    two_norm_sq = 2 * h1**2
    ok = h1 == sympy.Rational(18, 25) and two_norm_sq > 1
    return _verdict(ok, "refuted", "exact counterexample: n = 2, the catalog GRU with U = W = 0, "
                    "b_z = ln 9, b_h = ln 3 from h_0 = 0",
                    {"two_norm_counterexample": {"n": 2, "h_0": ["0", "0"], "W": "0", "U": "0",
                                                 "b_z": "ln 9", "b_h": "ln 3", "z_t": "9/10",
                                                 "hhat_t": "4/5", "h_1": [str(h1)] * 2,
                                                 "norm2_sq": str(two_norm_sq)}})


def check_lstm_c_unbounded() -> Verdict:
    from ..bounds.invariants import check_lstm_c_divergence, check_lstm_c_growth

    growth, diverge = check_lstm_c_growth(), check_lstm_c_divergence()
    return _verdict(growth.proved and diverge.proved and _elementwise_update("lstm", "c"),
                    "proved", "coordinatewise: the c-update is elementwise, so the 1-D growth "
                    "bound holds per coordinate, and with diagonal weights (W_f = I, b_c = ln 3 "
                    "· 1, the rest 0) the n-D LSTM is n copies of the 1-D divergent one",
                    {"one_dimensional": {"growth": growth.status, "divergence": diverge.status}})


def check_nd_vanish() -> Verdict:
    lemmas = lemma_statuses("operator-norm-product", "power-bound", "geometric-limit")
    ok = all(v["status"] == "proved" for v in lemmas.values())
    return _verdict(ok, "proved", "lemmas operator-norm-product, power-bound and "
                    "geometric-limit", {"lemmas": lemmas})


def check_nd_explode() -> Verdict:
    fam = families.nilpotent()
    return _verdict(fam["holds"] and fam["contains_exact"], "refuted",
                    "exact nilpotent Jacobian of a tanh RNN at its fixed point h = 0",
                    {"explosion_half": fam,
                     "what_does_hold": "if the smallest singular value of every J_j is >= q > 1 "
                                       "then ‖J_t⋯J_{k+1}‖₂ >= q^(t-k)"})


#: reading id → check, for the n-D readings of the registry (:mod:`symrnn.claims.readings`).
CHECKS_ND: dict[str, Callable[[], Verdict]] = {
    "vanish-explode/nd-vanish": check_nd_vanish,
    "vanish-explode/nd-explode": check_nd_explode,
    "eq6/nd": check_eq6,
    "tanh-bounded-in-U/nd": check_tanh_bounded_in_u,
    "relu-unbounded/nd": check_relu_unbounded,
    "clip-prevents-explosion/nd-entrywise": check_clip,
    "clip-prevents-explosion/nd-spectral": check_clip_spectral,
    "eq8/nd": check_eq8,
    "forget-dominant/nd": check_forget_dominant,
    "eq9/nd": _term("eq9"),
    "xsech2-bound/nd": check_xsech2,
    "four-gates/nd": check_four_gates,
    "eq10a/nd": _term("eq10a"),
    "eq10b/nd": _term("eq10b"),
    "secondary-terms-small/nd": check_secondary,
    "gru-h-bounded/nd": check_gru_h_bounded,
    "gru-h-bounded/nd-2norm": check_gru_h_two_norm,
    "lstm-c-unbounded/nd": check_lstm_c_unbounded,
    "eq13/nd": check_eq13,
    "gru-less-stable/nd": check_gru_less_stable,
}


def _cell_check(cell: str) -> Callable[[], Verdict]:
    def check() -> Verdict:
        return prove_cell(cell)
    check.__doc__ = f"Dimension-free proof of every matrix-form block of {cell!r}."
    return check


#: cell name → the dimension-free proof that its matrix forms equal the elementwise Jacobian.
MATRIX_FORM_CHECKS: dict[str, Callable[[], Verdict]] = {c: _cell_check(c) for c in FORM_KEYS}
