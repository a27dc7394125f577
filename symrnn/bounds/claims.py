"""The checks of the bound readings whose argument is a certified supremum.

Each function returns a :class:`~symrnn.verify.verdict.Verdict` whose ``evidence`` carries
the certified numbers (enclosures as ``"[mid +/- rad]"`` strings plus outward-rounded decimal
``lower``/``upper``) and the certificates, re-checked by the independent checker of
:mod:`symrnn.bounds.certificate` before "proved" is returned. The precise statement of each
reading, and the verdict it is recorded to reach, live in the claim registry
(:mod:`symrnn.claims.readings`), which names these functions.

>>> check_xsech2_bound().status
'proved'
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy
from flint import arb

from ..verify.lemmas import identically_zero, lemma_statuses
from ..verify.verdict import Verdict
from . import tanh_in_u
from ._interval import ball_str, lower_str, point, upper_str
from .certificate import check_certificate
from .terms import GSTAR, K, TermSup, reset_factor_lemmas, term_suprema
from .xsech2 import prove_xsech2_bound, xsech2_supremum

__all__ = ["check_xsech2_bound", "check_tanh_bounded_in_u", "check_four_gates",
           "check_secondary_terms_small", "check_forget_dominant", "check_gru_less_stable"]

_BOUND = Fraction(45, 100)


def _checked(cert: dict[str, Any]) -> dict[str, Any]:
    res = check_certificate(cert)
    return {"ok": res.ok, "checked": res.checked, "reasons": res.reasons}


def check_xsech2_bound() -> Verdict:
    sup = xsech2_supremum()
    proof = prove_xsech2_bound(_BOUND)
    if proof.refuted:  # only with a bound below the supremum; the witness is the evidence
        return proof
    sup_check = _checked(sup.certificate)
    bound_check = _checked(proof.evidence.get("certificate", {})) if proof.proved else None
    ok = (proof.proved and sup_check["ok"] and bound_check is not None and bound_check["ok"]
          and sup.value < arb("0.45"))
    return Verdict(
        "proved" if ok else "unknown",
        "exact analysis (odd; unique critical point 2c tanh c = 1) + interval Newton for the "
        "supremum; independently a mean-value branch-and-bound on [0, 2] + tail lemma for < 0.45; "
        "both certificates re-checked",
        evidence={
            "supremum": sup.to_json(),
            "steps": list(sup.steps),
            "bound": "0.45",
            "bound_proof": {k: v for k, v in proof.evidence.items() if k != "certificate"},
            "certificates": {"supremum": sup.certificate,
                             "bound": proof.evidence.get("certificate")},
            "checker": {"supremum": sup_check, "bound": bound_check},
        },
    )


def check_tanh_bounded_in_u() -> Verdict:
    steps = tanh_in_u.analytic_steps()
    g = xsech2_supremum().value
    samples = []
    ok = True
    for a, h in ((0, 1), (1, Fraction(1, 2)), (-3, 2)):
        r = tanh_in_u.tanh_in_u_sup(a, h)
        chk = _checked(r["certificate"])
        # consistency with the general bounds |a| <= S(|a|) <= |a| + g*
        S_lo, S_hi = Fraction(r["S(|a|)"]["lower"]), Fraction(r["S(|a|)"]["upper"])
        within = abs(Fraction(a)) <= S_hi and not point(S_lo) > point(abs(Fraction(a))) + g
        ok &= chk["ok"] and bool(within)
        samples.append({k: r[k] for k in ("a", "h", "enclosure", "lower", "upper",
                                          "maximiser_U")} | {"checker": chk["ok"]})
    return Verdict(
        "proved" if ok else "unknown",
        "substitution x = a + U h, fold, unique critical point (exact SymPy steps); S(|a|) by "
        "interval Newton with re-checked certificates",
        evidence={"steps": steps, "a=0": {"sup_times_|h|": ball_str(g), "lower": lower_str(g),
                                          "upper": upper_str(g)},
                  "samples": samples},
    )


def _row(cell: str, label_has: str) -> TermSup:
    (ts,) = [t for t in term_suprema(cell) if label_has in t.label]
    return ts


def _lstm_rows() -> tuple[TermSup, TermSup, TermSup]:
    return (_row("lstm", "∂f_t"), _row("lstm", "∂i_t"), _row("lstm", "∂chat_t"))


def check_four_gates() -> Verdict:
    t9 = _lstm_rows()[0]
    ok = (sympy.expand(t9.factor_formula - GSTAR / 4) == 0 and not t9.attained
          and t9.factor is not None and t9.factor < arb("0.1120"))
    return Verdict(
        "proved" if ok else "unknown",
        "product of independent group suprema: f(1-f) <= 1/4 (f = 1/2), o_{t-1} < 1, "
        "|(1 - tanh^2 c)c| <= g* (xsech2)",
        evidence={"term": t9.to_json(), "U_f_threshold_for_term_below_1":
                  {"enclosure": ball_str(4 / t9.factor) if t9.factor else None}},
    )


def check_secondary_terms_small() -> Verdict:
    rnn = term_suprema("rnn")[0]
    rows = _lstm_rows()
    one = arb(1)
    ok = rnn.factor_formula == 1 and rnn.attained
    ok &= all(r.factor is not None and r.factor <= one and not r.attained for r in rows)
    strict = [r.label for r in rows if r.factor is not None and r.factor < one]
    equal = [r.label for r in rows if r.factor_formula == 1]
    return Verdict(
        "proved" if ok else "unknown",
        "exact term suprema over the admissible gate box (terms.py)",
        evidence={"eq6": rnn.to_json(), "lstm": [r.to_json() for r in rows],
                  "strictly_smaller_sup": strict, "same_sup_as_eq6": equal},
    )


def check_forget_dominant() -> Verdict:
    main = term_suprema("lstm")[0]
    rows = _lstm_rows()
    eps = sum((r.factor_formula * sympy.Abs(r.weight) for r in rows), sympy.Integer(0))
    lemmas = lemma_statuses("triangle")
    ok = (main.role == "main" and str(main.expr) == "f_t" and main.factor_formula == 1
          and not main.attained and all(r.factor is not None for r in rows)
          and lemmas["triangle"]["status"] == "proved")
    return Verdict(
        "proved" if ok else "unknown",
        "lemma triangle over the certified term suprema; main term f_t in (0, 1)",
        evidence={"main": main.to_json(), "eps(U)": str(eps), "lemmas": lemmas,
                  "eps_coefficients": {str(r.weight): {"enclosure": ball_str(r.factor),
                                                       "upper": upper_str(r.factor)}
                                       for r in rows if r.factor is not None}},
    )


def check_gru_less_stable() -> Verdict:
    gru = {t.label: t for t in term_suprema("gru") if t.role == "secondary"}
    t9, t10a, t10b = _lstm_rows()
    h_term = next(t for lbl, t in gru.items() if lbl.startswith("-h_{t-1}"))
    hhat_term = next(t for lbl, t in gru.items() if lbl.startswith("hhat_t"))
    cand = next(t for lbl, t in gru.items() if "∂hhat_t" in lbl)
    psi = cand.factor_formula
    lemmas = reset_factor_lemmas()
    ok = (h_term.factor is not None and t9.factor is not None and h_term.factor > t9.factor
          and hhat_term.factor_formula == t10a.factor_formula
          and identically_zero(psi.subs(K, 1) - 1)
          and all(psi.subs(K, k) > 1 for k in (sympy.Rational(3, 2), 2, 10))
          and all(psi.subs(K, k) == 1 for k in (0, sympy.Rational(1, 2), 1)))
    # psi(k) >= 1 for all k: (1 + k)^2/(4k) - 1 = (k - 1)^2/(4k) >= 0
    ok &= sympy.cancel((1 + K) ** 2 / (4 * K) - 1 - (K - 1) ** 2 / (4 * K)) == 0
    return Verdict(
        "proved" if ok else "unknown",
        "exact term suprema (terms.py) and the psi reset-factor lemma; (1+k)^2/(4k) - 1 = "
        "(k-1)^2/(4k) >= 0",
        evidence={"gru": [t.to_json() for t in (h_term, hhat_term, cand)],
                  "lstm": [t.to_json() for t in (t9, t10a, t10b)],
                  "psi": lemmas["psi"],
                  "totals_at_equal_weights_u<=1": {"gru": "u/2 + u = 1.5u",
                                                   "lstm": f"(g*/4 + 1/4 + 1)u = "
                                                           f"{ball_str(t9.factor + arb(5) / 4)}u"
                                                   if t9.factor else None}},
    )
