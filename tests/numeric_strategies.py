"""Hypothesis strategies and fixtures shared by the ``tests/test_numeric*.py`` modules.

A :class:`Point` is everything one call of a numeric cell needs: a cell name, sizes, a
parameter dict, an input and a state. :func:`points` draws them with hidden size ``n`` in
``1..max_n``, parameters in ``[-scale, scale]`` with ``scale`` up to 10, inputs in ``[-3, 3]``;
:func:`extreme_point` builds the pinned cases whose pre-activations reach ``±1e4``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from symrnn.numeric import CELL_NAMES, param_specs, state_names


@pytest.fixture(autouse=True)
def numpy_errors_raise():
    """Make numpy floating-point errors raise inside every numeric test.

    Overflow, division by zero and invalid operations raise; underflow stays silent because
    ``exp(-1e4)`` underflowing to 0 is the intended saturated value of a gate, not an error.
    Imported (hence autouse) by each numeric test module; ``tests/conftest.py`` is not ours.
    """
    with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        yield


@dataclass
class Point:
    """Arguments of one cell step, as float64 arrays."""

    cell: str
    params: dict[str, np.ndarray]
    x: np.ndarray
    state: tuple[np.ndarray, ...]
    scale: float = field(default=1.0)

    @property
    def n(self) -> int:
        return int(self.state[0].shape[-1])

    @property
    def m(self) -> int:
        return int(self.x.shape[-1])

    @property
    def packed(self) -> np.ndarray | tuple[np.ndarray, ...]:
        """The state as the public API takes it: ``h`` or ``(h, c)``."""
        return self.state[0] if len(self.state) == 1 else self.state

    def preactivation_margin(self) -> float:
        """min |a| over the arguments a of every relu in the step (distance from the kink,
        where the derivative does not exist); inf for cells without relu."""
        a = relu_arguments(self.cell, self.params, self.x, self.state)
        return float(np.min(np.abs(a))) if a.size else float("inf")


def relu_arguments(cell: str, p: dict, x: np.ndarray, state: tuple) -> np.ndarray:
    """The arguments of relu in one step of ``cell`` (relu_rnn, indrnn, and minGRU/minLSTM's g,
    which is written with relu), written from the cells' equations."""
    h = state[0]
    if cell == "relu_rnn":
        return x @ p["W"].T + h @ p["U"].T + p["b"]
    if cell == "indrnn":
        return x @ p["W"].T + p["u"] * h + p["b"]
    if cell in ("min_gru_g", "min_lstm_g"):
        return x @ p["W_h"].T + p["b_h"]
    return np.zeros(0)


def _unit(shape: tuple[int, ...], bound: float = 1.0) -> st.SearchStrategy[np.ndarray]:
    return arrays(
        np.float64,
        shape,
        elements=st.floats(-bound, bound, allow_nan=False, allow_subnormal=False),
    )


scales = st.one_of(st.sampled_from([0.5, 1.0, 3.0, 10.0]), st.floats(0.05, 10.0))


@st.composite
def points(
    draw: st.DrawFn,
    cells: tuple[str, ...] = CELL_NAMES,
    max_n: int = 8,
    max_m: int = 3,
    batch: int | None = None,
    n: int | None = None,
) -> Point:
    """A random :class:`Point`; ``batch`` gives inputs and states a leading axis."""
    cell = draw(st.sampled_from(cells))
    n = n if n is not None else draw(st.integers(1, max_n))
    m = draw(st.integers(1, max_m))
    scale = draw(scales)
    params = {
        spec.name: scale * draw(_unit(spec.shape(m, n))) for spec in param_specs(cell)
    }
    lead = (batch,) if batch else ()
    x = draw(_unit(lead + (m,), 3.0))
    h = draw(_unit(lead + (n,), 2.0))
    state = (h,) if len(state_names(cell)) == 1 else (h, draw(_unit(lead + (n,), 5.0)))
    return Point(cell, params, x, state, scale)


def extreme_point(cell: str, sign: float, n: int = 2, m: int = 1) -> Point:
    """Parameters of size 10 and input ``±1e3``: every pre-activation is about ``±1e4``."""
    params = {}
    for spec in param_specs(cell):
        shape = spec.shape(m, n)
        params[spec.name] = np.full(shape, 10.0) if spec.kind == "input_matrix" else np.full(shape, 0.5)
    x = np.full(m, sign * 1e3)
    state = tuple(np.full(n, 0.25 * (k + 1)) for k in range(len(state_names(cell))))
    return Point(cell, params, x, state, 10.0)


def random_point(cell: str, n: int, m: int, rng: np.random.Generator, scale: float = 1.0) -> Point:
    """A plain random point (for non-Hypothesis checks such as timing or batch shapes)."""
    params = {s.name: scale * rng.uniform(-1, 1, s.shape(m, n)) for s in param_specs(cell)}
    state = tuple(rng.uniform(-1, 1, n) for _ in state_names(cell))
    return Point(cell, params, rng.uniform(-2, 2, m), state, scale)
