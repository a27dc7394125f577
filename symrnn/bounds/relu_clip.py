r"""relu vs tanh in U, and what clipping U into [-1, 1] does and does not buy.

For the simple RNN :math:`h_t = \phi(a + U h_{t-1})`, :math:`a = W x_t + b`,

.. math::

    \frac{\partial h_t}{\partial h_{t-1}} = \phi'(a + U h_{t-1})\,U, \qquad
    \phi' = 1 - \tanh^2 \in (0, 1] \ (\tanh,\ \text{eq 6}), \qquad
    \phi' = \theta \in \{0, 1\} \ (\mathrm{relu}).

So :math:`|\partial h_t/\partial h_{t-1}| \le |U|` for both cells (*relu-unbounded*'s
first half, and the core of *clip-prevents-explosion*). On relu's positive half-axis the
derivative **is** U, so for fixed :math:`h_{t-1} \ne 0` it is unbounded in U — unlike tanh,
whose supremum over U is :math:`S(|a|)/|h_{t-1}|` (:mod:`symrnn.bounds.tanh_in_u`).

Clipping :math:`|U| \le 1` makes every factor of eq (3)'s coefficient at most 1 in
absolute value, so no coefficient grows and :math:`|dh_t/d\theta| \le \sum_k
|\partial h_k/\partial\theta|` grows at most linearly in t. It cannot prevent vanishing:
with relu, U = 1/2 and positive pre-activations the coefficient is exactly
:math:`2^{-(t-1)}`. In n dimensions, clipping *entries* does not bound the spectral norm:
:math:`U = \begin{pmatrix}1&1\\1&1\end{pmatrix}` has :math:`U^k = 2^{k-1}U`.

Everything here is exact (SymPy over symbols, or exact rationals); no sampling.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, §3.
"""

from __future__ import annotations

import sympy

from ..activations import relu
from ..derivation.forward import forward_derivative
from ..verify.lemmas import lemma_statuses
from ..verify.identity import check_identity
from ..verify.verdict import Verdict
from .tanh_in_u import tanh_in_u_sup

__all__ = ["check_relu_unbounded", "check_clip_prevents_explosion",
           "check_clip_vanishing_not_fixed", "check_clip_bounded_in_t"]

a, U, h, M = sympy.symbols("a U h_{t-1} M", real=True)

def _derivative(phi: str) -> sympy.Expr:
    z = a + U * h
    out = sympy.tanh(z) if phi == "tanh" else relu(z)
    return sympy.diff(out, h)


def check_relu_unbounded() -> Verdict:
    """``relu-unbounded/1d``: |phi' U| <= |U|, and relu is unbounded in U."""
    d_tanh, d_relu = _derivative("tanh"), _derivative("relu")
    # |phi'| <= 1: tanh' = 1 - tanh^2 (a square subtracted from 1), relu' = Heaviside in {0,1}.
    tanh_ok = sympy.expand(d_tanh - (1 - sympy.tanh(a + U * h) ** 2) * U) == 0
    relu_ok = sympy.expand(d_relu - sympy.Heaviside(a + U * h) * U) == 0
    # Unboundedness: for M > 0, h != 0, take U = sign(h)(M + |a|/|h| + 1). Then
    # a + U h = a + |a| + |h|(M + 1) > 0, so relu' = 1 and |dh_t/dh_{t-1}| = |U| > M.
    Mp, hp = sympy.symbols("M h", positive=True)
    U_w = Mp + sympy.Abs(a) / hp + 1
    pre = sympy.expand(a + U_w * hp)
    pre_pos = sympy.expand(pre - (a + sympy.Abs(a)) - hp * (Mp + 1)) == 0
    witnesses = []
    for Mv, av, hv in ((10, -3, sympy.Rational(1, 2)), (10**6, 5, sympy.Rational(-1, 3))):
        Uv = sympy.sign(hv) * (Mv + abs(av) / abs(hv) + 1)
        zv = av + Uv * hv
        val = d_relu.subs({a: av, U: Uv, h: hv})
        witnesses.append({"M": str(Mv), "a": str(av), "h_{t-1}": str(hv), "U": str(Uv),
                          "preactivation": str(zv), "dh_t/dh_{t-1}": str(val),
                          "exceeds_M": bool(zv > 0 and abs(val) > Mv)})
    tanh_sup = tanh_in_u_sup(-3, sympy.Rational(1, 2))
    ok = tanh_ok and relu_ok and pre_pos and all(w["exceeds_M"] for w in witnesses)
    return Verdict(
        "proved" if ok else "unknown",
        "exact: derivatives by SymPy, |phi'| <= 1, witness family U = sign(h)(M + |a|/|h| + 1)",
        evidence={
            "tanh_derivative": str(d_tanh),
            "relu_derivative": str(d_relu),
            "family": "U = sign(h)(M + |a|/|h| + 1): a + U h = (a + |a|) + |h|(M + 1) > 0, "
                      "dh_t/dh_{t-1} = U, |U| > M",
            "witnesses": witnesses,
            "tanh_contrast": {k: tanh_sup[k] for k in ("a", "h", "enclosure", "lower",
                                                       "upper")},
        },
    )


def check_clip_prevents_explosion() -> Verdict:
    """``clip-prevents-explosion/1d``: with |U| <= 1 every factor, hence every coefficient
    of (3), has modulus <= 1."""
    # the per-factor bound, exactly: 1 - tanh^2 u = 4E/(1 + E)^2 with E = e^{2u} > 0, and
    # (1 + E)^2 - 4E = (1 - E)^2 >= 0, so 0 < 1 - tanh^2 u <= 1; relu' is 0 or 1
    E = sympy.exp(2 * a)
    sech2 = check_identity(1 - sympy.tanh(a) ** 2, 4 * E / (1 + E) ** 2)
    am_gm = check_identity((1 + E) ** 2 - 4 * E, (1 - E) ** 2)
    relu_ok = sympy.expand(_derivative("relu") - sympy.Heaviside(a + U * h) * U) == 0
    lemmas = lemma_statuses("product-monotone", "power-bound", "triangle")
    ok = sech2.proved and am_gm.proved and relu_ok and all(
        v["status"] == "proved" for v in lemmas.values())
    return Verdict(
        "proved" if ok else "unknown",
        "exact: |phi'| <= 1 per factor (identities), lemmas product-monotone, power-bound "
        "and triangle",
        evidence={
            "per_factor_bound": "|dh_k/dh_{k-1}| = |phi'(.)| |U| <= |U| <= 1 (phi' in [0, 1]; "
                                "product-monotone)",
            "tanh_prime_in_(0,1]": {"1 - tanh^2 u = 4E/(1+E)^2, E = e^(2u)": sech2.status,
                                    "(1+E)^2 - 4E = (1-E)^2": am_gm.status},
            "relu_prime": "Heaviside(a + U h) in {0, 1}",
            "coefficients": "|∏_{j=k+1}^{t} dh_j/dh_{j-1}| <= 1 (power-bound with q = 1)",
            "gradient": "|dh_t/dθ| <= Σ_k |coefficient_k| |∂h_k/∂θ| <= Σ_k |∂h_k/∂θ| (triangle)",
            "lemmas": lemmas,
        },
    )


def check_clip_vanishing_not_fixed(steps: int = 20) -> Verdict:
    """``clip-prevents-explosion/vanishing-not-fixed``: relu, U = 1/2: coefficient 2^-(t-1)."""
    half = sympy.Rational(1, 2)
    factor = _derivative("relu").subs({a: 1, U: half, h: 1})  # pre-activation 3/2 > 0
    coeff = factor ** (steps - 1)
    ok = factor == half and coeff == half ** (steps - 1)
    return Verdict(
        "proved" if ok else "unknown",
        "exact witness: the relu RNN with U = 1/2 and positive pre-activations has every "
        "factor equal to 1/2",
        evidence={"cell": "relu", "U": "1/2", "a": "1", "h": "1", "factor": str(factor),
                  "t": steps, "coefficient": str(coeff),
                  "general_t": "coefficient of ∂h_1/∂θ = (1/2)^(t-1) -> 0 (geometric-limit)",
                  "lemmas": lemma_statuses("geometric-limit")},
    )


def check_clip_bounded_in_t(steps: int = 4) -> Verdict:
    """``clip-prevents-explosion/bounded-in-t``: refuted: tanh RNN with U = 1, b = 0,
    W x = 0, h_0 = 0 stays at h = 0, and dh_t/db = t."""
    F = sympy.tanh(a + U * h)  # eq (5) with a = W x_t + b
    at = {a: 0, U: 1, h: 0}
    fixed = F.subs(at) == 0
    J, P = sympy.diff(F, h).subs(at), sympy.diff(F, a).subs(at)  # ∂h_t/∂b = ∂h_t/∂a
    d = sympy.Symbol("d")  # (2): d_t = J d_{t-1} + P; closed form d_t = t
    recurrence = check_identity(J * d + P, d + 1).proved
    # cross-check: the derivative of the cell written out over `steps` steps, node by node
    b = sympy.Symbol("b")
    hk = sympy.Integer(0)
    for _ in range(steps):
        hk = sympy.tanh(b + hk)
    unrolled = forward_derivative(hk, b).subs(b, 0)
    ok = fixed and J == 1 and P == 1 and recurrence and unrolled == steps
    return Verdict(
        "refuted" if ok else "unknown",
        "exact family: |U| = 1 is clipped, yet dh_t/db = t for every t (eq (2)'s recurrence "
        f"d_t = d_(t-1) + 1 at the fixed point h = 0; the derivative of {steps} written-out "
        "steps agrees)",
        witness={sympy.Symbol("W"): sympy.Integer(0), sympy.Symbol("b"): sympy.Integer(0),
                 U: sympy.Integer(1), sympy.Symbol("h_0"): sympy.Integer(0)} if ok else None,
        evidence={"cell": "rnn (tanh)", "U": "1", "W x_t + b": "0", "h_0": "0",
                  "h_t": "0 for every t", "dh_t/dh_{t-1}": str(J), "∂h_t/∂b": str(P),
                  "dh_t/db": "t", f"dh_{steps}/db (unrolled)": str(unrolled),
                  "why": "clipping bounds every coefficient by 1, not their sum: the t terms of "
                         "(3) add up (linear growth, not exponential)"},
    )
