"""Pascanu et al.'s norm results: two proved, the eigenvalue version refuted by a fixed
point whose gradient grows — re-checked in numpy and exactly."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from symrnn.ndim import NEW_CLAIMS
from symrnn.ndim.families import pascanu_fixed_point
from symrnn.ndim.pascanu import gammas
from symrnn.numeric import jacobian, jacobian_product

_BY_ID = {c["id"]: c for c in NEW_CLAIMS}


@pytest.mark.parametrize("cid", sorted(_BY_ID))
def test_each_claim_has_the_registry_shape_and_reaches_its_verdict(cid):
    claim = _BY_ID[cid]
    assert set(claim) == {"id", "section", "zh", "en", "method", "expected", "check"}
    assert claim["section"] == "Beyond the article: n dimensions"
    v = claim["check"]()
    assert v.status == claim["expected"]
    json.dumps(v.to_json())


def test_expected_verdicts_are_two_proofs_and_one_refutation():
    assert [c["expected"] for c in NEW_CLAIMS] == ["proved", "proved", "refuted"]


def test_gamma_is_one_for_tanh_and_a_quarter_for_sigmoid():
    g = gammas()
    assert (g["tanh"]["gamma"], g["sigmoid"]["gamma"]) == ("1", "1/4")
    assert g["tanh"]["identity"] == g["sigmoid"]["identity"] == "proved"


def _params():
    fam = pascanu_fixed_point()
    U = np.array([[float(Fraction(x)) for x in row] for row in fam["U"]])
    b = np.array([-24 / 13, math.log(5) + 18 / 13])
    return fam, {"W": np.zeros((2, 1)), "U": U, "b": b}


def test_counterexample_U_has_spectral_radius_one_half():
    _, p = _params()
    assert max(abs(np.linalg.eigvals(p["U"]))) == pytest.approx(0.5)
    assert np.allclose(p["U"] @ p["U"], np.eye(2) / 4)


def test_counterexample_gradient_grows_geometrically_along_the_trajectory():
    fam, p = _params()
    h_star = np.array([0.0, 12 / 13])
    T = 40
    P = jacobian_product("rnn", p, np.zeros((T, 1)), h_star)
    assert np.linalg.norm(P, 2) > 1.3**T
    J = jacobian("rnn", p, np.zeros(1), h_star)
    exact = np.array([[float(Fraction(x)) for x in row] for row in fam["J"]])
    assert np.allclose(J, exact, atol=1e-12)


def test_exact_lower_bound_on_the_norm_of_J_to_the_fiftieth():
    fam = pascanu_fixed_point()
    assert Fraction(fam["norm_J^T_lower_sq"]) >= Fraction(13, 10) ** (2 * fam["T"])
    assert Fraction(fam["p(13/10)"]) < 0


@given(arrays(np.float64, (3, 3), elements=st.floats(-3, 3)),
       arrays(np.float64, (3,), elements=st.floats(-1, 1)))
def test_norm_bound_holds_for_random_tanh_rnn_states(U, h):
    p = {"W": np.zeros((3, 1)), "U": U, "b": np.zeros(3)}
    J = jacobian("rnn", p, np.zeros(1), h)
    assert np.linalg.norm(J, 2) <= np.linalg.norm(U, 2) * (1 + 1e-12) + 1e-300
