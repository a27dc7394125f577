"""Figures of the flow measurements (matplotlib, Agg backend), each saved as PNG and PDF.

* :func:`plot_gradient_norms`: median log10 gradient norm against distance, every cell on one
  axes per scheme, with the 10–90 % band over seeds.
* :func:`plot_rates_vs_scale`: the per-step rate of every cell against the recurrent-weight
  scale (the measured side of ``gru-less-stable``).
* :func:`plot_terms`: the distribution of the main term against each secondary term of eq8
  (LSTM) and eq13 (GRU) at typical initialisations.
* :func:`plot_xsech2`: the curve :math:`(1-\\tanh^2 c)c` with its certified maximum
  (:func:`symrnn.bounds.xsech2_supremum`) and the article's 0.45.

Every figure is titled as a measurement where it is one. Each function returns the paths it
wrote.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from ._experiment import FlowResult  # noqa: E402
from ._terms import term_sizes  # noqa: E402

__all__ = ["plot_gradient_norms", "plot_rates_vs_scale", "plot_terms", "plot_xsech2", "plot_all"]


def _save(fig: plt.Figure, out_dir: str, stem: str) -> list[str]:
    os.makedirs(out_dir, exist_ok=True)
    paths = []
    for ext in ("png", "pdf"):
        path = os.path.join(out_dir, f"{stem}.{ext}")
        fig.savefig(path, dpi=120, bbox_inches="tight", metadata={"CreationDate": None} if ext == "pdf" else None)
        paths.append(path)
    plt.close(fig)
    return paths


def _floor(values: list[float | None]) -> np.ndarray:
    """``None`` (an exact zero) drawn at -inf, i.e. off the axes."""
    return np.array([-np.inf if v is None else v for v in values])


def plot_gradient_norms(result: FlowResult, out_dir: str, scale: float | None = None) -> list[str]:
    """log10 ‖∂h_T/∂h_{T-d}‖ (normalised Frobenius) against distance d, one line per cell.

    The distance axis is linear, so a constant per-step rate is a straight line.
    """
    scales = result.settings["scales"]
    scale = scale if scale is not None else (1.0 if 1.0 in scales else scales[0])
    schemes = result.settings["schemes"]
    grid = result.distance_grid()
    fig, axes = plt.subplots(1, len(schemes), figsize=(6.5 * len(schemes), 4.5), squeeze=False)
    for ax, scheme in zip(axes[0], schemes):
        for g in result.groups:
            if g.scheme != scheme or g.scale != scale:
                continue
            c = g.curve(grid, "h")
            (line,) = ax.plot(grid, _floor(c["median"]), label=f"{g.cell} (rate {np.median(g.rate):.3g})")
            ax.fill_between(grid, _floor(c["q10"]), _floor(c["q90"]), color=line.get_color(), alpha=0.15)
        ax.set_xlabel("distance d = T - k (steps)")
        ax.set_ylabel("log10 ||dh_T/dh_k||_F / sqrt(n)")
        ax.set_title(f"measured: scheme {scheme}, U scale {scale:g}")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    s = result.settings
    fig.suptitle(f"Empirical gradient norms (T={s['T']}, n={s['n']}, {s['seeds']} seeds, seed {s['seed']}); "
                 "median and 10-90% band", fontsize=10)
    return _save(fig, out_dir, "gradient_norms")


def plot_rates_vs_scale(result: FlowResult, out_dir: str) -> list[str]:
    """Median per-step rate (top Lyapunov exponent) against the recurrent-weight scale."""
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    for scheme in result.settings["schemes"]:
        for cell in result.settings["cells"]:
            gs = [g for g in result.groups if g.cell == cell and g.scheme == scheme]
            if not gs:
                continue
            xs = [g.scale for g in gs]
            med = [float(np.median(g.rate)) for g in gs]
            lo = [float(np.min(g.rate)) for g in gs]
            hi = [float(np.max(g.rate)) for g in gs]
            (line,) = ax.plot(xs, med, marker="o", label=f"{cell} ({scheme})")
            ax.fill_between(xs, lo, hi, color=line.get_color(), alpha=0.12)
    ax.axhline(0.0, color="k", lw=0.8)
    ax.set_xscale("log", base=2)
    ax.set_xlabel("recurrent weight scale (U_* multiplied by)")
    ax.set_ylabel("per-step rate (top Lyapunov exponent)")
    ax.set_title("measured: > 0 explodes, < 0 vanishes (min-max band over seeds)", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7)
    return _save(fig, out_dir, "rates_vs_scale")


def plot_terms(out_dir: str, schemes: Sequence[str] = ("glorot", "orthogonal"), n: int = 32,
               T: int = 200, seeds: int = 4, seed: int = 0) -> list[str]:
    """Histograms of log10 term size, main vs each secondary term, eq8 (LSTM) and eq13 (GRU)."""
    fig, axes = plt.subplots(2, len(schemes), figsize=(6 * len(schemes), 8), squeeze=False)
    for row, (cell, eq) in enumerate((("lstm", "eq8, dc_t/dc_{t-1}"), ("gru", "eq13, dh_t/dh_{t-1}"))):
        for col, scheme in enumerate(schemes):
            ax = axes[row][col]
            sizes = term_sizes(cell, scheme, n=n, T=T, seeds=seeds, seed=seed)
            for k, (label, v) in enumerate(sizes.items()):
                v = v[v > 0]
                role = "main" if k == 0 else "secondary"
                ax.hist(np.log10(v), bins=50, alpha=0.5, label=f"{role}: {label}")
            ax.set_title(f"measured: {cell} ({eq}), {scheme}", fontsize=10)
            ax.set_xlabel("log10 ||term||_F / sqrt(n)")
            ax.legend(fontsize=7)
    fig.suptitle(f"Empirical term sizes along trajectories (n={n}, T={T}, {seeds} seeds, seed {seed})",
                 fontsize=10)
    return _save(fig, out_dir, "terms")


def plot_xsech2(out_dir: str) -> list[str]:
    """(1 - tanh^2 c) c on [-5, 5], its certified maximum at ±c*, and the article's 0.45."""
    from ..bounds import xsech2_supremum

    sup = xsech2_supremum()
    value = float(sup.value.mid())
    c_star = float(sup.maximiser.mid()) if sup.maximiser is not None else float("nan")
    c = np.linspace(-5, 5, 2001)
    fig, ax = plt.subplots(figsize=(6.5, 4))
    ax.plot(c, (1 - np.tanh(c) ** 2) * c, label="(1 - tanh^2 c) c")
    ax.axhline(0.45, color="gray", ls=":", label="article's bound 0.45")
    for sign in (1, -1):
        ax.axhline(sign * value, color="C3", ls="--", lw=0.8)
        ax.plot([sign * c_star], [sign * value], "o", color="C3")
    ax.annotate(f"certified max {value:.10f}\nat c* = {c_star:.10f}", (c_star, value),
                xytext=(1.6, 0.3), arrowprops={"arrowstyle": "->"}, fontsize=8)
    ax.set_xlabel("c")
    ax.set_title("sup |(1 - tanh^2 c) c| (Arb-certified, symrnn.bounds)", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")
    return _save(fig, out_dir, "xsech2")


def plot_all(result: FlowResult, out_dir: str, seed: int = 0) -> list[str]:
    """Every figure; the rate-vs-scale one only when more than one scale was measured. For a
    given model (``measure_flow(params=...)``) only the figures of its measurement: the term
    and xsech2 figures describe random initialisations, not the model."""
    paths = plot_gradient_norms(result, out_dir)
    if len(result.settings["scales"]) > 1:
        paths += plot_rates_vs_scale(result, out_dir)
    if result.settings.get("weights") == "given":
        return paths
    paths += plot_terms(out_dir, seed=seed)
    paths += plot_xsech2(out_dir)
    return paths
