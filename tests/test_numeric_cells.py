"""symrnn.numeric: cells, activations, initialisation (tests mirror _cells, _stable, _params).

Every numeric value is checked against a reference written independently in mpmath:
the article's equations re-implemented (``numeric_reference.ref_step``) and the symbolic
catalog's definitions evaluated by a tree walk (``numeric_reference.eval_definitions``).
"""

from __future__ import annotations

import warnings

import mpmath
import numpy as np
import pytest
import sympy
from hypothesis import example, given, settings
from hypothesis import strategies as st
from numeric_reference import eval_definitions, ref_step, to_mp
from numeric_strategies import Point, extreme_point, numpy_errors_raise, points, random_point  # noqa: F401

from symrnn._errors import InvalidArgumentError
from symrnn.cells import get_cell
from symrnn.numeric import CELL_NAMES, SCHEMES, init_params, param_specs, state_names, step, unroll
from symrnn.numeric._stable import heaviside, relu, sigmoid, tanh

# minLSTM's normalised gates f/(f + i), as written, are 0/0 once both gates underflow
UNSTABLE_AS_WRITTEN = ("min_lstm", "min_lstm_g")

# float64 step vs exact: pre-activations carry at most (n + m + 1) roundings of terms of size
# scale * max(|x|, |h|, 1); the activations are 1-Lipschitz, the state updates add O(|c|) eps.
EPS = np.finfo(np.float64).eps


def step_tolerance(p: Point) -> float:
    size = max(1.0, float(np.max(np.abs(p.x))), *(float(np.max(np.abs(s))) for s in p.state))
    return 8 * EPS * (p.n + p.m + 2) * (1 + p.scale) * size


def mp_params(p: Point) -> dict:
    return {k: to_mp(v) for k, v in p.params.items()}


def as_tuple(state) -> tuple:
    return state if isinstance(state, tuple) else (state,)


def assert_close_to_mp(numeric: tuple, reference: tuple, tol: float) -> None:
    for got, want in zip(numeric, reference):
        exact = np.array([float(v) for v in want])
        assert np.max(np.abs(got - exact)) <= tol, (got, exact, tol)


class TestStep:
    @settings(max_examples=200, deadline=None)
    @given(points())
    @example(extreme_point("lstm", 1.0)).via("pre-activations +1e4")
    @example(extreme_point("lstm", -1.0)).via("pre-activations -1e4")
    @example(extreme_point("gru", -1.0)).via("pre-activations -1e4")
    @example(extreme_point("gru_torch", 1.0)).via("pre-activations +1e4")
    @example(extreme_point("variant", -1.0)).via("pre-activations -1e4")
    def test_step_matches_the_articles_equations_in_mpmath(self, p: Point) -> None:
        new = as_tuple(step(p.cell, p.params, p.x, p.packed))
        reference = ref_step(p.cell, mp_params(p), to_mp(p.x), [to_mp(s) for s in p.state])
        assert_close_to_mp(new, reference, step_tolerance(p))

    @settings(max_examples=100, deadline=None)
    @given(points(max_n=4))
    def test_step_matches_the_symbolic_catalog_read_in_n_dimensions(self, p: Point) -> None:
        new = as_tuple(step(p.cell, p.params, p.x, p.packed))
        reference = eval_definitions(p.cell, mp_params(p), to_mp(p.x), [to_mp(s) for s in p.state])
        assert_close_to_mp(new, reference, step_tolerance(p))

    @settings(max_examples=60, deadline=None)
    @given(points(n=1, max_m=1))
    def test_step_in_1d_matches_sympy_substitution_into_the_definitions(self, p: Point) -> None:
        cell = get_cell(p.cell)
        values = {q.symbol: sympy.Float(float(p.params[q.name].ravel()[0]), 30) for q in cell.params}
        values[cell.x] = sympy.Float(float(p.x[0]), 30)
        values.update({s.prev: sympy.Float(float(v[0]), 30) for s, v in zip(cell.states, p.state)})
        for symbol, expr in cell.definitions:
            values[symbol] = expr.xreplace(values).evalf(30)
        new = as_tuple(step(p.cell, p.params, p.x, p.packed))
        for s, got in zip(cell.states, new):
            assert abs(got[0] - float(values[s.new])) <= step_tolerance(p)

    @settings(max_examples=60, deadline=None)
    @given(points(batch=3))
    def test_batched_step_equals_the_step_of_each_row(self, p: Point) -> None:
        batched = as_tuple(step(p.cell, p.params, p.x, p.packed))
        for b in range(3):
            row_state = tuple(s[b] for s in p.state)
            single = as_tuple(step(p.cell, p.params, p.x[b], row_state[0] if len(row_state) == 1 else row_state))
            for got, want in zip(batched, single):
                # BLAS may sum a batched product in another order: allow a few roundings
                np.testing.assert_allclose(got[b], want, rtol=0, atol=step_tolerance(p))

    @pytest.mark.parametrize("cell", CELL_NAMES)
    def test_unroll_starts_at_state0_and_applies_step_each_time(self, cell: str) -> None:
        p = random_point(cell, n=3, m=2, rng=np.random.default_rng(1))
        xs = np.random.default_rng(2).uniform(-1, 1, (4, 2))
        traj = as_tuple(unroll(cell, p.params, xs, p.packed))
        state = p.packed
        for k, s0 in enumerate(p.state):
            np.testing.assert_array_equal(traj[k][0], s0)
        for t, x in enumerate(xs):
            state = step(cell, p.params, x, state)
            for k, s in enumerate(as_tuple(state)):
                np.testing.assert_array_equal(traj[k][t + 1], s)

    def test_gru_torch_keeps_the_old_state_where_eq11_takes_the_candidate(self) -> None:
        # z -> 1 (b_z = +50): eq11 moves to its candidate, the reset-after GRU keeps h_{t-1}.
        n, m = 2, 1
        p = {s.name: np.zeros(s.shape(m, n)) for s in param_specs("gru")}
        p["b_z"] = np.full(n, 50.0)
        p["b_h"] = np.full(n, 0.3)
        h = np.array([0.9, -0.4])
        np.testing.assert_allclose(step("gru", p, np.zeros(m), h), np.tanh(0.3), rtol=1e-15)
        np.testing.assert_allclose(step("gru_torch", {**p, "bu_h": np.zeros(n)}, np.zeros(m), h), h, rtol=1e-15)


class TestStableActivations:
    @pytest.mark.parametrize("x", [1e4, -1e4, 1e300, -1e300, 710.0, -710.0, 0.0])
    def test_sigmoid_and_tanh_are_silent_and_exact_at_extremes(self, x: float) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with np.errstate(all="raise", under="ignore"):
                s, t = sigmoid(np.array([x])), tanh(np.array([x]))
        with mpmath.workdps(40):
            assert s[0] == float(1 / (1 + mpmath.exp(-mpmath.mpf(x))))
            assert t[0] == float(mpmath.tanh(mpmath.mpf(x)))

    @given(st.floats(-50, 50))
    def test_sigmoid_matches_mpmath_to_one_ulp_in_relative_terms(self, x: float) -> None:
        with mpmath.workdps(40):
            exact = 1 / (1 + mpmath.exp(-mpmath.mpf(x)))
        assert abs(sigmoid(np.array([x]))[0] - float(exact)) <= 2 * EPS * float(exact)

    def test_relu_and_its_derivative(self) -> None:
        x = np.array([-2.0, 0.0, 3.0])
        np.testing.assert_array_equal(relu(x), [0.0, 0.0, 3.0])
        np.testing.assert_array_equal(heaviside(x), [0.0, 0.5, 1.0])

    @pytest.mark.parametrize("cell", [c for c in CELL_NAMES if c not in UNSTABLE_AS_WRITTEN])
    @pytest.mark.parametrize("sign", [1.0, -1.0])
    def test_step_gives_finite_saturated_states_at_preactivations_of_1e4(self, cell: str, sign: float) -> None:
        p = extreme_point(cell, sign)
        for s in as_tuple(step(cell, p.params, p.x, p.packed)):
            assert np.all(np.isfinite(s))

    @pytest.mark.parametrize("cell", UNSTABLE_AS_WRITTEN)
    def test_min_lstm_at_minus_1e4_is_refused_not_returned_as_nan(self, cell: str) -> None:
        # f/(f + i) with both gates underflowed to 0 is 0/0 in float64: a clear error, no NaN
        p = extreme_point(cell, -1.0)
        with pytest.raises(InvalidArgumentError, match=f"cell '{cell}' gives a non-finite state h"):
            step(cell, p.params, p.x, p.packed)
        assert np.all(np.isfinite(step(cell, p.params, -p.x, p.packed)))  # +1e4 is fine


class TestInitParams:
    @pytest.mark.parametrize("cell", CELL_NAMES)
    @pytest.mark.parametrize("scheme", ["glorot", "orthogonal", "zero"])
    def test_every_parameter_has_its_documented_shape(self, cell: str, scheme: str) -> None:
        p = init_params(cell, m=3, n=5, rng=0, scheme=scheme)
        assert list(p) == [s.name for s in param_specs(cell)]
        for spec in param_specs(cell):
            assert p[spec.name].shape == spec.shape(3, 5)
            assert p[spec.name].dtype == np.float64

    def test_glorot_stays_within_its_limit_and_uses_it(self) -> None:
        w = init_params("rnn", m=30, n=50, rng=0)["W"]
        limit = np.sqrt(6 / (50 + 30))
        assert np.max(np.abs(w)) <= limit
        assert np.max(np.abs(w)) > 0.9 * limit  # 1500 draws reach the edge

    @pytest.mark.parametrize("cell", CELL_NAMES)
    def test_orthogonal_recurrent_matrices_are_orthogonal(self, cell: str) -> None:
        p = init_params(cell, m=2, n=6, rng=np.random.default_rng(3), scheme="orthogonal")
        for spec in param_specs(cell):
            if spec.kind == "recurrent_matrix":
                np.testing.assert_allclose(p[spec.name].T @ p[spec.name], np.eye(6), atol=1e-12)

    def test_forget_bias_one_sets_b_f_and_only_b_f(self) -> None:
        p = init_params("lstm", m=2, n=4, rng=0, scheme="forget-bias-1")
        np.testing.assert_array_equal(p["b_f"], np.ones(4))
        for name in ("b_i", "b_o", "b_c"):
            np.testing.assert_array_equal(p[name], np.zeros(4))

    def test_zero_scheme_is_all_zero(self) -> None:
        assert all(not v.any() for v in init_params("gru", 2, 3, 0, scheme="zero").values())

    def test_same_seed_same_parameters(self) -> None:
        a, b = init_params("lstm", 2, 3, 7), init_params("lstm", 2, 3, 7)
        assert all(np.array_equal(a[k], b[k]) for k in a)

    def test_schemes_are_the_documented_ones(self) -> None:
        assert SCHEMES == ("glorot", "orthogonal", "forget-bias-1", "zero")

    @pytest.mark.parametrize("cell", CELL_NAMES)
    def test_state_names_are_h_or_h_c(self, cell: str) -> None:
        two = ("lstm", "variant", "peephole_lstm", "cifg_lstm")
        assert state_names(cell) == (("h", "c") if cell in two else ("h",))
        assert state_names(cell) == get_cell(cell).state_names
