"""n-D readings: each reaches its recorded verdict; every counterexample is re-checked
numerically (numpy, symrnn.numeric) and rigorously (exact rationals, Arb)."""

from __future__ import annotations

import dataclasses
import json
from fractions import Fraction

import numpy as np
import pytest
import sympy

from symrnn.cells._base import prev_sym, t_sym
from symrnn.claims import get_reading, reading_ids
from symrnn.ndim import CHECKS_ND, D, M, families
from symrnn.ndim.claims_nd import _placement, eq_term_forms
from symrnn.numeric import jacobian, jacobian_product


def _f(matrix: list[list[str]]) -> np.ndarray:
    return np.array([[float(Fraction(x)) for x in row] for row in matrix])


@pytest.mark.parametrize("rid", sorted(CHECKS_ND))
def test_each_nd_reading_reaches_its_recorded_verdict_with_json_evidence(rid):
    reading = get_reading(rid)
    v = reading.run()
    assert v.status == reading.expected, v.method
    assert "n ≥ 2" in v.statement
    json.dumps(v.to_json())
    assert v.evidence


def test_every_nd_check_is_a_reading_of_the_registry():
    assert set(CHECKS_ND) <= set(reading_ids())
    assert all(get_reading(r).check is CHECKS_ND[r] for r in CHECKS_ND)


def test_refuted_readings_carry_exact_rational_counterexamples():
    refuted = [rid for rid in CHECKS_ND if get_reading(rid).expected == "refuted"]
    assert len(refuted) == 8
    for rid in refuted:
        ev = CHECKS_ND[rid]().evidence
        if "two_norm_counterexample" in ev:  # exact rationals: h_1 = (18/25, 18/25)
            assert Fraction(ev["two_norm_counterexample"]["norm2_sq"]) > 1
            continue
        inst = ev.get("instances", [ev.get("explosion_half")])[0]
        assert inst["holds"] and inst["contains_exact"], rid


class TestFamiliesNumerically:
    def test_tanh_rnn_jacobian_equals_U_with_norm_M(self):
        fam = families.rnn_null_direction(1000)
        p = {"W": np.zeros((2, 1)), "U": _f(fam["U"]), "b": np.zeros(2)}
        J = jacobian("rnn", p, np.zeros(1), np.array([1.0, 0.0]))
        assert np.array_equal(J, _f(fam["J"]))
        assert np.linalg.norm(J, 2) == pytest.approx(1000)

    def test_clipped_ones_product_grows_like_two_to_the_m(self):
        fam = families.clipped_ones(20)
        p = {"W": np.zeros((2, 1)), "U": np.ones((2, 2)), "b": np.zeros(2)}
        P = jacobian_product("rnn", p, np.zeros((20, 1)), np.zeros(2))
        assert np.allclose(P, _f(fam["product"]))
        assert np.linalg.norm(P, 2) == pytest.approx(2.0**20)

    def test_nilpotent_jacobian_has_norm_two_and_vanishing_square(self):
        p = {"W": np.zeros((2, 1)), "U": np.array([[0.0, 2.0], [0.0, 0.0]]), "b": np.zeros(2)}
        J = jacobian("rnn", p, np.zeros(1), np.zeros(2))
        assert np.linalg.norm(J, 2) == pytest.approx(2)
        assert not jacobian_product("rnn", p, np.zeros((2, 1)), np.zeros(2)).any()

    @pytest.mark.parametrize("C", [8, 80])
    def test_lstm_c_path_jacobian_matches_the_exact_family(self, C):
        fam = families.lstm_split_cell(C)
        p = {k: np.zeros(s) for k, s in (("W_f", (2, 1)), ("W_i", (2, 1)), ("W_o", (2, 1)),
                                          ("W_c", (2, 1)), ("U_i", (2, 2)), ("U_o", (2, 2)),
                                          ("U_c", (2, 2)), ("b_f", 2), ("b_i", 2), ("b_o", 2),
                                          ("b_c", 2))}
        p["U_f"] = _f(fam["U_f"])
        c1, o1 = np.array([float(C), 0.0]), np.array([0.5, 0.5])
        J = jacobian("lstm", p, np.zeros(1), (o1 * np.tanh(c1), c1))
        c_path = J[2:, 2:] + J[2:, :2] @ np.diag(o1 * (1 - np.tanh(c1) ** 2))
        assert np.allclose(c_path, _f(fam["dc_t/dc_{t-1}"]))
        assert np.linalg.norm(c_path - np.diag([0.5, 0.5]), 2) == pytest.approx(C / 8)


class TestCheckersFail:
    def test_arb_check_rejects_a_wrong_expected_jacobian(self):
        point = {"U[1,2]": 2, "x_t[1]": 0, "h_{t-1}[1]": 0, "h_{t-1}[2]": 0}
        wrong = sympy.Matrix([[0, 2], [0, 1]])
        assert not families.arb_check("rnn", "h/h", point, wrong)["contains_exact"]
        right = sympy.Matrix([[0, 2], [0, 0]])
        assert families.arb_check("rnn", "h/h", point, right)["contains_exact"]

    def test_placement_is_not_proved_when_the_claimed_form_is_wrong(self):
        good, wrong = eq_term_forms()["eq9"]
        v = _placement(wrong, good)
        assert v.status == "unknown"

    def test_the_eq9_term_with_U_transposed_is_refuted(self):
        from symrnn.ndim import prove_block

        c1, o1, f = prev_sym("c"), prev_sym("o"), t_sym("f")
        good, _ = eq_term_forms()["eq9"]
        bad = dataclasses.replace(good, form=D(c1 * f * (1 - f)) * M(sympy.Symbol("U_f"), True)
                                  * D(o1 * (1 - sympy.tanh(c1) ** 2)))
        assert prove_block(good).proved
        assert prove_block(bad).status == "refuted"
