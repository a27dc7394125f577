"""symrnn.numeric.jacobian: derived forms compiled to numpy, against independent references.

* Central finite differences in mpmath at 50 digits of an mpmath re-implementation of the
  article's equations (``numeric_reference``), for every cell, n in 1..8, parameter scales
  up to 10 and pinned pre-activations of ±1e4.
* In 1-D, the article's printed forms, typed here from ``seed-claims.md``: eq6, eq13 and the
  LSTM c-path eq8 = f + eq9 + eq10a + eq10b with h_{t-1} = o_{t-1} tanh c_{t-1}.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from numeric_reference import fd_jacobian, to_mp
from numeric_strategies import Point, extreme_point, numpy_errors_raise, points, random_point  # noqa: F401

from symrnn import ShapeError, SymrnnError
from symrnn.numeric import CELL_NAMES, jacobian, step
from symrnn.numeric._jacobian import compiled

EPS = np.finfo(np.float64).eps


def jacobian_tolerance(p: Point, exact: np.ndarray) -> float:
    """Absolute error allowed for the float64 Jacobian against the exact one.

    Each entry is a short sum of chain products diag(d) U [diag(e) U'] whose diagonal factors
    come from pre-activations summed over n + m + 1 terms: about (n + m + 2) roundings,
    relative to the Jacobian's largest entry. A safety factor of 16 over eps covers the
    products; over 600 random examples the worst error used 1/10 of this bound.
    """
    return 16 * EPS * (p.n + p.m + 2) * max(1.0, float(np.max(np.abs(exact))))


def exact_jacobian(p: Point) -> np.ndarray:
    params = {k: to_mp(v) for k, v in p.params.items()}
    rows = fd_jacobian(p.cell, params, to_mp(p.x), [to_mp(s) for s in p.state])
    return np.array([[float(v) for v in row] for row in rows])


class TestJacobianAgainstFiniteDifferences:
    @settings(max_examples=400, deadline=None)
    @given(points(max_n=8))
    @example(extreme_point("lstm", 1.0)).via("pre-activations +1e4")
    @example(extreme_point("lstm", -1.0)).via("pre-activations -1e4")
    @example(extreme_point("gru", 1.0)).via("pre-activations +1e4")
    @example(extreme_point("mgu", -1.0)).via("pre-activations -1e4")
    @example(extreme_point("variant", 1.0)).via("pre-activations +1e4")
    @example(extreme_point("gru_torch", -1.0)).via("pre-activations -1e4")
    @example(extreme_point("rnn", -1.0)).via("pre-activations -1e4")
    def test_jacobian_matches_50_digit_central_differences(self, p: Point) -> None:
        assume(p.preactivation_margin() > 1e-6)  # no derivative on relu's kink
        got = jacobian(p.cell, p.params, p.x, p.packed)
        assert got.shape == (p.n * len(p.state),) * 2
        exact = exact_jacobian(p)
        np.testing.assert_allclose(got, exact, rtol=0, atol=jacobian_tolerance(p, exact))

    @settings(max_examples=80, deadline=None)
    @given(points(n=8))
    def test_jacobian_matches_50_digit_central_differences_at_n_8(self, p: Point) -> None:
        # Hypothesis favours small sizes; this pins the largest one.
        assume(p.preactivation_margin() > 1e-6)
        exact = exact_jacobian(p)
        got = jacobian(p.cell, p.params, p.x, p.packed)
        np.testing.assert_allclose(got, exact, rtol=0, atol=jacobian_tolerance(p, exact))

    @pytest.mark.parametrize("cell", CELL_NAMES)
    def test_jacobian_is_exact_to_rounding_at_a_moderate_point(self, cell: str) -> None:
        # A sharper statement than the property above, at one generic point per cell.
        p = random_point(cell, n=5, m=3, rng=np.random.default_rng(11), scale=1.0)
        exact = exact_jacobian(p)
        got = jacobian(cell, p.params, p.x, p.packed)
        np.testing.assert_allclose(got, exact, rtol=0, atol=1e-14 * max(1.0, np.abs(exact).max()))

    @settings(max_examples=50, deadline=None)
    @given(points(batch=4, max_n=5))
    def test_batched_jacobian_equals_the_jacobian_of_each_row(self, p: Point) -> None:
        batched = jacobian(p.cell, p.params, p.x, p.packed)
        for b in range(4):
            row = tuple(s[b] for s in p.state)
            single = jacobian(p.cell, p.params, p.x[b], row[0] if len(row) == 1 else row)
            np.testing.assert_allclose(batched[b], single, rtol=0, atol=jacobian_tolerance(p, single))

    def test_out_buffer_receives_the_same_jacobian(self) -> None:
        p = random_point("lstm", n=3, m=2, rng=np.random.default_rng(0))
        x = np.stack([p.x, -p.x])
        state = tuple(np.stack([s, s]) for s in p.state)
        out = np.full((2, 6, 6), np.pi)  # stale values must all be overwritten
        result = jacobian("lstm", p.params, x, state, out=out)
        assert result is out
        np.testing.assert_array_equal(out, jacobian("lstm", p.params, x, state))

    @pytest.mark.parametrize(
        "out, error",
        [(np.empty((6, 5)), ShapeError), (np.empty((6, 6), dtype=np.float32), SymrnnError),
         (np.empty((6, 12))[:, ::2], SymrnnError), ([[0.0] * 6] * 6, SymrnnError)],
    )
    def test_bad_out_buffer_is_rejected(self, out: object, error: type) -> None:
        p = random_point("lstm", n=3, m=2, rng=np.random.default_rng(0))
        with pytest.raises(error, match="out"):
            jacobian("lstm", p.params, p.x, p.packed, out=out)  # type: ignore[arg-type]


class TestCompiledOnce:
    def test_jacobian_does_not_lambdify_after_the_first_call(self, monkeypatch: pytest.MonkeyPatch) -> None:
        rng = np.random.default_rng(0)
        points_ = [random_point(cell, n=3, m=2, rng=rng) for cell in CELL_NAMES]
        for p in points_:
            jacobian(p.cell, p.params, p.x, p.packed)
        misses = compiled.cache_info().misses

        def no_lambdify(*args: object, **kwargs: object) -> None:
            raise AssertionError("lambdify called after compilation")

        monkeypatch.setattr(sympy, "lambdify", no_lambdify)
        for p in points_:
            jacobian(p.cell, p.params, p.x, p.packed)
        assert compiled.cache_info().misses == misses

    @pytest.mark.parametrize("cell", CELL_NAMES)
    def test_compiled_blocks_cover_every_derived_block(self, cell: str) -> None:
        from symrnn.derivation import derive

        k = len(compiled(cell).state_names)
        assert set(compiled(cell).blocks) == {(a, b) for a in range(k) for b in range(k)}
        assert len(derive(cell).blocks) == k * k


class TestMatvecReading:
    @pytest.mark.parametrize("text", ["U + b", "U*V*h", "tanh(U) * h"])
    def test_a_matrix_outside_one_matrix_vector_product_is_rejected(self, text: str) -> None:
        from symrnn.numeric._jacobian import _to_matvec

        U, V = sympy.symbols("U V")
        with pytest.raises(SymrnnError, match="matri"):
            _to_matvec(sympy.sympify(text), frozenset({U, V}))

    def test_a_product_with_one_matrix_is_a_matrix_vector_product(self) -> None:
        from symrnn.numeric._jacobian import _matvec, _to_matvec

        U, r, h, b = sympy.symbols("U r h b")
        assert _to_matvec(U * (r * h) + b, frozenset({U})) == _matvec(U, r * h) + b


def _sig(a: float) -> float:
    return 1 / (1 + math.exp(-a))


scalars = st.floats(-3, 3, allow_subnormal=False)
weights = st.floats(-10, 10, allow_subnormal=False)


class TestPrintedFormsIn1D:
    """The article's printed derivatives, typed from seed-claims.md, at random 1-D points."""

    @settings(max_examples=200)
    @given(W=weights, U=weights, b=weights, x=scalars, h_prev=st.floats(-1, 1))
    def test_rnn_jacobian_is_eq6(self, W: float, U: float, b: float, x: float, h_prev: float) -> None:
        p = {"W": np.array([[W]]), "U": np.array([[U]]), "b": np.array([b])}
        h = math.tanh(W * x + U * h_prev + b)
        eq6 = (1 - h**2) * U
        got = jacobian("rnn", p, np.array([x]), np.array([h_prev]))[0, 0]
        assert got == pytest.approx(eq6, rel=1e-12, abs=1e-14)

    @settings(max_examples=200)
    @given(W=weights, U=weights, b=weights, x=scalars, h_prev=st.floats(-3, 3))
    def test_relu_rnn_jacobian_is_U_on_the_positive_half_axis(self, W, U, b, x, h_prev) -> None:
        a = W * x + U * h_prev + b
        assume(abs(a) > 1e-9)
        p = {"W": np.array([[W]]), "U": np.array([[U]]), "b": np.array([b])}
        got = jacobian("relu_rnn", p, np.array([x]), np.array([h_prev]))[0, 0]
        assert got == (U if a > 0 else 0.0)

    @settings(max_examples=300)
    @given(w=st.lists(weights, min_size=9, max_size=9), x=scalars, h_prev=st.floats(-1, 1))
    def test_gru_jacobian_is_eq13(self, w: list[float], x: float, h_prev: float) -> None:
        W_z, U_z, b_z, W_r, U_r, b_r, W_h, U_h, b_h = w
        z = _sig(W_z * x + U_z * h_prev + b_z)
        r = _sig(W_r * x + U_r * h_prev + b_r)
        h_hat = math.tanh(W_h * x + U_h * (r * h_prev) + b_h)
        eq13 = (
            1 - z
            - z * (1 - z) * h_prev * U_z
            + z * (1 - z) * h_hat * U_z
            + (1 - h_hat**2) * r * (1 + (1 - r) * h_prev * U_r) * z * U_h
        )
        names = ("W_z", "U_z", "b_z", "W_r", "U_r", "b_r", "W_h", "U_h", "b_h")
        p = {k: np.array([[v]]) if k[0] in "WU" else np.array([v]) for k, v in zip(names, w)}
        got = jacobian("gru", p, np.array([x]), np.array([h_prev]))[0, 0]
        assert got == pytest.approx(eq13, rel=1e-11, abs=1e-12)

    @settings(max_examples=300)
    @given(
        w=st.lists(weights, min_size=12, max_size=12),
        x=scalars,
        c_prev=st.floats(-5, 5),
        o_prev=st.floats(0.001, 0.999),
    )
    def test_lstm_c_path_is_eq8_with_eq9_eq10a_eq10b(self, w, x, c_prev, o_prev) -> None:
        W_f, U_f, b_f, W_i, U_i, b_i, W_o, U_o, b_o, W_c, U_c, b_c = w
        h_prev = o_prev * math.tanh(c_prev)  # the article's substitution
        f = _sig(W_f * x + U_f * h_prev + b_f)
        i = _sig(W_i * x + U_i * h_prev + b_i)
        c_hat = math.tanh(W_c * x + U_c * h_prev + b_c)
        sech2 = 1 - math.tanh(c_prev) ** 2
        eq9 = f * (1 - f) * o_prev * sech2 * c_prev * U_f
        eq10a = i * (1 - i) * o_prev * sech2 * c_hat * U_i
        eq10b = (1 - c_hat**2) * o_prev * sech2 * i * U_c
        eq8 = f + eq9 + eq10a + eq10b

        names = ("W_f", "U_f", "b_f", "W_i", "U_i", "b_i", "W_o", "U_o", "b_o", "W_c", "U_c", "b_c")
        p = {k: np.array([[v]]) if k[0] in "WU" else np.array([v]) for k, v in zip(names, w)}
        J = jacobian("lstm", p, np.array([x]), (np.array([h_prev]), np.array([c_prev])))
        # total derivative along c_{t-1} -> h_{t-1} = o_{t-1} tanh c_{t-1} -> c_t
        dh_prev_dc_prev = o_prev * sech2
        got = J[1, 1] + J[1, 0] * dh_prev_dc_prev
        assert got == pytest.approx(eq8, rel=1e-11, abs=1e-12)
        assert J[1, 1] == pytest.approx(f, rel=1e-15)  # ∂c_t/∂c_{t-1} with h_{t-1} held fixed
