"""symrnn.flow._terms: the eq8/eq13 term matrices, against the derived Jacobian and the SymPy terms.

* In n dimensions, the terms sum to the reference derivative built from
  :func:`symrnn.numeric.jacobian` (the derived forms): for the GRU the Jacobian itself; for the
  LSTM's c-path J_cc + J_ch diag(o_{t-1}(1 - tanh^2 c_{t-1})).
* In 1-D, each term equals the article's term (:func:`symrnn.derivation.article_derivative`)
  evaluated by SymPy at the same gates — one by one, so the labels are attached to the right
  values.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy

from symrnn import SymrnnError
from symrnn.derivation import article_derivative
from symrnn.flow._terms import term_labels, term_matrices, term_sizes
from symrnn.numeric import init_params, jacobian
from symrnn.numeric._cells import FORWARD


def _point(cell: str, n: int, seed: int):
    rng = np.random.default_rng(seed)
    p = {k: 2.0 * v for k, v in init_params(cell, 2, n, rng, scheme="glorot").items()}
    x = rng.standard_normal((3, 2))
    h, c, o_prev = rng.standard_normal((3, n)), rng.standard_normal((3, n)), rng.uniform(0, 1, (3, n))
    return p, x, h, c, o_prev


@pytest.mark.parametrize("seed", range(3))
def test_gru_terms_sum_to_the_derived_jacobian(seed: int) -> None:
    p, x, h, _, _ = _point("gru", 4, seed)
    total = sum(term_matrices("gru", p, x, (h,)))
    np.testing.assert_allclose(total, jacobian("gru", p, x, h), rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("seed", range(3))
def test_lstm_terms_sum_to_the_c_path_total_derivative(seed: int) -> None:
    p, x, h, c, o_prev = _point("lstm", 4, seed)
    h = o_prev * np.tanh(c)  # the substitution the article makes
    jac = jacobian("lstm", p, x, (h, c))
    n = 4
    dh_dc = o_prev * (1 - np.tanh(c) ** 2)
    want = jac[:, n:, n:] + jac[:, n:, :n] * dh_dc[:, None, :]
    total = sum(term_matrices("lstm", p, x, (h, c), o_prev=o_prev))
    np.testing.assert_allclose(total, want, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("cell", ["lstm", "gru"])
def test_each_term_in_1d_equals_the_articles_term(cell: str) -> None:
    p, x, h, c, o_prev = _point(cell, 1, 7)
    if cell == "lstm":
        h = o_prev * np.tanh(c)
        state = (h, c)
    else:
        state = (h,)
    mats = term_matrices(cell, p, x, state, o_prev=o_prev if cell == "lstm" else None)
    _, cache = FORWARD[cell](p, x, state)
    terms = article_derivative(cell).terms
    assert tuple(t.label for t in terms) == term_labels(cell)
    for b in range(x.shape[0]):
        values = {
            "f_t": cache.get("f"), "i_t": cache.get("i"), "chat_t": cache.get("c_hat"),
            "z_t": cache.get("z"), "r_t": cache.get("r"), "hhat_t": cache.get("h_hat"),
            "c_{t-1}": c, "h_{t-1}": h, "o_{t-1}": o_prev,
        }
        for term, mat in zip(terms, mats):
            subs = {}
            for s in term.expr.free_symbols:
                v = p[s.name] if s.name in p else values[s.name]
                subs[s] = float(np.ravel(v)[0] if s.name in p else v[b, 0])
            want = float(term.expr.subs(subs).evalf(30))
            assert mat[b, 0, 0] == pytest.approx(want, rel=1e-12, abs=1e-14), term.label


def test_term_sizes_are_reproducible_and_the_main_term_is_a_mean_of_gates() -> None:
    a = term_sizes("gru", "orthogonal", n=8, T=20, seeds=2, seed=3)
    b = term_sizes("gru", "orthogonal", n=8, T=20, seeds=2, seed=3)
    assert list(a) == list(term_labels("gru"))
    for k in a:
        np.testing.assert_array_equal(a[k], b[k])
        assert a[k].shape == (2 * 19,)
    main = a["1 - z_t"]  # ||diag(1 - z)||_F / sqrt(n) is the RMS of a gate: in (0, 1)
    assert np.all((main > 0) & (main < 1))


def test_terms_reject_other_cells_and_a_missing_o_prev() -> None:
    with pytest.raises(SymrnnError, match="cell='rnn'"):
        term_labels("rnn")
    p, x, h, c, _ = _point("lstm", 2, 0)
    with pytest.raises(SymrnnError, match="o_prev"):
        term_matrices("lstm", p, x, (h, c))
    with pytest.raises(SymrnnError, match="T=1"):
        term_sizes("gru", T=1)
