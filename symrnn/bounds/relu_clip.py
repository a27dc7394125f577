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
from ..verify.identity import check_identity
from ..verify.verdict import Verdict
from .tanh_in_u import tanh_in_u_sup

__all__ = ["check_relu_unbounded", "check_clip_prevents_explosion", "STATEMENTS"]

a, U, h, M = sympy.symbols("a U h_{t-1} M", real=True)

STATEMENTS = {
    "relu-unbounded": (
        "For h_t = phi(a + U h_{t-1}) (a = W x_t + b): |dh_t/dh_{t-1}| <= |U| for phi = tanh "
        "and phi = relu. For relu, on the positive half-axis dh_t/dh_{t-1} = U, and for every "
        "fixed h_{t-1} != 0 and a, sup over U of |dh_t/dh_{t-1}| = inf; for tanh it is the "
        "finite S(|a|)/|h_{t-1}|."
    ),
    "clip-prevents-explosion": (
        "1-D: if |U| <= 1 then for the tanh and relu RNNs every factor dh_k/dh_{k-1} of eq3's "
        "coefficients has absolute value <= 1, so every coefficient (product of factors) is <= 1 "
        "in absolute value for every t and |dh_t/dtheta| <= sum_k |dh_k/dtheta| (no exponential "
        "growth). Clipping does not prevent vanishing: relu with U = 1/2 and positive "
        "pre-activations has coefficient exactly 2^-(t-1). (n-D: entrywise clipping does not "
        "bound the spectral norm; U = [[1,1],[1,1]] gives U^k = 2^(k-1) U.)"
    ),
}


def _derivative(phi: str) -> sympy.Expr:
    z = a + U * h
    out = sympy.tanh(z) if phi == "tanh" else relu(z)
    return sympy.diff(out, h)


def check_relu_unbounded() -> Verdict:
    """Exact check of *relu-unbounded* (see :data:`STATEMENTS`)."""
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
        statement=STATEMENTS["relu-unbounded"],
    )


def check_clip_prevents_explosion(steps: int = 20) -> Verdict:
    """Exact check of *clip-prevents-explosion* (see :data:`STATEMENTS`)."""
    # 1-D: |phi' U| <= |U| <= 1 per factor (phi' in [0, 1]); the product of t - 1 factors
    # is then <= 1 in absolute value. The witnesses below are exact rationals.
    half = sympy.Rational(1, 2)
    coeff = sympy.Integer(1)
    for _ in range(steps - 1):
        coeff *= _derivative("relu").subs({a: 1, U: half, h: 1})  # pre-activation 3/2 > 0
    vanishes = coeff == half ** (steps - 1)
    ones = sympy.Matrix([[1, 1], [1, 1]])
    power = ones**10
    nd_grows = power == 2**9 * ones
    # the per-factor bound, exactly: 1 - tanh^2 u = 4E/(1 + E)^2 with E = e^{2u} > 0, and
    # (1 + E)^2 - 4E = (1 - E)^2 >= 0, so 0 < 1 - tanh^2 u <= 1; relu' is 0 or 1
    E = sympy.exp(2 * a)
    sech2 = check_identity(1 - sympy.tanh(a) ** 2, 4 * E / (1 + E) ** 2)
    am_gm = check_identity((1 + E) ** 2 - 4 * E, (1 - E) ** 2)
    ok = vanishes and nd_grows and sech2.proved and am_gm.proved
    return Verdict(
        "proved" if ok else "unknown",
        "exact: |phi'| <= 1 per factor; witness products in exact rationals",
        evidence={
            "per_factor_bound": "|dh_k/dh_{k-1}| = |phi'(.)| |U| <= |U| <= 1 (phi' in [0, 1])",
            "tanh_prime_in_(0,1]": {"1 - tanh^2 u = 4E/(1+E)^2, E = e^(2u)": sech2.status,
                                    "(1+E)^2 - 4E = (1-E)^2": am_gm.status},
            "vanishing_witness": {"cell": "relu", "U": "1/2", "a": "1", "h": "1",
                                  "t": steps, "coefficient": str(coeff)},
            "n_dim_caveat": {"U": "[[1, 1], [1, 1]]", "U^10": str(power.tolist()),
                             "equals_2^9_U": bool(nd_grows)},
        },
        statement=STATEMENTS["clip-prevents-explosion"],
    )
