r"""The classic norm results on vanishing gradients (Pascanu, Mikolov & Bengio 2013), checked.

For :math:`h_t = \phi(W x_t + U h_{t-1} + b)` the one-step Jacobian is
:math:`J_t = \operatorname{diag}(\phi'(a_t))\,U` (eq 6 in n dimensions, proved for every n
by :mod:`symrnn.ndim.dimension_free`), with :math:`\gamma = \sup|\phi'|` equal to 1 for tanh
(1 − tanh² ≤ 1, attained at 0) and 1/4 for σ (σ(1 − σ) = 1/4 − (σ − 1/2)², attained at 0).

* ``pascanu-norm-bound`` — :math:`\|J_t\|_2 \le \gamma\|U\|_2`: proved
  (:math:`\|\operatorname{diag}(d)U\|_2 \le \max_k|d_k|\,\|U\|_2`), and tight (U = I at h = 0).
* ``pascanu-vanishing-sufficient`` — :math:`\|U\|_2 < 1/\gamma` gives
  :math:`\|J_T\cdots J_1\|_2 \le (\gamma\|U\|_2)^T \to 0`: proved (submultiplicativity).
* ``pascanu-eigenvalue-version`` — the same condition on the spectral radius ρ(U) is **not**
  sufficient for non-normal U: U = [[3/2, 2], [−1, −3/2]] has U² = I/4 (ρ(U) = 1/2), yet the
  tanh RNN with W = 0, b = (−24/13, ln 5 + 18/13) sits at the fixed point h* = (0, 12/13),
  where J = diag(1, 25/169) U has an eigenvalue λ > 13/10, so
  :math:`\|\partial h_T/\partial h_0\|_2 = \|J^T\|_2 \ge \lambda^T` grows geometrically
  (:func:`~symrnn.ndim.families.pascanu_fixed_point`). Refuted.

References
----------
R. Pascanu, T. Mikolov, Y. Bengio, "On the difficulty of training recurrent neural
networks", ICML 2013, arXiv:1211.5063 v2, §2.1 and the supplementary proof.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy

from ..activations import sigmoid
from ..verify.identity import check_identity
from ..verify.lemmas import lemma_statuses
from ..verify.verdict import Verdict
from . import families
from .dimension_free import prove_block
from .matrix_form import matrix_form

__all__ = ["NEW_CLAIMS", "check_norm_bound", "check_vanishing_sufficient",
           "check_eigenvalue_version", "gammas"]

_SECTION = "Beyond the article: n dimensions"
_x = sympy.Symbol("x", real=True)


def gammas() -> dict[str, Any]:
    """γ = sup|φ'| for tanh and σ, exactly: the identities behind the bounds and the point
    where each is attained."""
    tanh_id = check_identity(sympy.diff(sympy.tanh(_x), _x), 1 - sympy.tanh(_x) ** 2)  # (4c)
    sig = sigmoid(_x)
    sig_id = check_identity(sig * (1 - sig), sympy.Rational(1, 4) - (sig - sympy.Rational(1, 2)) ** 2)
    tanh_d = sympy.diff(sympy.tanh(_x), _x)
    sig_d = sympy.diff(sig, _x)
    return {
        "tanh": {"derivative": str(tanh_d), "gamma": "1",
                 "bound": "1 - tanh² x <= 1 (a square subtracted from 1)",
                 "attained_at_0": tanh_d.subs(_x, 0) == 1, "identity": tanh_id.status},
        "sigmoid": {"derivative": str(sig_d), "gamma": "1/4",
                    "bound": "σ(1 - σ) = 1/4 - (σ - 1/2)² <= 1/4",
                    "identity": sig_id.status,
                    "attained_at_0": sig_d.subs(_x, 0) == sympy.Rational(1, 4)},
    }


def check_norm_bound() -> Verdict:
    g = gammas()
    form = prove_block(matrix_form("rnn"))
    tight = families.relu_scaled_identity(1)  # U = I, all pre-activations positive
    lemmas = lemma_statuses("diag-norm", "operator-norm-product")
    ok = (form.proved and g["sigmoid"]["identity"] == "proved"
          and g["tanh"]["identity"] == "proved" and g["tanh"]["attained_at_0"]
          and g["sigmoid"]["attained_at_0"] and tight["holds"]
          and all(v["status"] == "proved" for v in lemmas.values()))
    evidence = {"matrix_form": str(matrix_form("rnn")), "matrix_form_proof": form.status,
                "gammas": g, "lemmas": lemmas,
                "tight": "at h_{t-1} with a_t = 0 (φ'(0) = γ), J = γ U; e.g. relu/U = I: "
                         "J = I", "tight_instance": tight}
    if not ok:
        return Verdict("unknown", "a step of the proof did not check", evidence=evidence)
    return Verdict("proved", "exact: eq6's matrix form for every n, exact γ, lemmas diag-norm "
                   "and operator-norm-product", evidence=evidence)


def check_vanishing_sufficient() -> Verdict:
    base = check_norm_bound()
    half = sympy.eye(2) / 2
    T = 30
    product = half**T
    lemmas = lemma_statuses("operator-norm-product", "power-bound", "geometric-limit")
    ok = (base.proved and product == sympy.eye(2) / 2**T
          and all(v["status"] == "proved" for v in lemmas.values()))
    evidence = {"steps": ["‖J_t‖₂ <= γ‖U‖₂ (pascanu-norm-bound)",
                          "‖J_T ⋯ J_1‖₂ <= ∏ ‖J_t‖₂ <= η^T, η = γ‖U‖₂ (operator-norm-product, "
                          "power-bound)", "η < 1 gives η^T -> 0 (geometric-limit)"],
                "lemmas": lemmas,
                "example": {"cell": "tanh RNN at h = 0", "U": "I/2", "T": T,
                            "product": f"I/2^{T}"}}
    if not ok:
        return Verdict("unknown", "the norm bound did not check", evidence=evidence)
    return Verdict("proved", "exact: norm bound, lemmas operator-norm-product, power-bound and "
                   "geometric-limit", evidence=evidence)


def check_eigenvalue_version() -> Verdict:
    fam = families.pascanu_fixed_point()
    evidence = {"counterexample": fam,
                "why": "ρ(diag(d) U) can exceed ρ(U) when U is not normal; only the spectral "
                       "norm (largest singular value) bounds every product",
                "growth": "‖J^T‖₂ >= ρ(J)^T and ρ(J) > 13/10 since p(13/10) < 0 for the "
                          "characteristic polynomial p (p -> +inf)"}
    if not (fam["holds"] and fam["contains_exact"]):
        return Verdict("unknown", "the counterexample did not check", evidence=evidence)
    return Verdict("refuted", "exact counterexample: fixed point of a tanh RNN with ρ(U) = 1/2 "
                   "and a Jacobian eigenvalue > 13/10; Arb re-check of the Jacobian and of "
                   "the fixed point", evidence=evidence)


def _claim(cid: str, en: str, method: str, expected: str,
           check: Callable[[], Verdict]) -> dict[str, Any]:
    return {"id": cid, "section": _SECTION, "zh": "", "en": en, "method": method,
            "expected": expected, "check": check}


NEW_CLAIMS: list[dict[str, Any]] = [
    _claim("pascanu-norm-bound",
           "‖∂h_t/∂h_{t-1}‖₂ ≤ γ‖U‖₂ with γ = sup|φ'| (1 for tanh, 1/4 for sigmoid) "
           "(Pascanu, Mikolov & Bengio 2013).", "exact", "proved", check_norm_bound),
    _claim("pascanu-vanishing-sufficient",
           "‖U‖₂ < 1/γ makes the gradient vanish geometrically (Pascanu et al. 2013).",
           "exact", "proved", check_vanishing_sufficient),
    _claim("pascanu-eigenvalue-version",
           "The same sufficient condition stated with the largest absolute eigenvalue of U "
           "(Pascanu et al. 2013, arXiv v2): false for non-normal U.", "counterexample",
           "refuted", check_eigenvalue_version),
]
