"""gru-h-bounded and lstm-c-unbounded by the vertex lemma; and their failure modes."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
import sympy
from flint import arb

from symrnn import InvalidArgumentError
from symrnn.bounds import invariants
from symrnn.bounds.invariants import lstm_c_family, multilinear_range

z, h, g, M = sympy.symbols("z h g M")


def test_vertex_lemma_gives_the_exact_range_of_a_convex_combination():
    lo, hi = multilinear_range((1 - z) * h + z * g, {z: (0, 1), h: (-1, 1), g: (-1, 1)})
    assert (lo, hi) == (-1, 1)


def test_a_non_convex_update_escapes_the_unit_interval():
    lo, hi = multilinear_range((1 + z) * h + z * g, {z: (0, 1), h: (-1, 1), g: (-1, 1)})
    assert hi == 3 and lo == -3


def test_vertex_lemma_refuses_non_multilinear_input():
    with pytest.raises(InvalidArgumentError, match="degree 2"):
        multilinear_range(z**2 * h, {z: (0, 1), h: (-1, 1)})
    with pytest.raises(InvalidArgumentError, match="without a range"):
        multilinear_range(z * h, {z: (0, 1)})
    with pytest.raises(InvalidArgumentError, match="lo > hi"):
        multilinear_range(z, {z: (1, 0)})


def test_gru_h_bounded_is_proved_for_eq11_eq12_torch_and_eq14():
    v = invariants.check_gru_h_bounded()
    assert v.proved
    assert set(v.evidence["updates"]) == {"gru:h_t", "mgu:h_t", "gru_torch:h_t", "variant:c_t",
                                          "variant:h_t"}


def test_gru_h_bounded_fails_for_an_lstm_style_update(monkeypatch):
    orig = invariants.state_update
    monkeypatch.setattr(invariants, "state_update",
                        lambda cell, state: orig("lstm", "c").subs(
                            {sympy.Symbol("f_t"): sympy.Symbol("z_t"),
                             sympy.Symbol("i_t"): sympy.Symbol("z_t"),
                             sympy.Symbol("chat_t"): sympy.Symbol("hhat_t"),
                             sympy.Symbol("c_{t-1}"): sympy.Symbol("h_{t-1}")})
                        if getattr(cell, "name", cell) == "gru" else orig(cell, state))
    assert invariants.check_gru_h_bounded().status == "unknown"


def test_lstm_family_approaches_c0_plus_t_from_below():
    for t in (1, 5, 20):
        c = lstm_c_family(40, t)
        assert c < t and c > t - arb(10) ** -12
    assert lstm_c_family(2, 5) < 4  # far from the bound at moderate bias


def test_lstm_c_growth_is_proved_and_tight_for_every_t():
    v = invariants.check_lstm_c_growth()
    assert v.proved
    assert v.evidence["one_step_range_given_|c_{t-1}|<=M"] == ["-M - 1", "M + 1"]


def test_lstm_c_growth_fails_if_the_family_does_not_approach(monkeypatch):
    monkeypatch.setattr(invariants, "lstm_c_family", lambda *a, **k: arb(1))
    assert invariants.check_lstm_c_growth().status == "unknown"


def test_lstm_c_divergence_is_exact_and_the_run_grows_at_least_like_4t_over_15():
    v = invariants.check_lstm_c_divergence()
    assert v.proved
    run = [sympy.Rational(c) for c in v.evidence["c_1..c_6"]]
    assert run[0] == sympy.Rational(2, 5)  # c_1 = f_1 * 0 + 2/5
    assert all(c >= sympy.Rational(4 * k, 15) for k, c in enumerate(run, 1))


def test_lstm_c_divergence_is_not_proved_for_a_cell_that_stays_bounded(monkeypatch):
    # a bias of ln 3 on the forget gate instead of the candidate: i_t chat_t = 0, c_t = 0
    orig = invariants.get_cell

    def swapped(name):
        cell = orig(name)
        if name != "lstm":
            return cell
        b_c, b_f = sympy.Symbol("b_c"), sympy.Symbol("b_f")
        return dataclasses.replace(cell, definitions=tuple(
            (s, e.xreplace({b_c: b_f, b_f: b_c})) for s, e in cell.definitions))

    monkeypatch.setattr(invariants, "get_cell", swapped)
    assert invariants.check_lstm_c_divergence().status == "unknown"


def test_lstm_c_bounded_inputs_is_proved():
    v = invariants.check_lstm_c_bounded_inputs()
    assert v.proved
    assert v.evidence["one_step_range_given_|c_{t-1}|<=M, f in [0, F]"] == ["-F*M - 1",
                                                                             "F*M + 1"]


def _lstm_1d(p: dict, xs, h0: float, c0: float) -> list[float]:
    """An independent 1-D LSTM in plain Python floats: the c_t of the article's eq (7)."""
    sig = lambda z: 1 / (1 + math.exp(-z))  # noqa: E731
    h, c, cs = h0, c0, []
    for x in xs:
        f = sig(p["W_f"] * x + p["U_f"] * h + p["b_f"])
        i = sig(p["W_i"] * x + p["U_i"] * h + p["b_i"])
        o = sig(p["W_o"] * x + p["U_o"] * h + p["b_o"])
        chat = math.tanh(p["W_c"] * x + p["U_c"] * h + p["b_c"])
        c = f * c + i * chat
        h = o * math.tanh(c)
        cs.append(c)
    return cs


def test_bounded_inputs_reading_states_its_hypothesis_on_h0_and_the_bound_holds_under_it():
    from symrnn import get_reading

    assert "|h_0| ≤ 1" in get_reading("lstm-c-unbounded/bounded-inputs").statement
    rng = np.random.default_rng(7)
    names = [f"{k}_{g}" for k in "WUb" for g in "fioc"]
    for _ in range(200):
        p = dict(zip(names, rng.normal(0, 2, len(names))))
        X, T = 1.5, 40
        xs = rng.uniform(-X, X, T)
        h0, c0 = rng.uniform(-1, 1), rng.normal(0, 5)
        F = 1 / (1 + math.exp(-(abs(p["W_f"]) * X + abs(p["U_f"]) + abs(p["b_f"]))))
        for t, c in enumerate(_lstm_1d(p, xs, h0, c0), start=1):
            assert abs(c) <= F**t * abs(c0) + (1 - F**t) / (1 - F) + 1e-9
    # without the hypothesis the bound fails at t = 1: h_0 = 10, U_f = 1, all else 0
    p = dict.fromkeys(names, 0.0) | {"U_f": 1.0}
    F = 1 / (1 + math.exp(-1.0))
    assert _lstm_1d(p, [0.0], 10.0, 100.0)[0] > F * 100 + 1
