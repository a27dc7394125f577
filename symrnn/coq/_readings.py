"""Which Coq theorems state which reading, and why the others have none.

The reading ids are the claim registry's (:func:`symrnn.claims.reading_ids`). Each
theorem of the export names the readings it states (:attr:`CoqTheorem.readings`);
:func:`coq_theorems` collects them. A reading without a theorem gets a line saying why:
its kind (a definition is printed, a measurement is not mathematics) or, for a
mathematical reading, :data:`WHY_NOT`. :data:`PARTIAL` says what of a reading's
statement its theorems leave out.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["coq_theorems", "why_not", "WHY_NOT", "PARTIAL", "KIND_REASON"]

#: Why a reading that is not mathematics has no theorem, by kind.
KIND_REASON = {
    "definition": "a definition: the cell is printed once in Cells.v (every gate and update as a "
                  "Coq function) and used by every theorem; there is nothing to prove",
    "measurement": "a measurement (gradient norms of trained or random networks): empirical, "
                   "not a mathematical statement",
}

#: Readings without a theorem: why (before the reason of their kind).
WHY_NOT: dict[str, str] = {
    "eq1/form": "a definition (the general RNN h_t = f(x_t, h_{t-1}; theta)); its instances are "
                "the cells of Cells.v and their unrolled sequences (rnn_h_seq, gru_h_seq, mgu_h_seq, lstm_seq)",
    **{f"{eq}/nd": "not exported yet: the generic entry (k, l) of the n-D " + what + " is a "
                   "derivative through sums over n coordinates of tanh(c_j) (the LSTM's path "
                   "h_(t-1) = o_(t-1) tanh c_(t-1)) or of the reset gate r_j h_j (the GRU); the "
                   "matrix forms are defined in NDim.v (term9_nd, term10a_nd, term10b_nd, "
                   "lstm_secondary_nd, gru_zh_nd) and used by the counterexamples, and eq6/nd's "
                   "generic entry (eq6_nd) shows the method; symrnn proves these forms "
                   "dimension-free in Python (symrnn.ndim.dimension_free)"
       for eq, what in (("eq8", "LSTM c-path Jacobian"), ("eq9", "term (9)"),
                        ("eq10a", "term (10a)"), ("eq10b", "term (10b)"),
                        ("eq13", "GRU Jacobian"))},
}

#: What part of a reading's statement its theorems do not state.
PARTIAL: dict[str, str] = {
    "tanh-bounded-in-U/1d": "the supremum's exact value S(|a|)/|h_{t-1}| for a != 0 (S is the "
                            "root of the implicit equation 2u tanh(u - A) = 1) is not stated; "
                            "stated are |a|/|h| <= sup <= (|a| + g*)/|h| (the lower value "
                            "attained), sup = g*/|h| for a = 0 (S(0) = g*), and the limit 0 as "
                            "|U| -> infinity",
    "clip-prevents-explosion/1d": "for relu the coefficient bound is stated on the derivatives "
                                  "where every pre-activation is nonzero; eq (3) and the sum "
                                  "bound |dh_t/dtheta| <= sum_k |dh_k/dtheta| are stated for "
                                  "the tanh RNN only",
    "xsech2-bound/1d": "the supremum g* is bracketed ([g_lo, g_star], certified decimals), "
                       "not stated in closed form c* - 1/(4c*)",
    "four-gates/bound": "g* enters as every G bounding |(1 - tanh^2 c) c| (so G = g*, the least "
                        "one) and as its certified upper bound g_star",
    "forget-dominant/pointwise": "stated: |dc_t/dc_(t-1) - f_t| <= eps with g* replaced by its "
                                 "certified upper bound g_star (a larger eps, so a weaker "
                                 "bound), non-strict; not stated: the strict inequality, "
                                 "the range (-eps, 1 + eps) and the consequence "
                                 "|dc_t/dc_(t-1)| < 1 when f_t <= 1 - eta with eps <= eta",
    "clip-prevents-explosion/nd-entrywise": "the Jacobians are rnn_nd_jac at h = 0, a = 0 (the "
                                            "tanh RNN's fixed point for W x_t + b = 0, where "
                                            "the Jacobian is U at every step); that the state "
                                            "stays at 0 and that the product is dh_t/dh_0 are "
                                            "not stated in Coq",
    "pascanu-norm-bound/spectral": "tightness (equality at U = I, h_t = 0) is not stated",
    "relu-unbounded/nd": "stated: ||dh_t/dh_(t-1)|| <= ||U|| for tanh and relu (the relu Jacobian "
                         "as its matrix form diag(relu'(z)) U); not stated: that the supremum over "
                         "U is infinite for relu at every fixed h_(t-1) != 0 and a",
    "gru-h-bounded/nd": "stated for the GRU (11) in n dimensions; (12), PyTorch's GRU and (14) "
                        "are the same coordinatewise argument and are not exported in n-D",
    "lstm-c-unbounded/nd": "stated: the coordinatewise bound |c_t[k]| < |c_0[k]| + t and the "
                           "coordinatewise divergence (n copies of the 1-D example); the "
                           "tightness of the bound in n-D is not stated",
    "four-gates/nd": "the term is the matrix form diag(c f (1-f)) U_f diag(o (1 - tanh^2 c)) of "
                     "eq9/nd, which has no Coq theorem (see eq9/nd)",
    "secondary-terms-small/nd": "the term is the matrix form of eq9/nd, which has no Coq theorem",
    "forget-dominant/nd": "dc_t/dc_(t-1) - diag(f_t) is the matrix form of eq8/nd (the three "
                          "terms), which has no Coq theorem",
    "gru-less-stable/nd": "the terms are the matrix forms of eq9/nd and eq13/nd, which have no "
                          "Coq theorem",
    "pascanu-vanishing-sufficient/spectral": "the product J_T...J_1 is bounded as a product of "
                                             "matrices diag(phi') U; that it is dh_T/dh_0 "
                                             "(the chain rule in n dimensions) is not stated",
    "pascanu-eigenvalue-version/spectral-radius": "the growing product is J^T at a fixed point, "
                                                  "J the one-step Jacobian; that J^T is "
                                                  "dh_T/dh_0 (the chain rule in n dimensions) "
                                                  "is not stated",
}


@lru_cache(maxsize=None)
def _theorems() -> dict[str, tuple[str, ...]]:
    from ._export import groups

    out: dict[str, list[str]] = {}
    for g in groups():
        for t in g.theorems:
            for r in t.readings:
                out.setdefault(r, []).append(t.name)
    return {k: tuple(v) for k, v in out.items()}


def coq_theorems() -> dict[str, tuple[str, ...]]:
    """Reading id -> the names of the Coq theorems that state it (in file order); every
    reading with at least one theorem, in the registry's order.

    >>> coq_theorems()["vanish-explode/pointwise"]
    ('vanish_pointwise_refuted', 'explode_pointwise_refuted')
    """
    from ..claims import reading_ids

    th = _theorems()
    unknown = set(th) - set(reading_ids())
    if unknown:  # pragma: no cover - a typo in a readings table
        raise RuntimeError(f"Coq theorems name unknown readings {sorted(unknown)}")
    return {r: th[r] for r in reading_ids() if r in th}


def why_not() -> dict[str, str]:
    """Reading id -> why it has no Coq theorem, for every reading without one."""
    from ..claims import get_reading, reading_ids

    th = _theorems()
    out = {}
    for rid in reading_ids():
        if rid in th:
            continue
        kind = get_reading(rid).kind
        out[rid] = WHY_NOT.get(rid) or KIND_REASON.get(
            kind, "no Coq statement is generated for this reading yet")
    return out
