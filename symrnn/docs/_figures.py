r"""The report's figures, drawn for the page: mathtext labels, 7–8 pt type at the printed
size, legends outside the data, and Chinese labels in the Chinese edition.

:func:`draw_figures` measures a small gradient-flow setting (:func:`symrnn.measure_flow`)
and draws four figures as PDF and PNG; it returns, with the stems, the numbers the text
discusses (median rates, term sizes), so the discussion cites what the figures show.
It runs in a second process while the claims are checked (matplotlib is slow to import).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from typing import Any

__all__ = ["FIGURES", "FlowNumbers", "draw_figures", "FIGURE_WIDTH_IN", "FONT_PT"]

#: The figures, in the order the report shows them.
FIGURES: tuple[str, ...] = ("gradient_norms", "rates_vs_scale", "terms", "xsech2")

#: Figures are drawn at the printed width (the text width is 16.4 cm = 6.46 in), so a
#: font size here is the size on the page.
FIGURE_WIDTH_IN = 6.3
FONT_PT = 8.0

_CJK_FONT = "Noto Sans CJK SC"
_CJK_FILES = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",)

_LABELS = {
    "en": {"distance": "distance $d$ (steps)", "scale": "recurrent weight scale",
           "rate": r"per-step rate $\lambda$", "size": r"$\log_{10}$ of the term's size",
           "count": "count", "scheme": "initialisation", "at_scale": "scale",
           "terms": "main term first", "max": "certified maximum",
           "article": "article's 0.45"},
    "zh": {"distance": "距离 d（步）", "scale": "循环权重尺度",
           "rate": "每步速率 λ", "size": "项的大小（log10）",
           "count": "次数", "scheme": "初始化", "at_scale": "尺度",
           "terms": "第一项为主项", "max": "认证的最大值", "article": "原文的 0.45"},
}


@dataclass(frozen=True)
class FlowNumbers:
    """What the figures show, as numbers for the text."""

    settings: dict[str, Any]
    scale: float
    rates: dict[str, float]                       # cell -> median rate at ``scale``
    rates_by_scale: dict[str, dict[float, float]]  # cell -> scale -> median rate
    term_medians: dict[str, dict[str, float]] = field(default_factory=dict)
    term_settings: dict[str, Any] = field(default_factory=dict)


def _setup(lang: str) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    if lang == "zh":
        for path in _CJK_FILES:
            if os.path.exists(path):
                font_manager.fontManager.addfont(path)
    plt.rcParams.update({
        "font.family": ["DejaVu Sans", _CJK_FONT] if lang == "zh" else ["DejaVu Sans"],
        "font.size": FONT_PT, "axes.titlesize": FONT_PT, "axes.labelsize": FONT_PT,
        "xtick.labelsize": FONT_PT - 0.5, "ytick.labelsize": FONT_PT - 0.5,
        "legend.fontsize": FONT_PT - 0.5, "mathtext.fontset": "dejavusans",
        "axes.unicode_minus": True, "pdf.fonttype": 3, "figure.dpi": 120,
    })
    return plt


def _save(plt: Any, fig: Any, out_dir: str, stem: str) -> None:
    os.makedirs(out_dir, exist_ok=True)
    for ext in ("pdf", "png"):
        fig.savefig(os.path.join(out_dir, f"{stem}.{ext}"), dpi=150,
                    metadata={"CreationDate": None} if ext == "pdf" else None)
    plt.close(fig)


def _cell_label(name: str) -> str:
    return name.replace("_", " ")


def _gradient_norms(plt: Any, result: Any, out_dir: str, scale: float, words: dict) -> None:
    import numpy as np

    grid = result.distance_grid()
    fig, ax = plt.subplots(figsize=(FIGURE_WIDTH_IN, 3.6), layout="constrained")
    scheme = result.settings["schemes"][0]
    for g in result.groups:
        if g.scheme != scheme or g.scale != scale:
            continue
        c = g.curve(grid, "h")
        med = np.array([-np.inf if v is None else v for v in c["median"]])
        lo = np.array([-np.inf if v is None else v for v in c["q10"]])
        hi = np.array([-np.inf if v is None else v for v in c["q90"]])
        (line,) = ax.plot(grid, med, lw=1.1, label=_cell_label(g.cell))
        ax.fill_between(grid, lo, hi, color=line.get_color(), alpha=0.12, lw=0)
    ax.set_xlabel(words["distance"])
    ax.set_ylabel(r"$\log_{10}\,\Vert\partial h_T/\partial h_{T-d}\Vert_F/\sqrt{n}$")
    ax.grid(alpha=0.3)
    ax.set_ylim(bottom=max(ax.get_ylim()[0], -40))
    fig.legend(loc="outside right center", ncols=1, frameon=False)
    _save(plt, fig, out_dir, "gradient_norms")


def _rates_vs_scale(plt: Any, result: Any, out_dir: str, words: dict) -> None:
    import numpy as np

    fig, ax = plt.subplots(figsize=(FIGURE_WIDTH_IN, 3.4), layout="constrained")
    scheme = result.settings["schemes"][0]
    for cell in result.settings["cells"]:
        gs = [g for g in result.groups if g.cell == cell and g.scheme == scheme]
        if not gs:
            continue
        xs = [g.scale for g in gs]
        (line,) = ax.plot(xs, [float(np.median(g.rate)) for g in gs], marker="o", ms=3,
                          lw=1.1, label=_cell_label(cell))
        ax.fill_between(xs, [float(np.min(g.rate)) for g in gs],
                        [float(np.max(g.rate)) for g in gs], color=line.get_color(),
                        alpha=0.10, lw=0)
    ax.axhline(0.0, color="k", lw=0.8)
    ax.set_xscale("log", base=2)
    ax.set_xlabel(words["scale"])
    ax.set_ylabel(words["rate"])
    ax.grid(alpha=0.3)
    fig.legend(loc="outside right center", ncols=1, frameon=False)
    _save(plt, fig, out_dir, "rates_vs_scale")


def _term_label(label: str) -> str:
    from ._mathtext import mathify

    tex = mathify(label).replace(r"\operatorname{diag}", r"\mathrm{diag}")
    return tex.replace(r"\left", "").replace(r"\right", "")


def _terms(plt: Any, out_dir: str, words: dict, settings: dict) -> dict[str, dict[str, float]]:
    import numpy as np

    from ..flow._terms import term_sizes

    schemes = settings["schemes"]
    medians: dict[str, dict[str, float]] = {}
    fig, axes = plt.subplots(2, len(schemes), figsize=(FIGURE_WIDTH_IN, 5.0),
                             layout="constrained", squeeze=False)
    for row, cell in enumerate(("lstm", "gru")):
        for col, scheme in enumerate(schemes):
            ax = axes[row][col]
            sizes = term_sizes(cell, scheme, n=settings["n"], T=settings["T"],
                               seeds=settings["seeds"], seed=settings["seed"])
            for label, v in sizes.items():
                v = v[v > 0]
                logs = np.log10(v)
                if scheme == schemes[0]:
                    medians.setdefault(cell, {})[label] = float(np.median(logs))
                # mathtext cannot set CJK: labels are formulas only, the roles in the title
                ax.hist(logs, bins=40, alpha=0.5, label=_term_label(label))
            eq = "(8)" if cell == "lstm" else "(13)"
            ax.set_title(f"{cell.upper()} {eq}, {scheme}")
            ax.set_xlabel(words["size"])
            if col == 0:
                ax.set_ylabel(words["count"])
            ax.legend(loc="upper left", fontsize=FONT_PT - 1, framealpha=0.85,
                      title=words["terms"], title_fontsize=FONT_PT - 1)
            ax.set_ylim(top=ax.get_ylim()[1] * 1.7)  # room for the legend above the bars
    _save(plt, fig, out_dir, "terms")
    return medians


def _xsech2(plt: Any, out_dir: str, words: dict) -> None:
    import numpy as np

    from ..bounds import xsech2_supremum

    sup = xsech2_supremum()
    value = float(sup.value.mid())
    c_star = float(sup.maximiser.mid()) if sup.maximiser is not None else float("nan")
    c = np.linspace(-5, 5, 2001)
    fig, ax = plt.subplots(figsize=(FIGURE_WIDTH_IN, 3.0), layout="constrained")
    ax.plot(c, (1 - np.tanh(c) ** 2) * c, lw=1.2, label=r"$(1-\tanh^2 c)\,c$")
    ax.axhline(0.45, color="gray", ls=":", lw=1.0, label=words["article"])
    for sign in (1, -1):
        ax.axhline(sign * value, color="C3", ls="--", lw=0.8)
        ax.plot([sign * c_star], [sign * value], "o", ms=3.5, color="C3")
    ax.plot([], [], "o--", ms=3.5, lw=0.8, color="C3",
            label=f"{words['max']} ±g*, g* ≈ {value:.6f}")
    ax.set_xlabel("$c$")
    ax.set_ylim(-0.6, 0.6)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", framealpha=0.9)
    _save(plt, fig, out_dir, "xsech2")


def draw_figures(out_dir: str, lang: str, settings: dict[str, Any]) -> FlowNumbers:
    """Measure ``settings`` (``T``, ``n``, ``seeds``, ``seed``, ``scales``) and draw every
    figure of :data:`FIGURES` into ``out_dir``; return the numbers the text cites."""
    import numpy as np

    from ..flow import measure_flow

    plt = _setup(lang)
    words = _LABELS[lang]
    result = measure_flow(T=settings["T"], n=settings["n"], seeds=settings["seeds"],
                          seed=settings["seed"], scales=settings["scales"])
    scales = result.settings["scales"]
    scale = 1.0 if 1.0 in scales else scales[0]
    _gradient_norms(plt, result, out_dir, scale, words)
    _rates_vs_scale(plt, result, out_dir, words)
    term_settings = {"schemes": ("glorot", "orthogonal"), "n": settings["n"], "T": 200,
                     "seeds": settings["seeds"], "seed": settings["seed"]}
    medians = _terms(plt, out_dir, words, term_settings)
    _xsech2(plt, out_dir, words)
    rates: dict[str, float] = {}
    by_scale: dict[str, dict[float, float]] = {}
    for g in result.groups:
        med = float(np.median(g.rate))
        if not math.isfinite(med):
            continue
        by_scale.setdefault(g.cell, {})[g.scale] = med
        if g.scale == scale:
            rates[g.cell] = med
    return FlowNumbers(dict(result.settings), scale, rates, by_scale, medians, term_settings)
