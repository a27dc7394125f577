"""measure_flow(params=, inputs=): a given model measured along given sequences, against the
plain product of the derived Jacobians (symrnn.numeric.jacobian) along the same inputs."""

from __future__ import annotations

import math

import numpy as np
import pytest

import symrnn
from symrnn._errors import InvalidArgumentError, ShapeError
from symrnn.numeric import CELL_NAMES, init_params, jacobian, state_names, unroll


def _model(cell: str, m: int, n: int) -> dict:
    rng = np.random.default_rng(5)
    return {k: 1.5 * v + (0.3 * rng.standard_normal(v.shape) if k.startswith("b") else 0)
            for k, v in init_params(cell, m, n, np.random.default_rng(4)).items()}


@pytest.mark.parametrize("cell", CELL_NAMES)
def test_every_distance_matches_the_plain_product_along_the_given_inputs(cell: str) -> None:
    m, n, T, R = 2, 3, 12, 2
    p = _model(cell, m, n)
    xs = np.random.default_rng(6).standard_normal((T, R, m))
    result = symrnn.measure_flow(cell, params=p, inputs=xs, probes=n)
    g = result.group(cell)
    assert g.scheme == "given" and g.log_norm_h.shape == (R, T + 1)
    ns = len(state_names(cell))
    zero = tuple(np.zeros((R, n)) for _ in range(ns))
    traj = unroll(cell, p, xs, zero if ns > 1 else zero[0])
    traj = traj if isinstance(traj, tuple) else (traj,)
    jacs = [jacobian(cell, p, xs[t], tuple(s[t] for s in traj) if ns > 1 else traj[0][t])
            for t in range(T)]
    product = np.broadcast_to(np.eye(n * ns), (R, n * ns, n * ns))
    for d in range(T + 1):
        want = np.linalg.norm(product[:, :n, :n], axis=(1, 2)) / math.sqrt(n)
        with np.errstate(divide="ignore"):
            np.testing.assert_allclose(g.log_norm_h[:, d], np.log(want), rtol=1e-9, atol=1e-9)
        if d < T:
            product = product @ jacs[T - 1 - d]


def test_one_sequence_and_random_inputs_of_the_models_size() -> None:
    p = _model("lstm", 3, 4)
    one = symrnn.measure_flow("lstm", params=p, inputs=np.zeros((15, 3)))
    assert one.group("lstm").rate.shape == (1,) and one.settings["T"] == 15
    rand = symrnn.measure_flow(["lstm"], params=p, T=25, seeds=3)
    assert rand.group("lstm").rate.shape == (3,) and rand.settings["m"] == 3
    again = symrnn.measure_flow(["lstm"], params=p, T=25, seeds=3)
    np.testing.assert_array_equal(rand.group("lstm").rate, again.group("lstm").rate)


def test_scales_multiply_the_given_recurrent_matrices() -> None:
    # h stays 0, so J_t = scale * U = scale/2 * I (isotropic: every probe grows alike)
    p = {"W": np.zeros((2, 1)), "U": 0.5 * np.eye(2), "b": np.zeros(2)}
    r = symrnn.measure_flow("rnn", params=p, inputs=np.zeros((40, 1)), scales=[1.0, 2.0], probes=2)
    rates = [float(r.group("rnn", scale=a).rate[0]) for a in (1.0, 2.0)]
    assert rates == pytest.approx([math.log(0.5), math.log(1.0)], abs=1e-12)


def test_json_csv_and_plots_come_out_as_for_random_weights(tmp_path) -> None:
    from symrnn.flow._plots import plot_all

    r = symrnn.measure_flow("gru_torch", params=_model("gru_torch", 2, 3), T=30, seeds=2)
    data = r.to_json()
    assert data["settings"]["weights"] == "given" and data["groups"][0]["scheme"] == "given"
    r.to_csv(str(tmp_path / "flow.csv"))
    paths = plot_all(r, str(tmp_path))
    assert sorted(p.rsplit("/", 1)[1] for p in paths) == ["gradient_norms.pdf", "gradient_norms.png"]


@pytest.mark.parametrize("kwargs, error, text", [
    ({"cells": ["rnn", "lstm"]}, InvalidArgumentError, "names 2 cells"),
    ({"params": {"W": np.zeros((2, 1))}}, InvalidArgumentError, r"missing \['U', 'b'\]"),
    ({"inputs": np.zeros((5, 3))}, ShapeError, "input size is m = 1"),
    ({"inputs": np.zeros(5)}, ShapeError, r"expected \(T, m\) or \(T, R, m\)"),
    ({"inputs": np.full((5, 1), np.inf)}, InvalidArgumentError, "NaN or infinite"),
    ({"params": None, "inputs": np.zeros((5, 1))}, InvalidArgumentError, "pass params="),
    ({"probes": 3}, InvalidArgumentError, "probes=3"),
])
def test_bad_given_models_and_inputs_are_refused(kwargs, error, text) -> None:
    base = {"cells": "rnn", "params": {"W": np.zeros((2, 1)), "U": np.eye(2), "b": np.zeros(2)},
            "T": 5, "seeds": 1}
    with pytest.raises(error, match=text):
        symrnn.measure_flow(**{**base, **kwargs})


def test_a_user_cell_is_measured_too() -> None:
    import sympy

    x, h_prev, W, u, b = sympy.symbols("x h_prev W u b")
    cell = symrnn.define_cell("leaky", states=["h"], params={"W": "W", "u": "b", "b": "b"},
                              updates={"h": u * h_prev + sympy.tanh(W * x + b)})
    p = {"W": np.zeros((2, 1)), "u": np.array([0.5, 0.5]), "b": np.zeros(2)}
    r = symrnn.measure_flow(cell, params=p, inputs=np.zeros((20, 1)), probes=2)
    assert float(r.group("leaky").rate[0]) == pytest.approx(math.log(0.5), abs=1e-12)
    rand = symrnn.measure_flow([cell], T=10, n=2, seeds=2, schemes=["glorot"])
    assert rand.group("leaky").rate.shape == (2,)
