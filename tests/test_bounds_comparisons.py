"""Worst-case and unqualified readings of the article's comparisons: each reaches its
verdict from an exact or Arb evaluation of the article's own terms, and each check refuses
to decide from a point or family that does not settle the reading."""

from __future__ import annotations

from fractions import Fraction

import sympy

from symrnn.bounds import comparisons as cmp
from symrnn.bounds import long_sequences as seq
from symrnn.bounds import relu_clip as rc
from symrnn.claims import products
from symrnn.verify.arb import arb_eval

N = cmp.N


class TestWitnessesRefute:
    def test_tanh_bound_grows_with_a(self):
        v = cmp.check_tanh_uniform_in_a()
        assert v.refuted and v.evidence["dh_t/dh_{t-1}"] == "A"
        assert cmp.check_tanh_uniform_in_a(a_sign=+1).status == "unknown"

    def test_tanh_bound_exceeds_one_for_small_h(self):
        v = cmp.check_tanh_below_1()
        assert v.refuted and float(v.evidence["lower"]) > 1
        assert cmp.check_tanh_below_1(U="1", h="1/4").status == "unknown"

    def test_term_9_exceeds_one_for_large_U_f(self):
        assert cmp.check_four_gates_all_weights().refuted
        assert cmp.check_four_gates_all_weights(U_f=8).status == "unknown"

    def test_main_term_is_not_always_larger(self):
        v = cmp.check_forget_main_term_larger()
        assert v.refuted and v.evidence["secondary_sum"] == "1/4"
        assert cmp.check_forget_main_term_larger(f="1/2").status == "unknown"

    def test_the_gain_exceeds_one_with_clipped_weights(self):
        v = cmp.check_forget_no_explosion()
        assert v.refuted and v.evidence["dc_t/dc_{t-1}"] == "23/20"
        assert cmp.check_forget_no_explosion(f="1/2").status == "unknown"

    def test_the_witness_is_the_articles_term_evaluated_independently(self):
        v = cmp.check_forget_no_explosion()
        i, o, U_c = (v.witness[sympy.Symbol(n)] for n in ("i_t", "o_{t-1}", "U_c"))
        # eq (10b) by hand at chat = c = 0: (1 - 0) o (1 - 0) i U_c
        assert sympy.Rational(9, 10) + o * i * U_c == sympy.Rational(23, 20)


class TestSupremaApproached:
    def test_eq10b_reaches_eq6s_supremum(self):
        v = cmp.check_secondary_worst_case()
        assert v.refuted and v.evidence["approaching_family"]["ok"]

    def test_a_family_that_stops_short_does_not_refute(self):
        assert cmp.check_secondary_worst_case(i_t=sympy.Rational(1, 2)).status == "unknown"

    def test_gru_and_lstm_share_the_quarter_supremum(self):
        assert cmp.check_gru_strictly_larger().refuted
        assert cmp.check_gru_strictly_larger(c_prev=sympy.Integer(1)).status == "unknown"

    def test_approaching_family_refuses_a_wrong_supremum(self):
        term = sympy.Symbol("i_t") * sympy.Symbol("U_c")
        point = {sympy.Symbol("i_t"): 1 - 1 / N}
        assert cmp.approaching_family(term, point, sympy.Symbol("U_c"), 1)["ok"]
        assert not cmp.approaching_family(term, point, sympy.Symbol("U_c"), 2)["ok"]
        # a family above the claimed supremum is not "from below"
        assert not cmp.approaching_family(term, {sympy.Symbol("i_t"): 1 + 1 / N},
                                          sympy.Symbol("U_c"), 1)["ok"]

    def test_four_gates_worst_case_and_reset_amplification_are_proved(self):
        assert cmp.check_four_gates_worst_case().proved
        assert cmp.check_reset_amplifies().proved


class TestProductsAndClipping:
    def test_uniform_proved_pointwise_refuted(self):
        assert products.check_uniform().proved
        v = products.check_pointwise()
        assert v.refuted
        assert v.evidence["below_1_no_vanishing"]["limit"] == "1/2"

    def test_a_wrong_telescoping_closed_form_is_not_proved(self):
        j, n = sympy.Symbol("j"), products._n
        wrong = products.telescoping(1 - 1 / (j + 1) ** 2, (n + 1) / (2 * (n + 1)))
        assert not wrong["proved"]

    def test_vanishing_is_not_a_zero_gradient(self):
        v = products.check_nonzero_total()
        assert v.proved and v.evidence["dh_3/db (unrolled)"] == "7/4"

    def test_clipped_gradient_grows_linearly(self):
        v = rc.check_clip_bounded_in_t()
        assert v.refuted and v.evidence["dh_4/db (unrolled)"] == "4"
        # independently: d/db of tanh(b + tanh(b + tanh(b))) at b = 0 in Arb via the chain rule
        b = sympy.Symbol("b")
        e = sympy.tanh(b + sympy.tanh(b + sympy.tanh(b)))
        assert arb_eval(sympy.diff(e, b), {b: 0}).contains(3)

    def test_clipping_1d_and_vanishing_witness(self):
        assert rc.check_clip_prevents_explosion().proved
        assert rc.check_clip_vanishing_not_fixed().evidence["coefficient"] == "1/524288"


class TestLongSequences:
    def test_zero_U_vanishes_and_forget_bias_keeps_half(self):
        assert seq.check_zero_u().proved
        v = seq.check_inevitable()
        assert v.refuted and v.evidence["product_at_T_exceeds_1/2"]

    def test_a_forget_bias_too_small_for_the_horizon_does_not_refute(self):
        # b_f = ln(T/2): (1 - 1/(T/2 + 1))^T -> e^-2 < 1/2
        v = seq.check_inevitable(k=Fraction(1, 2))
        assert v.status == "unknown"
        assert not v.evidence["product_at_T_exceeds_1/2"]
