r"""The claim ``vanish-explode``, made precise: products of one-step factors.

By (3), the weight of step k's contribution to dh_t/dθ is the product
P = ∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}. The article's reading "(< 1 at every step) ⇒ vanishes,
like 0.9^n" holds under a *uniform* bound and fails under a merely pointwise one:

* if |∂h_j/∂h_{j-1}| ≤ q < 1 for every j, then |P| ≤ q^{t-k} → 0; if ≥ q > 1, then
  |P| ≥ q^{t-k} → ∞ (monotonicity of products of non-negative reals);
* the factors a_j = 1 − 1/(j+1)² are all in (0, 1), yet ∏_{j=1}^{n} a_j = (n+2)/(2(n+1))
  → 1/2; the factors (j+1)²/(j(j+2)) are all > 1, yet their product 2(n+1)/(n+2) → 2
  stays bounded. Both closed forms are proved by induction with :func:`check_identity`, their
  limits by SymPy's exact limit of a rational function.
"""

from __future__ import annotations

import sympy

from ..verify.identity import check_identity
from ..verify.verdict import Verdict

__all__ = ["check_vanish_explode"]

n = sympy.Symbol("n", positive=True, integer=True)


def _telescoping(factor: sympy.Expr, closed: sympy.Expr) -> dict:
    """Prove ∏_{j=1}^{n} factor(j) = closed(n) by induction; give its limit."""
    j = sympy.Symbol("j")
    base = sympy.simplify(closed.subs(n, 1) - factor.subs(j, 1)) == 0
    m = sympy.Symbol("m")
    step = check_identity(closed.subs(n, m), closed.subs(n, m - 1) * factor.subs(j, m))
    limit = sympy.limit(closed, n, sympy.oo)
    return {"factor": str(factor), "product": str(closed), "base_case": bool(base),
            "induction_step": step.status, "limit": str(limit),
            "proved": bool(base) and step.proved}


def check_vanish_explode() -> Verdict:
    j = sympy.Symbol("j")
    below = _telescoping(1 - 1 / (j + 1) ** 2, (n + 2) / (2 * (n + 1)))
    # factors (j+1)^2/(j(j+2)) > 1 with product 2(n+1)/(n+2) → 2: bounded, no explosion
    above = _telescoping((j + 1) ** 2 / (j * (j + 2)), 2 * (n + 1) / (n + 2))
    # the factors' ranges, exactly: 1 - 1/(j+1)^2 = j(j+2)/(j+1)^2 is in (0, 1) and
    # (j+1)^2/(j(j+2)) = 1 + 1/(j(j+2)) > 1, for every integer j >= 1
    below["factor_in_(0,1)"] = check_identity(1 - 1 / (j + 1) ** 2,
                                              j * (j + 2) / (j + 1) ** 2).status
    above["factor_above_1"] = check_identity((j + 1) ** 2 / (j * (j + 2)),
                                             1 + 1 / (j * (j + 2))).status
    ok = (below["proved"] and above["proved"] and below["limit"] == "1/2"
          and above["limit"] == "2" and below["factor_in_(0,1)"] == "proved"
          and above["factor_above_1"] == "proved")
    statement = (
        "Uniform form, proved: if |∂h_j/∂h_{j-1}| ≤ q < 1 for all j then |∏_{j=k+1}^{t} "
        "∂h_j/∂h_{j-1}| ≤ q^{t-k} → 0, and if ≥ q > 1 then ≥ q^{t-k} → ∞. The literal "
        "pointwise form is false: factors 1 − 1/(j+1)² ∈ (0,1) have product → 1/2, factors "
        "(j+1)²/(j(j+2)) > 1 have product → 2 (counterexamples in the evidence)"
    )
    evidence = {"uniform_bound": "monotonicity of products of non-negative reals: "
                                 "q^m ≤ |∏ a_j| (resp. ≥) for m factors each ≤ q (resp. ≥ q)",
                "pointwise_counterexamples": {"below_1_no_vanishing": below,
                                              "above_1_no_explosion": above}}
    if not ok:
        return Verdict("unknown", "the counterexample products could not be proved",
                       evidence=evidence, statement=statement)
    return Verdict("proved", "uniform bound: a one-line argument (a product of m numbers of "
                   "modulus <= q has modulus <= q^m), recorded, not machine-checked; the "
                   "pointwise reading refuted by telescoping products proved by induction, "
                   "their factors' ranges and limits checked exactly",
                   evidence=evidence, statement=statement)
