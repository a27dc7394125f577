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

``CHECKS_ND[claim_id]()`` returns a :class:`~symrnn.verify.verdict.Verdict` whose
``statement`` names the norm and the precise form and whose ``evidence`` holds the proof
or the exact counterexample (rationals as strings, Arb enclosures re-checked).
:data:`EXPECTED_ND` is the verdict each reaches.

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
from ..verify.verdict import Status, Verdict
from . import families
from .dimension_free import prove_block, prove_cell
from .matrix_form import FORM_KEYS, BlockForm, D, I, M, matrix_form
from .pascanu import NEW_CLAIMS

__all__ = ["CHECKS_ND", "EXPECTED_ND", "MATRIX_FORM_CHECKS", "NEW_CLAIMS", "eq_term_forms"]

_TANH_LEMMA = ("‖diag(d) A‖₂ ≤ max_k |d_k| ‖A‖₂ and ‖AB‖₂ ≤ ‖A‖₂‖B‖₂ (submultiplicativity); "
               "‖diag(d)‖₂ = max_k |d_k|")


def _verdict(ok: bool, status: Status, method: str, statement: str, evidence: dict[str, Any]
             ) -> Verdict:
    """``status`` if every exact check behind it passed, else "unknown"."""
    if not ok:
        return Verdict("unknown", f"a step of the {status} argument did not check: {method}",
                       evidence=evidence, statement=statement)
    return Verdict(status, method, evidence=evidence, statement=statement)


def _placement(block: BlockForm, wrong: BlockForm, statement: str) -> Verdict:
    """Proved for the correct placement; the every-factor-on-the-left reading refuted."""
    right, bad = prove_block(block), prove_block(wrong)
    evidence = {"matrix_form": str(block), "latex": block.latex(), "proof": right.evidence,
                "all_factors_left_reading": {"form": str(wrong), "status": bad.status,
                                             "witness": bad.evidence.get("witness")}}
    return _verdict(right.proved and bad.refuted, "proved",
                    "dimension-free generic entry (k, l); the all-left reading refuted by an "
                    "Arb witness at n = 2", statement, evidence)


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
    v = _placement(good, wrong, "n >= 2: dh_t/dh_{t-1} = diag(1 - h_t∘h_t) U (diag on the left; "
                   "U diag(1 - h_t²) is false)")
    return v


def check_eq8() -> Verdict:
    block = matrix_form("lstm", "article")
    v = prove_block(block)
    return Verdict(v.status, v.method, evidence={"matrix_form": str(block),
                                                 "latex": block.latex(), "proof": v.evidence},
                   statement="n >= 2, h_{t-1} = o_{t-1}∘tanh c_{t-1}: dc_t/dc_{t-1} = diag(f_t) "
                             "+ [diag(c_{t-1}∘f_t∘(1-f_t)) U_f + diag(chat_t∘i_t∘(1-i_t)) U_i + "
                             "diag(i_t∘(1-chat_t²)) U_c] diag(o_{t-1}∘(1 - tanh² c_{t-1}))")


def _term(eq: str) -> Callable[[], Verdict]:
    def check() -> Verdict:
        good, wrong = eq_term_forms()[eq]
        return _placement(good, wrong, f"n >= 2: {good} (row factors left of the matrix, "
                          "o_{t-1}∘(1 - tanh² c_{t-1}) right of it)")
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
                      dataclasses.replace(base, form=left),
                      "n >= 2: dh_t/dh_{t-1} = diag(1-z) - diag(z(1-z)h_{t-1}) U_z + "
                      "diag(z(1-z)hhat) U_z + diag(z(1-hhat²)) U_h diag(r) (I + "
                      "diag((1-r)h_{t-1}) U_r): r and (1 + (1-r)h_{t-1}U_r) sit right of U_h")


def check_tanh_bounded_in_u() -> Verdict:
    fams = [families.rnn_null_direction(m) for m in (10, 10**6)]
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams), "refuted",
                    "exact counterexample family U = M e_2 e_2^T with h_{t-1} = e_1 (U h_{t-1} = 0, "
                    "so J = U); Arb re-check of the elementwise Jacobian",
                    "n >= 2, spectral norm: for fixed h_{t-1} != 0 and a = W x_t + b, "
                    "sup over U of ‖diag(1 - h_t²) U‖₂ is finite — FALSE: it is infinite",
                    {"family": "n = 2, h_{t-1} = (1, 0), a = 0, U = [[0, 0], [0, M]]: "
                               "‖J‖₂ = M -> inf", "instances": fams,
                     "why": "U can grow along directions orthogonal to h_{t-1}, which U h_{t-1} "
                            "never sees; in 1-D there is no such direction"})


def check_relu_unbounded() -> Verdict:
    fams = [families.relu_scaled_identity(m) for m in (10, 10**6)]
    tanh_too = families.rnn_null_direction(10)
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams) and tanh_too["holds"],
                    "proved", "norm lemma (φ' in [0, 1]) + exact family U = M I",
                    "n >= 2: ‖dh_t/dh_{t-1}‖₂ <= ‖U‖₂ for tanh and relu; for relu and every "
                    "fixed h_{t-1} != 0 and a, sup over U = inf. Checked exactly: the instances "
                    "U = M I at h_{t-1} = (1, 1), a = 0; argued in text for every h_{t-1} != 0 "
                    "and a: U = λ 1 h_{t-1}^T/|h_{t-1}|², λ > max|a_k|, makes every "
                    "pre-activation positive and J = U with ‖U‖₂ = λ√n/|h_{t-1}|)",
                    {"lemma": _TANH_LEMMA, "instances": fams,
                     "caveat": "in n-D the tanh RNN is unbounded in U as well "
                               "(tanh-bounded-in-U is refuted), so the contrast the article "
                               "draws does not carry over", "tanh_instance": tanh_too})


def check_clip() -> Verdict:
    fams = [families.clipped_ones(m) for m in (10, 40)]
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams), "refuted",
                    "exact counterexample: all-ones U at the fixed point h = 0",
                    "n >= 2: clipping every entry of U into [-1, 1] keeps ‖J_t⋯J_1‖₂ bounded — "
                    "FALSE (it holds if instead ‖U‖₂ <= 1 is enforced: ‖J_t‖₂ <= ‖U‖₂ <= 1)",
                    {"family": "tanh RNN, U = ones(n, n), h_0 = 0, W x + b = 0: J_t = U, "
                               "‖U^m‖₂ = n^m", "instances": fams,
                     "spectral_clipping": "‖diag(1 - h²) U‖₂ <= ‖U‖₂ <= 1 per step, so every "
                                          "product has norm <= 1 (" + _TANH_LEMMA + ")"})


def check_xsech2() -> Verdict:
    from ..bounds.claims import CHECKS

    one_d = CHECKS["xsech2-bound"]()
    return _verdict(one_d.proved, "proved", "elementwise: ‖diag(d)‖₂ = max_k |d_k| and the "
                    "1-D certified bound applies to every coordinate",
                    "n >= 2: ‖diag((1 - tanh² c)∘c)‖₂ = max_k |(1 - tanh² c_k) c_k| < 0.45 for "
                    "every c in R^n", {"one_dimensional": one_d.status,
                                       "supremum": one_d.evidence.get("supremum")})


def _lstm_family_verdict(statement: str, extra: dict[str, Any]) -> Verdict:
    fams = [families.lstm_split_cell(c) for c in (8, 80, 8 * 10**6)]
    return _verdict(all(f["holds"] and f["contains_exact"] for f in fams), "refuted",
                    "exact counterexample family c_{t-1} = (C, 0), U_f = [[0, 1], [0, 0]]; Arb "
                    "re-check of the elementwise Jacobian",
                    statement, {"family": cast(str, families.lstm_split_cell.__doc__).split("\n\n")[0]
                                .replace("\n    ", " "), "instances": fams, **extra})


def check_four_gates() -> Verdict:
    return _lstm_family_verdict(
        "n >= 2: ‖diag(c_{t-1}∘f(1-f)) U_f diag(o_{t-1}∘(1 - tanh² c_{t-1}))‖₂ <= (g*/4)‖U_f‖₂ "
        "— FALSE: the term equals [[0, C/8], [0, 0]] with ‖U_f‖₂ = 1, unbounded in C",
        {"why": "c_{t-1}[k] (row) and 1 - tanh² c_{t-1}[l] (column) are different coordinates; "
                "the 1-D squeeze |(1 - tanh² c) c| < 0.45 needs them equal"})


def check_secondary() -> Verdict:
    return _lstm_family_verdict(
        "n >= 2: each LSTM secondary term has ‖term‖₂ <= ‖U_*‖₂ (squeezed at least as much as "
        "eq6) — FALSE for eq9's term (eq10a: <= ‖U_i‖₂/4 and eq10b: <= ‖U_c‖₂ do hold)",
        {"eq10a_eq10b": "diag(chat∘i(1-i)) U_i diag(o_{t-1}∘(1-tanh² c_{t-1})): every diagonal "
                        "entry in [-1/4, 1/4] resp. [0, 1] on the left and (0, 1] on the right; "
                        + _TANH_LEMMA})


def check_forget_dominant() -> Verdict:
    return _lstm_family_verdict(
        "n >= 2: ‖dc_t/dc_{t-1} - diag(f_t)‖₂ < eps(U) = (g*/4)‖U_f‖₂ + ‖U_i‖₂/4 + ‖U_c‖₂ — "
        "FALSE: with U_i = U_c = 0 and ‖U_f‖₂ = 1 the difference has norm C/8, and "
        "‖dc_t/dc_{t-1}‖₂ >= C/8 is unbounded (explosion risk is not small)", {})


def check_gru_less_stable() -> Verdict:
    return _lstm_family_verdict(
        "n >= 2, term by term at equal weight matrices: sup ‖GRU secondary term‖₂ >= sup ‖matching "
        "LSTM term‖₂ — FALSE: ‖diag(z(1-z)h_{t-1}) U_z‖₂ <= ‖U_z‖₂/4 (|h_{t-1}[k]| <= 1, "
        "gru-h-bounded) while eq9's LSTM term is unbounded at ‖U_f‖₂ = 1",
        {"gru_bound": "z(1-z) <= 1/4 and |h_{t-1}[k]| <= 1 give a diagonal of norm <= 1/4; "
                      + _TANH_LEMMA})


def _elementwise_update(cell: str, state: str) -> bool:
    """The state update has no matrix: component k uses only component k of gates and
    states, so a 1-D statement about it holds coordinate by coordinate."""
    return not (state_update(cell, state).free_symbols & get_cell(cell).matrix_symbols)


def check_gru_h_bounded() -> Verdict:
    from ..bounds.invariants import check_gru_h_bounded as one_d

    v = one_d()
    cells = {("gru", "h"), ("mgu", "h"), ("gru_torch", "h"), ("variant", "c"), ("variant", "h")}
    elementwise = {f"{c}.{s}": _elementwise_update(c, s) for c, s in sorted(cells)}
    # the 2-norm reading fails: b_z = ln 9, b_h = ln 3 give z = 9/10, hhat = 4/5 exactly
    z, hh = sympy.Rational(9, 10), sympy.Rational(4, 5)
    exact = (sympy.simplify(1 / (1 + sympy.exp(-sympy.log(9))) - z) == 0
             and sympy.simplify(sympy.tanh(sympy.log(3)) - hh) == 0)
    h1 = z * hh
    two_norm_sq = 2 * h1**2
    return _verdict(v.proved and all(elementwise.values()) and exact and two_norm_sq > 1,
                    "proved", "the 1-D vertex-lemma proof applied to each coordinate (the "
                    "updates are elementwise)",
                    "n >= 2, ∞-norm: ‖h_0‖_∞ <= 1 implies ‖h_t‖_∞ <= 1 for all t (GRU eq11, "
                    "eq12, PyTorch's; eq14: c_t and h_t). Not for the 2-norm: ‖h_t‖₂ can exceed 1",
                    {"one_dimensional": v.status, "updates_elementwise": elementwise,
                     "two_norm_counterexample": {"n": 2, "h_0": ["0", "0"], "W": "0", "U": "0",
                                                 "b_z": "ln 9", "b_h": "ln 3", "z_t": str(z),
                                                 "hhat_t": str(hh), "h_1": [str(h1)] * 2,
                                                 "norm2_sq": str(two_norm_sq)}})


def check_lstm_c_unbounded() -> Verdict:
    from ..bounds.invariants import check_lstm_c_unbounded as one_d

    v = one_d()
    return _verdict(v.proved and _elementwise_update("lstm", "c"), "proved",
                    "coordinatewise: the c-update is elementwise, and with W_* = I, U_* = 0 the "
                    "n-D LSTM is n copies of the 1-D one, so the 1-D divergence lifts",
                    "n >= 2, ∞-norm: ‖c_t‖_∞ < ‖c_0‖_∞ + t for all t (tight), and the fixed-weight "
                    "LSTM W_f = W_i = W_c = I, U = b = 0, x_t = t·1 has every c_t[k] >= 0.42 t",
                    {"one_dimensional": v.status, "one_dimensional_evidence_keys":
                     sorted(v.evidence)})


def check_vanish_explode() -> Verdict:
    fam = families.nilpotent()
    return _verdict(fam["holds"] and fam["contains_exact"], "refuted",
                    "uniform vanishing by submultiplicativity; explosion half refuted by an "
                    "exact nilpotent Jacobian",
                    "n >= 2, spectral norm, uniform form: ‖J_j‖₂ <= q < 1 for all j implies "
                    "‖J_t⋯J_{k+1}‖₂ <= q^(t-k) -> 0 (true), and ‖J_j‖₂ >= q > 1 for all j implies "
                    "explosion — FALSE: J = [[0, 2], [0, 0]] has ‖J‖₂ = 2 and J² = 0",
                    {"vanishing_half": "‖AB‖₂ <= ‖A‖₂‖B‖₂", "explosion_half": fam,
                     "what_does_hold": "if the smallest singular value of every J_j is >= q > 1 "
                                       "then ‖J_t⋯J_{k+1}‖₂ >= q^(t-k)"})


CHECKS_ND: dict[str, Callable[[], Verdict]] = {
    "vanish-explode": check_vanish_explode,
    "eq6": check_eq6,
    "tanh-bounded-in-U": check_tanh_bounded_in_u,
    "relu-unbounded": check_relu_unbounded,
    "clip-prevents-explosion": check_clip,
    "eq8": check_eq8,
    "forget-dominant": check_forget_dominant,
    "eq9": _term("eq9"),
    "xsech2-bound": check_xsech2,
    "four-gates": check_four_gates,
    "eq10a": _term("eq10a"),
    "eq10b": _term("eq10b"),
    "secondary-terms-small": check_secondary,
    "gru-h-bounded": check_gru_h_bounded,
    "lstm-c-unbounded": check_lstm_c_unbounded,
    "eq13": check_eq13,
    "gru-less-stable": check_gru_less_stable,
}

EXPECTED_ND: dict[str, str] = {
    "vanish-explode": "refuted", "eq6": "proved", "tanh-bounded-in-U": "refuted",
    "relu-unbounded": "proved", "clip-prevents-explosion": "refuted", "eq8": "proved",
    "forget-dominant": "refuted", "eq9": "proved", "xsech2-bound": "proved",
    "four-gates": "refuted", "eq10a": "proved", "eq10b": "proved",
    "secondary-terms-small": "refuted", "gru-h-bounded": "proved",
    "lstm-c-unbounded": "proved", "eq13": "proved", "gru-less-stable": "refuted",
}


def _cell_check(cell: str) -> Callable[[], Verdict]:
    def check() -> Verdict:
        return prove_cell(cell)
    check.__doc__ = f"Dimension-free proof of every matrix-form block of {cell!r}."
    return check


#: cell name → the dimension-free proof that its matrix forms equal the elementwise Jacobian.
MATRIX_FORM_CHECKS: dict[str, Callable[[], Verdict]] = {c: _cell_check(c) for c in FORM_KEYS}
