"""symrnn.numeric.bptt and jacobian_product, against independent references.

* The hand-written backward pass gives ∂L/∂s_0 = g^T J_T ··· J_1 with the product taken
  from the *derived* Jacobians (jacobian_product) — two independent routes (eq3).
* jacobian_product matches 50-digit central differences of the unrolled mpmath reference.
* Every parameter gradient matches a 50-digit central difference of the loss along a random
  direction, one direction per parameter array.
"""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numeric_reference import DPS, fd_directional, fd_jacobian, ref_unroll, to_mp
from numeric_strategies import relu_arguments, Point, numpy_errors_raise, points, random_point  # noqa: F401

from symrnn.numeric import CELL_NAMES, bptt, jacobian, jacobian_product, unroll

EPS = np.finfo(np.float64).eps


def sequence(p: Point, t: int, seed: int) -> np.ndarray:
    lead = p.x.shape[:-1]
    return np.random.default_rng(seed).uniform(-2, 2, (t,) + lead + (p.m,))


def as_tuple(state) -> tuple:
    return state if isinstance(state, tuple) else (state,)


def step_jacobians(p: Point, xs: np.ndarray) -> list[np.ndarray]:
    traj = as_tuple(unroll(p.cell, p.params, xs, p.packed))
    out = []
    for t, x in enumerate(xs):
        s = tuple(a[t] for a in traj)
        out.append(jacobian(p.cell, p.params, x, s[0] if len(s) == 1 else s))
    return out


def product_magnitude(jacs: list[np.ndarray]) -> float:
    """∏ max(1, ‖|J_t|‖_∞): bounds every intermediate of the product and of the sweep."""
    return float(np.prod([max(1.0, np.abs(j).sum(axis=-1).max()) for j in jacs]))


def no_relu_kink(p: Point, xs: np.ndarray) -> bool:
    """Every relu argument along the trajectory is away from the kink (by 1e-6)."""
    traj = unroll(p.cell, p.params, xs, p.packed)
    states = traj if isinstance(traj, tuple) else (traj,)
    for t, x in enumerate(xs):
        a = relu_arguments(p.cell, p.params, x, tuple(s[t] for s in states))
        if a.size and np.min(np.abs(a)) <= 1e-6:
            return False
    return True


class TestBPTTAgainstJacobianProduct:
    @settings(max_examples=200, deadline=None)
    @given(points(max_n=6), st.integers(1, 6), st.integers(0, 2**32 - 1), st.data())
    def test_grad_state0_is_cotangent_times_the_product_of_derived_jacobians(self, p, t, seed, data):
        xs = sequence(p, t, seed)
        assume(no_relu_kink(p, xs))
        size = p.n * len(p.state)
        g = data.draw(arrays(np.float64, size, elements=st.floats(-1, 1)))
        cotangent = tuple(g[k * p.n : (k + 1) * p.n] for k in range(len(p.state)))
        result = bptt(p.cell, p.params, xs, p.packed, cotangent if len(cotangent) > 1 else cotangent[0])
        got = np.concatenate(as_tuple(result.grad_state0))
        product = jacobian_product(p.cell, p.params, xs, p.packed)
        tol = 16 * EPS * t * (p.n + p.m + 2) * product_magnitude(step_jacobians(p, xs))
        np.testing.assert_allclose(got, g @ product, rtol=0, atol=tol)

    @settings(max_examples=40, deadline=None)
    @given(points(batch=3, max_n=4), st.integers(1, 4), st.integers(0, 2**32 - 1))
    def test_batched_bptt_sums_parameter_gradients_over_the_batch(self, p, t, seed) -> None:
        xs = sequence(p, t, seed)
        batched = bptt(p.cell, p.params, xs, p.packed)
        rows = []
        for b in range(3):
            s = tuple(a[b] for a in p.state)
            rows.append(bptt(p.cell, p.params, xs[:, b], s[0] if len(s) == 1 else s))
        for name, grad in batched.grad_params.items():
            total = sum(r.grad_params[name] for r in rows)
            np.testing.assert_allclose(grad, total, rtol=1e-12, atol=1e-12 * max(1, np.abs(total).max()))
        for k, g0 in enumerate(as_tuple(batched.grad_state0)):
            for b in range(3):
                np.testing.assert_allclose(g0[b], as_tuple(rows[b].grad_state0)[k], rtol=1e-12, atol=1e-13)

    @pytest.mark.parametrize("cell", CELL_NAMES)
    def test_bptt_returns_the_final_state_of_unroll(self, cell: str) -> None:
        p = random_point(cell, n=3, m=2, rng=np.random.default_rng(5))
        xs = sequence(p, 4, 6)
        final = as_tuple(bptt(cell, p.params, xs, p.packed).state)
        for got, traj in zip(final, as_tuple(unroll(cell, p.params, xs, p.packed))):
            np.testing.assert_array_equal(got, traj[-1])


class TestAgainstHighPrecisionDifferences:
    @settings(max_examples=120, deadline=None)
    @given(points(max_n=4, max_m=2), st.integers(1, 4), st.integers(0, 2**32 - 1))
    def test_jacobian_product_matches_50_digit_differences_of_the_unrolled_map(self, p, t, seed):
        xs = sequence(p, t, seed)
        assume(no_relu_kink(p, xs))
        params = {k: to_mp(v) for k, v in p.params.items()}
        exact = fd_jacobian(p.cell, params, None, [to_mp(s) for s in p.state], xs=[to_mp(x) for x in xs])
        exact = np.array([[float(v) for v in row] for row in exact])
        got = jacobian_product(p.cell, p.params, xs, p.packed)
        tol = 16 * EPS * t * (p.n + p.m + 2) * product_magnitude(step_jacobians(p, xs))
        np.testing.assert_allclose(got, exact, rtol=0, atol=tol)

    @settings(max_examples=120, deadline=None)
    @given(points(max_n=3, max_m=2), st.integers(1, 3), st.integers(0, 2**32 - 1))
    def test_every_parameter_gradient_matches_a_50_digit_directional_difference(self, p, t, seed):
        xs = sequence(p, t, seed)
        assume(no_relu_kink(p, xs))
        rng = np.random.default_rng(seed)
        g = [rng.uniform(-1, 1, p.n) for _ in p.state]
        result = bptt(p.cell, p.params, xs, p.packed, tuple(g) if len(g) > 1 else g[0])
        mp_x = [to_mp(x) for x in xs]
        mp_state = [to_mp(s) for s in p.state]
        mp_g = [to_mp(v) for v in g]
        jacs = step_jacobians(p, xs)
        for name, value in p.params.items():
            direction = rng.uniform(-1, 1, value.shape)
            base = {k: to_mp(v) for k, v in p.params.items()}
            shape = value.shape

            def loss(flat: list, name: str = name, shape: tuple = shape, base: dict = base) -> mpmath.mpf:
                params = dict(base)
                if len(shape) == 1:
                    params[name] = flat
                else:
                    params[name] = [flat[r * shape[1] : (r + 1) * shape[1]] for r in range(shape[0])]
                final = ref_unroll(p.cell, params, mp_x, mp_state)
                with mpmath.workdps(DPS):
                    return mpmath.fsum(a * b for s, gs in zip(final, mp_g) for a, b in zip(s, gs))

            exact = float(fd_directional(loss, to_mp(value.ravel()), to_mp(direction.ravel())))
            got = float(np.sum(result.grad_params[name] * direction))
            size = max(1.0, float(np.max(np.abs(xs))), *(float(np.max(np.abs(s))) for s in p.state))
            tol = 64 * EPS * t * (p.n + p.m + 2) ** 2 * size * product_magnitude(jacs) * (1 + p.scale)
            assert abs(got - exact) <= tol, (name, got, exact, tol)
