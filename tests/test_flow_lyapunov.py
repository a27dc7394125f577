"""symrnn.flow: batched cells and log-space Jacobian products, against independent references.

* Forward steps against :func:`symrnn.numeric.step`, run by run.
* The pulled-back probes against ``d @ J`` with ``J`` from :func:`symrnn.numeric.jacobian`
  (the derived symbolic forms, compiled independently of the hand-written backward pass).
* Every gradient norm at every distance against the plain float64 product of those Jacobians
  for short sequences; the Lyapunov sums against a QR of the plain product.
* A scalar (and an n-D diagonal) linear recurrence at T = 10,000, against the closed form
  ``d log a``: 1.1^10000 overflows float64, the log-space product does not.
"""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from symrnn.flow._cells import forward, pack, vjp
from symrnn.flow._lyapunov import probe_block, run_flow
from symrnn.numeric import CELL_NAMES, init_params, jacobian, state_names, step, unroll

SCHEME = {c: "glorot" for c in CELL_NAMES}


def _runs(cell: str, m: int, n: int, count: int, scale: float = 1.5) -> list[dict]:
    """Different weights per run; scaled up so gates are not all near 1/2."""
    out = []
    for r in range(count):
        p = init_params(cell, m, n, np.random.default_rng([11, r]), scheme="glorot")
        rng = np.random.default_rng([12, r])
        out.append({k: scale * v + (0.3 * rng.standard_normal(v.shape) if k.startswith("b") else 0)
                    for k, v in p.items()})
    return out


def _split(vec: np.ndarray, n: int, count: int) -> tuple[np.ndarray, ...]:
    return tuple(vec[..., j * n : (j + 1) * n] for j in range(count))


@pytest.mark.parametrize("cell", CELL_NAMES)
def test_forward_matches_numeric_step_run_by_run(cell: str) -> None:
    m, n, count = 2, 3, 4
    runs = _runs(cell, m, n, count)
    ns = len(state_names(cell))
    rng = np.random.default_rng(0)
    x = rng.standard_normal((count, m))
    state = tuple(rng.standard_normal((count, n)) for _ in range(ns))
    new, _ = forward(cell, pack(cell, runs), x[:, None, :], tuple(s[:, None, :] for s in state))
    for b, p in enumerate(runs):
        ref = step(cell, p, x[b], tuple(s[b] for s in state) if ns == 2 else state[0][b])
        ref = ref if ns == 2 else (ref,)
        for got, want in zip(new, ref):
            np.testing.assert_allclose(got[b, 0], want, rtol=1e-13, atol=1e-14)


@pytest.mark.parametrize("cell", CELL_NAMES)
def test_vjp_is_the_transpose_of_the_derived_jacobian(cell: str) -> None:
    m, n, count, q = 2, 3, 3, 5
    runs = _runs(cell, m, n, count)
    ns = len(state_names(cell))
    rng = np.random.default_rng(1)
    x = rng.standard_normal((count, 1, m))
    prev = tuple(rng.standard_normal((count, 1, n)) for _ in range(ns))
    d = rng.standard_normal((count, q, n * ns))
    packed = pack(cell, runs)
    _, cache = forward(cell, packed, x, prev)
    got = np.concatenate(vjp(cell, packed, x, prev, cache, _split(d, n, ns)), axis=-1)
    for b, p in enumerate(runs):
        state_b = tuple(s[b, 0] for s in prev)
        jac = jacobian(cell, p, x[b, 0], state_b if ns == 2 else state_b[0])
        np.testing.assert_allclose(got[b], d[b] @ jac, rtol=1e-12, atol=1e-13)


def _plain_products(cell: str, p: dict, xs: np.ndarray, n: int) -> list[np.ndarray]:
    """M_k = J_T ... J_{k+1} for k = T..0, as a list indexed by distance d = T - k."""
    products = [np.eye(n * len(state_names(cell)))]
    for jac in reversed(_plain_jacobians(cell, p, xs, n)):
        products.append(products[-1] @ jac)
    return products


def _log_rms(block: np.ndarray) -> float:
    """log(||block||_F / sqrt(n)); -inf for an exact zero."""
    rms = float(np.linalg.norm(block) / math.sqrt(block.shape[0]))
    return math.log(rms) if rms > 0 else -math.inf


@pytest.mark.parametrize("cell", CELL_NAMES)
def test_every_distance_matches_the_plain_jacobian_product(cell: str) -> None:
    m, n, count, T = 2, 3, 3, 14
    runs = _runs(cell, m, n, count)
    ns = len(state_names(cell))
    xs = np.random.default_rng(2).standard_normal((T, count, m))
    probes = probe_block(n, n, np.random.default_rng(3))  # p = n: the norms are exact
    out = run_flow(cell, pack(cell, runs), lambda t: xs[t - 1][:, None, :], T, n, probes, ns)
    assert out.log_norm_h.shape == (count, T + 1)
    for b, p in enumerate(runs):
        products = _plain_products(cell, p, xs[:, b], n)
        want_h = np.array([_log_rms(M[:n, :n]) for M in products])
        np.testing.assert_allclose(out.log_norm_h[b], want_h, rtol=0, atol=1e-10)
        if ns == 2:
            want_c = [_log_rms(M[n:, n:]) for M in products]
            np.testing.assert_allclose(out.log_norm_c[b], want_c, rtol=0, atol=1e-10)
        want = _lyapunov_sums(cell, p, xs[:, b], n, probes)
        # a relu unit that is off zeroes a row of J_t: the product is singular and its weak
        # sums are -inf, which the 400-digit reference shows as ~-920 and float64 as roundoff
        # noise; there we ask only that they be negligible (30 e-folds below the top one)
        exact = want > -900
        np.testing.assert_allclose(out.lyapunov[b][exact] * T, want[exact], rtol=1e-9, atol=1e-9)
        weak = out.lyapunov[b][~exact] * T
        assert np.all((weak == -np.inf) | (weak < want[0] - 30))
        # the final state is the trajectory's
        final = step(cell, p, xs[-1, b], _state_before_last(cell, p, xs[:, b], n))
        final = np.concatenate(final) if ns == 2 else final
        np.testing.assert_allclose(out.final_state[b], final, rtol=1e-12, atol=1e-13)


def _lyapunov_sums(cell: str, p: dict, xs: np.ndarray, n: int, probes: np.ndarray) -> np.ndarray:
    """log|R_ii| of a QR of M_0^T V_T, the plain product taken in mpmath at 400 digits.

    The weak directions of M_0 sit hundreds of e-folds below the strong one, beyond float64's
    reach in a plain product; at 400 digits (~920 e-folds) the product keeps them.
    """
    ns = len(state_names(cell))
    size = n * ns
    basis = np.zeros((size, size))
    for j in range(ns):
        basis[j * n : (j + 1) * n, j * n : (j + 1) * n] = probes.T
    jacs = _plain_jacobians(cell, p, xs, n)
    with mpmath.workdps(400):
        product = mpmath.matrix(basis.tolist())  # V_T, then J_{k+1}^T ... J_T^T V_T
        for jac in reversed(jacs):
            product = mpmath.matrix(jac.T.tolist()) * product
        _, r = mpmath.qr(product)
        return np.array([float(mpmath.log(abs(r[i, i]))) for i in range(size)])


def _plain_jacobians(cell: str, p: dict, xs: np.ndarray, n: int) -> list[np.ndarray]:
    """J_1, ..., J_T along the trajectory from the zero state (symrnn.numeric.jacobian)."""
    ns = len(state_names(cell))
    zero = tuple(np.zeros(n) for _ in range(ns))
    traj = unroll(cell, p, xs, zero if ns == 2 else zero[0])
    traj = traj if ns == 2 else (traj,)
    return [jacobian(cell, p, xs[k], tuple(s[k] for s in traj) if ns == 2 else traj[0][k])
            for k in range(xs.shape[0])]


def _state_before_last(cell: str, p: dict, xs: np.ndarray, n: int):
    ns = len(state_names(cell))
    zero = tuple(np.zeros(n) for _ in range(ns))
    traj = unroll(cell, p, xs[:-1], zero if ns == 2 else zero[0])
    return tuple(s[-1] for s in traj) if ns == 2 else traj[-1]


def _linear(cell: str, a: float, n: int) -> dict:
    """J_t = a I exactly: tanh at the origin (W = 0, b = 0, h stays 0, tanh'(0) = 1), or
    relu with b = 1 (h_t > 0 for all t, relu' = 1; the state tends to 1/(1 - a), so a < 1)."""
    b = np.zeros(n) if cell == "rnn" else np.ones(n)
    return {"W": np.zeros((n, 1)), "U": a * np.eye(n), "b": b}


@pytest.mark.parametrize("cell, a", [("rnn", 0.9), ("rnn", 1.1), ("relu_rnn", 0.9)])
@pytest.mark.parametrize("n, probes", [(1, 1), (5, 2)])
def test_linear_recurrence_matches_closed_form_at_T_10000(
    cell: str, a: float, n: int, probes: int
) -> None:
    T = 10_000
    packed = pack(cell, [_linear(cell, a, n), _linear(cell, a, n)])
    x = np.zeros((2, 1, 1))
    out = run_flow(cell, packed, lambda t: x, T, n,
                   probe_block(n, probes, np.random.default_rng(0)), 1)
    want = np.arange(T + 1) * math.log(a)  # ||a^d I||_F / sqrt(n) = a^d
    np.testing.assert_allclose(out.log_norm_h[0], want, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(out.lyapunov, math.log(a), rtol=1e-12)
    assert abs(out.log_norm_h[0, -1]) > 900  # far beyond float64's range of ~709


def test_an_exactly_zero_jacobian_gives_minus_infinity_without_floating_point_errors() -> None:
    dead = {"W": np.zeros((2, 1)), "U": np.eye(2), "b": -np.ones(2)}  # relu' = 0 at every step
    out = run_flow("relu_rnn", pack("relu_rnn", [dead]), lambda t: np.zeros((1, 1, 1)), 6, 2,
                   probe_block(2, 2, np.random.default_rng(0)), 1)
    assert out.log_norm_h[0, 0] == pytest.approx(0.0, abs=1e-15)
    assert np.all(out.log_norm_h[0, 1:] == -np.inf)
    assert np.all(out.lyapunov == -np.inf)


def test_probe_block_rows_are_orthonormal() -> None:
    rows = probe_block(7, 3, np.random.default_rng(5))
    np.testing.assert_allclose(rows @ rows.T, np.eye(3), atol=1e-14)
