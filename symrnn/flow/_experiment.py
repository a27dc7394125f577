r"""The measurement API: :func:`measure_flow` and its :class:`FlowResult`.

For every cell, initialisation scheme and recurrent-weight scale, ``seeds`` runs are drawn
(weights from :func:`symrnn.numeric.init_params`, every recurrent matrix ``U_*`` then
multiplied by the scale; inputs :math:`x_t \sim N(0, I_m)`; zero initial state), all runs of a
cell are batched, and :func:`symrnn.flow._lyapunov.run_flow` measures the gradient norm at every
distance and the Lyapunov exponents. Run ``r`` of a given ``seed`` sees the same input sequence
for every cell, and the same base weights at every scale, so cells and scales are compared on
equal footing. Same arguments, same numbers.

With ``params=`` the weights are a given model's (a trained network, e.g. from
:func:`symrnn.from_torch` or :func:`symrnn.load_params`): one run per input sequence of
``inputs=`` (or per random sequence of the model's input size), the same measurements, the
scheme recorded as ``"given"``.

Everything here is **measurement** ("empirical"): finite runs at chosen initialisations. It
illustrates the article's claims; it proves none of them.

>>> r = measure_flow(["rnn"], ["orthogonal"], T=20, n=4, seeds=2, seed=0, scales=[0.5])
>>> g = r.groups[0]
>>> g.log_norm_h.shape, bool((g.rate < 0).all())
((2, 21), True)
>>> import numpy as np
>>> p = {"W": np.zeros((2, 1)), "U": 0.5 * np.eye(2), "b": np.zeros(2)}
>>> r = measure_flow("rnn", params=p, inputs=np.zeros((30, 3, 1)))  # 3 sequences, T = 30
>>> g = r.group("rnn")
>>> g.scheme, g.rate.round(6).tolist()  # h stays 0, so J_t = U = I/2: rate ln(1/2)
('given', [-0.693147, -0.693147, -0.693147])
"""

from __future__ import annotations

import csv
import math
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError, ShapeError
from .._limits import check_memory
from ..cells import Cell
from ..numeric import CELL_NAMES, HANDWRITTEN, SCHEMES, check_params, check_size, init_params, kernel
from ._cells import pack
from ._lyapunov import FlowArrays, probe_block, run_flow
from ._progress import Progress

__all__ = ["FlowGroup", "FlowResult", "measure_flow", "EXPLODE_FACTOR", "VANISH_FACTOR"]

Array = NDArray[np.float64]

EXPLODE_FACTOR = 1e3
"""A run *explodes* when its gradient norm at the full distance ``T`` exceeds this."""
VANISH_FACTOR = 1e-3
"""A run *vanishes* when its gradient norm at the full distance ``T`` is below this."""

_LN10 = math.log(10.0)


def _json_float(v: float) -> float | None:
    """A float for JSON: ``None`` stands for a non-finite value (``-inf``: an exact zero)."""
    v = float(v)
    return round(v, 6) if math.isfinite(v) else None


@dataclass(frozen=True)
class FlowGroup:
    """The runs of one (cell, scheme, scale).

    Attributes:
        cell, scheme, scale: the configuration.
        log_norm_h: ``(R, T + 1)``, natural log of :math:`\\|\\partial h_T/\\partial h_{T-d}\\|_F
            /\\sqrt n` at distance ``d`` for each of the ``R`` runs.
        log_norm_c: the same for :math:`c` (``lstm``, ``variant``), else ``None``.
        lyapunov: ``(R, q)`` top Lyapunov exponents per run (per step, natural log).
    """

    cell: str
    scheme: str
    scale: float
    log_norm_h: Array
    log_norm_c: Array | None
    lyapunov: Array

    @property
    def rate(self) -> Array:
        """``(R,)`` the per-step decay rate: the top Lyapunov exponent (< 0 vanishing)."""
        return self.lyapunov[:, 0]

    @property
    def half_life(self) -> Array:
        """``(R,)`` steps for the gradient norm to halve, :math:`\\ln 2/(-\\lambda_1)`; ``inf``
        for runs that do not decay."""
        rate = self.rate
        out = np.full(rate.shape, np.inf)
        decaying = rate < 0
        out[decaying] = math.log(2.0) / -rate[decaying]
        return out

    @property
    def final_log_norm(self) -> Array:
        """``(R,)`` the larger of the h- and c-block log-norms at distance ``T``."""
        final = self.log_norm_h[:, -1]
        return final if self.log_norm_c is None else np.maximum(final, self.log_norm_c[:, -1])

    @property
    def exploded(self) -> NDArray[np.bool_]:
        """``(R,)`` runs whose norm at distance ``T`` exceeds :data:`EXPLODE_FACTOR`."""
        return self.final_log_norm > math.log(EXPLODE_FACTOR)

    @property
    def vanished(self) -> NDArray[np.bool_]:
        """``(R,)`` runs whose norm at distance ``T`` is below :data:`VANISH_FACTOR`."""
        return self.final_log_norm < math.log(VANISH_FACTOR)

    def curve(self, distances: Sequence[int], block: str = "h") -> dict[str, list[float | None]]:
        """Quantiles over runs of :math:`\\log_{10}` of the gradient norm at ``distances``."""
        logs = self.log_norm_h if block == "h" else self.log_norm_c
        if logs is None:
            raise InvalidArgumentError(
                f"block={block!r}: cell={self.cell!r} has no cell state c; use block='h'"
            )
        sel = logs[:, list(distances)] / _LN10
        out: dict[str, list[float | None]] = {}
        for name, q in (("q10", 10), ("median", 50), ("q90", 90)):
            with np.errstate(invalid="ignore"):  # -inf entries (exact zeros) are allowed
                values = np.percentile(sel, q, axis=0, method="lower")
            out[name] = [_json_float(v) for v in values]
        return out

    def summary(self) -> dict[str, Any]:
        """Medians and shares over runs, JSON-ready."""
        return {
            "cell": self.cell,
            "scheme": self.scheme,
            "scale": self.scale,
            "runs": int(self.rate.shape[0]),
            "rate_median": _json_float(np.median(self.rate)),
            "rate_min": _json_float(self.rate.min()),
            "rate_max": _json_float(self.rate.max()),
            "half_life_median": _json_float(np.median(self.half_life)),
            "share_exploded": float(self.exploded.mean()),
            "share_vanished": float(self.vanished.mean()),
        }


@dataclass(frozen=True)
class FlowResult:
    """All groups of one :func:`measure_flow` call, with its settings and timing."""

    settings: dict[str, Any]
    groups: tuple[FlowGroup, ...]
    skipped: tuple[tuple[str, str], ...] = ()
    seconds: float = 0.0
    kind: str = field(default="empirical")

    def group(self, cell: str, scheme: str | None = None, scale: float | None = None) -> FlowGroup:
        """The one group matching ``cell`` (and ``scheme``, ``scale`` when given)."""
        found = [g for g in self.groups if g.cell == cell
                 and (scheme is None or g.scheme == scheme) and (scale is None or g.scale == scale)]
        if len(found) != 1:
            raise InvalidArgumentError(
                f"cell={cell!r}, scheme={scheme!r}, scale={scale!r} matches {len(found)} groups; "
                "give scheme and scale to pick one of "
                f"{[(g.cell, g.scheme, g.scale) for g in self.groups]}"
            )
        return found[0]

    def distance_grid(self, points: int = 120) -> list[int]:
        """About ``points`` log-spaced distances in ``[0, T]``, with 0, 1 and ``T``."""
        T = int(self.settings["T"])
        grid = np.unique(np.round(np.geomspace(1, T, points)).astype(int))
        return [0] + [int(d) for d in grid]

    def table_distances(self) -> list[int]:
        T = int(self.settings["T"])
        return sorted({d for d in (1, 10, 100, 1000, 10000) if d <= T} | {T})

    def to_csv(self, path: str) -> None:
        """One row per run: configuration, rate, half-life, flags and log10-norms at
        distances 1, 10, 100, 1000, 10000 (those <= T) and T."""
        dists = self.table_distances()
        header = ["cell", "scheme", "scale", "run", "rate", "half_life", "exploded", "vanished"]
        header += [f"log10_norm_h_d{d}" for d in dists] + [f"log10_norm_c_d{d}" for d in dists]
        with open(path, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            for g in self.groups:
                for r in range(g.rate.shape[0]):
                    row: list[Any] = [g.cell, g.scheme, g.scale, r, repr(float(g.rate[r])),
                                      repr(float(g.half_life[r])), int(g.exploded[r]),
                                      int(g.vanished[r])]
                    row += [repr(float(g.log_norm_h[r, d] / _LN10)) for d in dists]
                    row += ([repr(float(g.log_norm_c[r, d] / _LN10)) for d in dists]
                            if g.log_norm_c is not None else [""] * len(dists))
                    writer.writerow(row)

    def to_json(self, points: int = 120) -> dict[str, Any]:
        """Settings, per-group summaries, per-run rates and median/quantile curves on a
        log-spaced distance grid. Non-finite numbers are ``null`` (``-inf``: an exact zero)."""
        grid = self.distance_grid(points)
        groups = []
        for g in self.groups:
            entry = g.summary()
            entry["rates"] = [_json_float(v) for v in g.rate]
            entry["lyapunov_median"] = [_json_float(v) for v in np.median(g.lyapunov, axis=0)]
            entry["curve_h"] = g.curve(grid, "h")
            if g.log_norm_c is not None:
                entry["curve_c"] = g.curve(grid, "c")
            groups.append(entry)
        return {
            "kind": self.kind,
            "note": "measurement at finite T over random initialisations; evidence, not proof",
            "settings": self.settings,
            "definitions": {
                "norm": "||dh_T/dh_{T-d}||_F / sqrt(n) (normalised Frobenius), estimated from "
                        "random orthonormal probes (exact when probes = n)",
                "rate": "top Lyapunov exponent of the Jacobian product, per step, natural log",
                "half_life": "ln 2 / -rate steps (null when rate >= 0)",
                "exploded": f"norm at distance T > {EXPLODE_FACTOR:g}",
                "vanished": f"norm at distance T < {VANISH_FACTOR:g}",
            },
            "distances": grid,
            "groups": groups,
            "skipped": [list(s) for s in self.skipped],
            "seconds": round(self.seconds, 3),
        }


def _check_names(label: str, values: object, allowed: Sequence[str]) -> tuple[Any, ...]:
    if isinstance(values, str) or not isinstance(values, Sequence) or len(values) == 0:
        raise InvalidArgumentError(
            f"{label}={values!r} must be a non-empty list of names from {tuple(allowed)}"
        )
    for v in values:
        if label == "cells":
            kernel(v)  # a catalog name or a Cell; raises naming the bad one
        elif v not in allowed:
            raise InvalidArgumentError(
                f"{label} contains {v!r}, which is not one of {tuple(allowed)}"
            )
    return tuple(dict.fromkeys(values))


def _cell_index(cell: str | Cell) -> int:
    """The cell's place in the catalog (seeds the weights), past it for a user cell."""
    name = kernel(cell).name
    return CELL_NAMES.index(name) if name in CELL_NAMES and kernel(name) is kernel(cell) \
        else len(CELL_NAMES)


def _check_inputs(inputs: Any, m: int, T: int, seeds: int, seed: int) -> Array:
    """Given inputs as ``(T, R, m)``: from ``(T, m)`` (one sequence) or ``(T, R, m)``; random
    N(0, 1) sequences (``seeds`` of length ``T``) when ``inputs`` is None."""
    if inputs is None:
        return np.stack([np.random.default_rng([seed, r]).standard_normal((T, m))
                         for r in range(seeds)], axis=1)
    try:
        xs = np.asarray(inputs, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InvalidArgumentError(f"inputs cannot be read as a float array: {exc}") from None
    if xs.ndim == 2:
        xs = xs[:, None, :]
    if xs.ndim != 3 or 0 in xs.shape:
        raise ShapeError(f"inputs has shape {np.shape(inputs)}; expected (T, m) or (T, R, m): "
                         f"time first, R sequences, m = {m} features, all >= 1")
    if xs.shape[2] != m:
        raise ShapeError(f"inputs has {xs.shape[2]} features per step (shape {np.shape(inputs)}); "
                         f"the model's input size is m = {m}")
    if not np.all(np.isfinite(xs)):
        raise InvalidArgumentError("inputs holds NaN or infinite values; measure on finite inputs")
    return xs


def _check_scales(scales: object) -> tuple[float, ...]:
    try:
        values = tuple(float(s) for s in cast(Iterable[Any], scales))
    except (TypeError, ValueError):
        raise InvalidArgumentError(
            f"scales={scales!r} must be a non-empty list of positive numbers, e.g. [0.5, 1, 2]"
        ) from None
    if not values or not all(math.isfinite(s) and s > 0 for s in values):
        raise InvalidArgumentError(
            f"scales={scales!r} must be a non-empty list of finite numbers > 0, e.g. [0.5, 1, 2]"
        )
    return tuple(dict.fromkeys(values))


def measure_flow(
    cells: Sequence[str | Cell] | str | Cell = HANDWRITTEN,
    schemes: Sequence[str] = ("orthogonal",),
    T: int = 1000,
    n: int = 32,
    seeds: int = 8,
    seed: int = 0,
    scales: Sequence[float] = (1.0,),
    *,
    m: int | None = None,
    probes: int | None = None,
    progress: bool = False,
    params: Mapping[str, Any] | None = None,
    inputs: Any = None,
) -> FlowResult:
    """Measure gradient flow over long sequences for every cell, scheme and scale.

    Arguments:
        cells: catalog cell names or :class:`~symrnn.cells.Cell` objects (default: the
            article's seven, :data:`symrnn.numeric.HANDWRITTEN`); with ``params``, the one
            cell those weights belong to (a name or a ``Cell``, alone or in a list).
        schemes: initialisation schemes (:data:`symrnn.numeric.SCHEMES`); ``"forget-bias-1"``
            applies to ``lstm`` only and is skipped (listed in ``skipped``) for other cells.
        T: sequence length, >= 1.
        n: hidden size, >= 1.
        seeds: runs per configuration, >= 1.
        seed: master seed, an integer >= 0; same seed, same numbers.
        scales: factors applied to every recurrent matrix ``U_*`` after initialisation.
        m: input size (default ``n``).
        probes: probe vectors per state block, ``1 <= probes <= n`` (default ``min(4, n)``);
            ``probes = n`` makes the norms exact, fewer make them an estimate (the rates are
            unaffected).
        progress: draw a progress bar on stderr when it is a terminal.
        params: a trained model's weights for the one cell in ``cells`` (names and shapes as
            :func:`symrnn.numeric.init_params` gives them); ``n`` and ``m`` are read from them,
            ``schemes`` does not apply (recorded as ``"given"``), ``scales`` still multiply
            every recurrent matrix ``U_*``.
        inputs: with ``params``, the sequences to measure along: ``(T, m)`` or ``(T, R, m)``
            (time first, ``R`` sequences, one run each; ``T`` is read from them). Default:
            ``seeds`` random sequences :math:`N(0, I_m)` of length ``T``.

    Returns:
        A :class:`FlowResult` with one :class:`FlowGroup` per (cell, scheme, scale).
    """
    if params is not None or inputs is not None:
        return _measure_given(cells, params, inputs, T, seeds, seed, scales, probes, progress)
    cells = _check_names("cells", [cells] if isinstance(cells, (str, Cell)) else cells,
                         CELL_NAMES)
    schemes = _check_names("schemes", schemes, SCHEMES)
    scales = _check_scales(scales)
    T, n, seeds = check_size("T", T), check_size("n", n), check_size("seeds", seeds)
    m = n if m is None else check_size("m", m)
    probes = min(4, n) if probes is None else check_size("probes", probes)
    if probes > n:
        raise InvalidArgumentError(f"probes={probes} must be <= n={n}; use probes={n} for exact norms")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InvalidArgumentError(f"seed={seed!r} must be an integer >= 0")
    seed = int(seed)
    skipped = tuple((c, s) for c in cells for s in schemes if s == "forget-bias-1" and c != "lstm")
    if len(skipped) == len(cells) * len(schemes):
        raise InvalidArgumentError(
            f"cells={list(cells)} with schemes={list(schemes)}: nothing to measure, the scheme "
            "forget-bias-1 applies to lstm only; add lstm to cells or another scheme")
    runs_per_cell = seeds * len(schemes) * len(scales)
    check_memory(f"measuring T={T}, n={n}, m={m} with {runs_per_cell} runs per cell",
                 8.0 * (runs_per_cell * ((T + 1) * (2 * n + 2) + 8 * n * n + 4 * n * m)
                        + T * seeds * m),
                 "use a smaller T, n or fewer seeds")

    start = time.perf_counter()
    inputs = np.stack([np.random.default_rng([seed, r]).standard_normal((T, m)) for r in range(seeds)],
                      axis=1)  # (T, seeds, m): run r sees the same inputs for every cell
    probe_rows = probe_block(n, probes, np.random.default_rng([seed, 2**31 - 1]))
    bar = Progress(2 * T * len(cells), "measuring gradient flow") if progress else None
    groups: list[FlowGroup] = []
    for ci, cell in enumerate(cells):
        k = kernel(cell)
        configs = [(s, a, r) for s in schemes if (cell, s) not in skipped for a in scales
                   for r in range(seeds)]
        if not configs:
            continue
        runs = []
        for scheme, scale, r in configs:
            rng = np.random.default_rng([seed, r, _cell_index(cell), SCHEMES.index(scheme)])
            p = init_params(cell, m, n, rng, scheme=scheme)  # type: ignore[arg-type]
            runs.append({k: v * scale if k.startswith("U") else v for k, v in p.items()})
        run_index = np.array([r for _, _, r in configs])

        def xs(t: int, run_index: Array = run_index) -> Array:
            return inputs[t - 1][run_index][:, None, :]

        offset = 2 * T * ci
        tick = (lambda done: bar.update(offset + done)) if bar is not None else None
        arrays: FlowArrays = run_flow(cell, pack(cell, runs), xs, T, n, probe_rows,
                                      len(k.state_names), tick)
        for scheme in schemes:
            for scale in scales:
                sel = np.array([i for i, (s, a, _) in enumerate(configs) if s == scheme and a == scale])
                if sel.size == 0:
                    continue
                groups.append(FlowGroup(
                    k.name, scheme, scale, arrays.log_norm_h[sel],
                    None if arrays.log_norm_c is None else arrays.log_norm_c[sel],
                    arrays.lyapunov[sel],
                ))
    if bar is not None:
        bar.close()
    settings = {"cells": [kernel(c).name for c in cells], "schemes": list(schemes),
                "scales": list(scales), "T": T,
                "n": n, "m": m, "seeds": seeds, "seed": seed, "probes": probes,
                "inputs": "x_t ~ N(0, I_m), i.i.d.; h_0 = c_0 = 0"}
    return FlowResult(settings, tuple(groups), skipped, time.perf_counter() - start)


def _measure_given(
    cells: object, params: Mapping[str, Any] | None, inputs: Any, T: int, seeds: int, seed: int,
    scales: Sequence[float], probes: int | None, progress: bool,
) -> FlowResult:
    """:func:`measure_flow` for one given model (see ``params=`` and ``inputs=`` there)."""
    if params is None:
        raise InvalidArgumentError("inputs= needs the model it feeds: pass params= too (random "
                                   "weights are measured along random inputs)")
    chosen = [cells] if isinstance(cells, (str, Cell)) else list(cells)  # type: ignore[call-overload]
    if len(chosen) != 1:
        raise InvalidArgumentError(
            f"params= holds one model's weights, but cells={cells!r} names {len(chosen)} cells; "
            "pass the model's cell alone, e.g. measure_flow('lstm', params=p)")
    cell = chosen[0]
    k = kernel(cell)
    p, m, n = check_params(cell, params)
    scales = _check_scales(scales)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InvalidArgumentError(f"seed={seed!r} must be an integer >= 0")
    seed = int(seed)
    if inputs is None:
        T, seeds = check_size("T", T), check_size("seeds", seeds)
        check_memory(f"measuring T={T}, n={n}, m={m} with {seeds} runs",
                     8.0 * seeds * ((T + 1) * (2 * n + 2) + T * m), "use a smaller T or fewer seeds")
    xs = _check_inputs(inputs, m, T, seeds, seed)
    T, runs = xs.shape[0], xs.shape[1]
    check_memory(f"measuring T={T}, n={n}, m={m} with {runs} runs",
                 8.0 * runs * (T + 1) * (2 * n + 2), "use shorter or fewer input sequences")
    probes = min(4, n) if probes is None else check_size("probes", probes)
    if probes > n:
        raise InvalidArgumentError(f"probes={probes} must be <= n={n}; use probes={n} for exact norms")

    start = time.perf_counter()
    probe_rows = probe_block(n, probes, np.random.default_rng([seed, 2**31 - 1]))
    bar = Progress(2 * T * len(scales), "measuring gradient flow") if progress else None
    groups = []
    for si, scale in enumerate(scales):
        scaled = {name: v * scale if name.startswith("U") else v for name, v in p.items()}
        offset = 2 * T * si
        tick = (lambda done: bar.update(offset + done)) if bar is not None else None
        arrays = run_flow(cell, scaled, lambda t: xs[t - 1][:, None, :], T, n, probe_rows,
                          len(k.state_names), tick)
        groups.append(FlowGroup(k.name, "given", scale, arrays.log_norm_h, arrays.log_norm_c,
                                arrays.lyapunov))
    if bar is not None:
        bar.close()
    settings = {"cells": [k.name], "schemes": ["given"], "scales": list(scales), "T": T,
                "n": n, "m": m, "seeds": runs, "seed": seed, "probes": probes,
                "weights": "given",
                "inputs": ("given: " if inputs is not None else "x_t ~ N(0, I_m), i.i.d.; ")
                + f"{runs} sequence(s) of length {T}; h_0 = c_0 = 0"}
    return FlowResult(settings, tuple(groups), (), time.perf_counter() - start)
