"""symrnn.check_weights: every certified bound lies above what is measured along the inputs
(random models, scaled weights, extreme states, trained-like torch models), the article's 1-D
readings are exceeded in n-D where the analysis says they fail, and the spectral-norm
enclosures are rigorous."""

from __future__ import annotations

import math

import numpy as np
import pytest
from optional import require
from hypothesis import given, settings
from hypothesis import strategies as st

import symrnn
from symrnn._errors import InvalidArgumentError, ShapeError
from symrnn.numeric import init_params
from symrnn.trained._bounds import READINGS
from symrnn.trained._norms import inf_norm_upper, spectral_enclosure

CELLS = list(READINGS)


def _model(cell: str, n: int, m: int, seed: int, scale: float, bias: float) -> dict:
    rng = np.random.default_rng(seed)
    p = init_params(cell, m, n, rng)
    return {k: v * scale if not k.startswith("b") else v + bias * rng.standard_normal(v.shape)
            for k, v in p.items()}


class TestCertifiedBoundsHold:
    @settings(max_examples=40, deadline=None)
    @given(st.sampled_from(CELLS), st.integers(1, 6), st.integers(1, 3), st.integers(0, 2**16),
           st.sampled_from([0.3, 1.0, 3.0, 10.0]), st.sampled_from([0.0, 1.0, 5.0]),
           st.sampled_from([1.0, 5.0]))
    def test_the_measurement_lies_under_every_certified_bound(self, cell, n, m, seed, scale,
                                                              bias, size) -> None:
        p = _model(cell, n, m, seed, scale, bias)
        xs = size * np.random.default_rng(seed + 1).standard_normal((30, 3, m))
        report = symrnn.check_weights(cell, p, xs)
        assert report.checks and not report.violations
        for c in report.checks:
            if c.certified:
                assert c.measured <= c.bound + 1e-12 * max(1.0, abs(c.bound)) and c.ok, c

    def test_an_lstm_whose_cell_state_grows_stays_under_the_nd_bound(self) -> None:
        p, xs = _growing_lstm(steps=12)
        report = symrnn.check_weights("lstm", p, xs)
        nd = _check(report, "forget-dominant-nd")
        assert nd.certified and nd.ok and nd.measured > 2.5  # grows with c, the bound with it

    def test_the_relu_rnn_bound_is_attained_when_every_unit_is_active(self) -> None:
        p = {"W": np.ones((3, 1)), "U": np.diag([0.5, 0.3, 0.2]), "b": np.full(3, 5.0)}
        c = _check(symrnn.check_weights("relu_rnn", p, T=10, sequences=1), "pascanu-norm-bound")
        assert c.ok and c.measured == pytest.approx(0.5, rel=1e-15)
        assert c.bound == pytest.approx(0.5, rel=1e-4) and c.bound >= 0.5

    def test_trained_like_torch_models_respect_their_bounds(self) -> None:
        torch = require("torch", "models initialised as torch does")
        torch.manual_seed(0)
        for module in (torch.nn.LSTM(3, 8), torch.nn.GRU(3, 8), torch.nn.RNN(3, 8)):
            for prm in module.parameters():
                torch.nn.init.normal_(prm, 0.0, 0.6)
            report = symrnn.check_weights(symrnn.from_torch(module), T=50)
            assert report.checks and not report.violations


class TestPascanu:
    def test_the_vanishing_condition_is_decided_from_the_enclosure(self) -> None:
        small = {"W": np.zeros((2, 1)), "U": np.array([[0.5, 0.4], [0.0, 0.3]]), "b": np.zeros(2)}
        large = {**small, "U": np.array([[1.5, 0.0], [0.0, 0.3]])}
        yes = _check(symrnn.check_weights("rnn", small, T=40, sequences=2), "pascanu-vanishing-sufficient")
        no = _check(symrnn.check_weights("rnn", large, T=40, sequences=2), "pascanu-vanishing-sufficient")
        assert (yes.holds, no.holds) == ("yes", "no")
        assert yes.measured <= yes.bound < 0 and no.ok

    def test_rate_equals_log_norm_for_a_constant_jacobian(self) -> None:
        # h stays 0 (W = b = 0), so J_t = U and (1/T) ln ||U^T|| -> ln rho(U) for normal U
        p = {"W": np.zeros((2, 1)), "U": np.diag([0.5, -0.25]), "b": np.zeros(2)}
        c = _check(symrnn.check_weights("rnn", p, np.zeros((20, 1, 1))), "pascanu-vanishing-sufficient")
        assert c.measured == pytest.approx(math.log(0.5), abs=1e-12)


class TestOneDimensionalReadingsFailInND:
    def test_the_articles_lstm_epsilon_is_exceeded_for_n_2_and_certified_for_n_1(self) -> None:
        p, xs = _growing_lstm(steps=12)
        eps = _check(symrnn.check_weights("lstm", p, xs), "forget-dominant")
        assert not eps.certified and eps.exceeded  # c_{t-1}[0] ~ 12 meets U_f[0, 1]
        one = _model("lstm", 1, 1, 3, 3.0, 1.0)
        eps1 = _check(symrnn.check_weights("lstm", one, T=60, sequences=3), "forget-dominant")
        assert eps1.certified and eps1.ok

    def test_the_articles_gru_psi_bound_is_exceeded_for_n_2(self) -> None:
        # z -> 1, U_z = 0, U_h = I, U_r = e_2 e_1^T: at step 2 the deviation is
        # diag(r) + diag(r(1-r)h) U_r with r = (1, 1/2), h_2 = tanh 5: norm 1.04 > psi(1) = 1
        p = {"W_z": np.zeros((2, 2)), "U_z": np.zeros((2, 2)), "b_z": np.full(2, 30.0),
             "W_r": np.zeros((2, 2)), "U_r": np.array([[0.0, 0.0], [1.0, 0.0]]),
             "b_r": np.array([30.0, 0.0]),
             "W_h": np.array([[0.0, 0.0], [0.0, 1.0]]), "U_h": np.eye(2), "b_h": np.zeros(2)}
        h1 = math.tanh(5.0)
        xs = np.array([[[0.0, 5.0]], [[0.0, -0.5 * h1]]])
        report = symrnn.check_weights("gru", p, xs)
        one_d, nd = _check(report, "gru-bound"), _check(report, "gru-bound-nd")
        assert not one_d.certified and one_d.exceeded and one_d.measured > 1.03
        assert nd.certified and nd.ok


class TestSpectralEnclosure:
    @settings(max_examples=60, deadline=None)
    @given(st.integers(1, 12), st.integers(0, 2**16), st.sampled_from([1e-3, 1.0, 1e3]))
    def test_the_enclosure_contains_the_norm_and_is_tight(self, n, seed, scale) -> None:
        u = scale * np.random.default_rng(seed).standard_normal((n, n))
        lo, hi = spectral_enclosure(u)
        s = np.linalg.norm(u, 2)
        assert lo <= s * (1 + 1e-15) and s <= hi * (1 + 1e-15)
        assert hi - lo <= 1e-3 * s  # n^(2^-17) - 1 at most

    def test_zero_and_repeated_singular_values(self) -> None:
        assert spectral_enclosure(np.zeros((3, 3))) == (0.0, 0.0)
        lo, hi = spectral_enclosure(np.eye(4))
        assert lo <= 1.0 <= hi < 1.0001

    def test_infinity_norms(self) -> None:
        assert inf_norm_upper(np.array([[1.0, -2.0], [0.5, 0.5]])) >= 3.0
        assert inf_norm_upper(np.array([1.0, -3.0])) == 3.0


class TestReport:
    def test_json_and_text_label_bounds_and_measurements(self) -> None:
        report = symrnn.check_weights("gru", _model("gru", 3, 2, 0, 1.0, 0.0), T=20)
        data = report.to_json()
        assert data["violations"] == [] and {c["name"] for c in data["checks"]} == \
            {"gru-bound", "gru-bound-nd"}
        text = str(report)
        assert "certified upper bound" in text and "NOT a bound for this n" in text
        assert "<table>" in report._repr_html_()

    def test_cells_without_readings_get_measurements_only(self) -> None:
        report = symrnn.check_weights("mgu", _model("mgu", 3, 2, 0, 1.0, 0.0), T=20)
        assert report.checks == () and report.jacobian_norms.shape == (4, 20)

    @pytest.mark.parametrize("kwargs, error, text", [
        ({"inputs": np.zeros((5, 3))}, ShapeError, r"m = 2"),
        ({"inputs": np.full((5, 2), np.nan)}, InvalidArgumentError, "NaN"),
        ({"T": 0}, InvalidArgumentError, "T=0"),
        ({"seed": -1}, InvalidArgumentError, "seed=-1"),
    ])
    def test_bad_arguments_are_refused(self, kwargs, error, text) -> None:
        with pytest.raises(error, match=text):
            symrnn.check_weights("rnn", _model("rnn", 3, 2, 0, 1.0, 0.0), **kwargs)


def _check(report, name):
    (c,) = [c for c in report.checks if c.name == name]
    return c


def _growing_lstm(steps: int) -> tuple[dict, np.ndarray]:
    """n = 2: c[0] grows by ~1 per step (f, i, chat ~ 1), c[1] stays 0, then one step with
    f[0] = 1/2 where eq (9)'s term is c_{t-1}[0]/4 U_f[0, 1] o_{t-1}[1]: about steps/4."""
    w = np.array([[10.0, 0.0], [0.0, 0.0]])
    zero = np.zeros((2, 2))
    p = {"W_f": w, "U_f": np.array([[0.0, 1.0], [0.0, 0.0]]), "b_f": np.zeros(2),
         "W_i": w, "U_i": zero, "b_i": np.zeros(2),
         "W_o": zero, "U_o": zero, "b_o": np.array([0.0, 5.0]),
         "W_c": w, "U_c": zero, "b_c": np.zeros(2)}
    xs = np.zeros((steps + 1, 1, 2))
    xs[:steps, 0, 0] = 1.0
    return p, xs


def test_every_bound_names_readings_of_the_registry_with_their_recorded_verdicts() -> None:
    from symrnn.claims import get_reading

    cells = {"rnn": 1, "relu_rnn": 1, "lstm": 2, "gru": 2, "gru_torch": 2}
    for cell, n in cells.items():
        for c in symrnn.check_weights(cell, _model(cell, n, 1, 0, 1.0, 0.0), T=10).checks:
            statuses = {get_reading(r).expected for r in c.readings}  # raises on a bad id
            # a certified bound rests on proved readings only; a refuted one is never certified
            assert statuses == {"proved"} if c.certified else True, c
            assert not ("refuted" in statuses and c.certified), c
    eps = _check(symrnn.check_weights("lstm", _model("lstm", 2, 1, 0, 1.0, 0.0), T=10),
                 "forget-dominant")
    assert eps.readings == ("forget-dominant/nd",) and get_reading(eps.readings[0]).expected == "refuted"
