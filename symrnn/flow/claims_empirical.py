"""Measured evidence for four claims, shown next to the formal verdict, never in its place.

:data:`EMPIRICAL` maps a claim id to a function returning a JSON-serialisable dict
``{"kind": "empirical", "claim": id, "question": ..., "settings": ..., "measured": ...,
"summary": ...}``. Settings are small (the whole set runs in a few seconds) and seeded: the
same call gives the same numbers. A measurement at finite T over a few random
initialisations illustrates a claim; it cannot prove or refute a statement about all
parameters, so nothing here returns a verdict.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from ..numeric import bptt, init_params, unroll
from ._experiment import measure_flow

__all__ = ["EMPIRICAL"]

SEED = 0


def _r(v: float) -> float | None:
    return round(float(v), 6) if math.isfinite(float(v)) else None


def _wrap(claim: str, question: str, body: Callable[[], tuple[dict, dict, str]]) -> dict[str, Any]:
    start = time.perf_counter()
    settings, measured, summary = body()
    return {"kind": "empirical", "claim": claim, "question": question, "settings": settings,
            "measured": measured, "summary": summary,
            "seconds": round(time.perf_counter() - start, 3)}


def vanish_explode() -> dict[str, Any]:
    """Simple RNN at recurrent scales 0.5–4: geometric decay or growth of the gradient norm."""

    def body() -> tuple[dict, dict, str]:
        scales = (0.5, 1.0, 2.0, 4.0)
        res = measure_flow(["rnn"], ["orthogonal"], T=500, n=16, seeds=4, seed=SEED, scales=scales)
        rows = []
        for g in res.groups:
            rows.append({"scale": g.scale, "rate_median": _r(np.median(g.rate)),
                         "factor_per_step": _r(math.exp(np.median(g.rate))),
                         "share_vanished": float(g.vanished.mean()),
                         "share_exploded": float(g.exploded.mean())})
        lo, hi = rows[0], rows[-1]
        summary = (f"rnn, orthogonal U times scale: at scale {lo['scale']:g} the gradient norm "
                   f"shrinks by ~{lo['factor_per_step']:.3g} per step ({lo['share_vanished']:.0%} "
                   f"of runs vanish over T=500); at scale {hi['scale']:g} it changes by "
                   f"~{hi['factor_per_step']:.3g} per step ({hi['share_exploded']:.0%} explode). "
                   "Geometric in the distance, as the article says.")
        return res.settings, {"by_scale": rows}, summary

    return _wrap("vanish-explode", "does the gradient norm decay or grow geometrically with "
                 "distance when the one-step Jacobians are below or above 1?", body)


def lstm_long_sequences() -> dict[str, Any]:
    """LSTM over 2,000 steps, with and without forget bias 1: the c-path still decays."""

    def body() -> tuple[dict, dict, str]:
        T = 2000
        res = measure_flow(["lstm"], ["orthogonal", "forget-bias-1"], T=T, n=16, seeds=4,
                           seed=SEED)
        rows: list[dict[str, Any]] = []
        for g in res.groups:
            c = g.log_norm_c
            rows.append({
                "scheme": g.scheme, "rate_median": _r(np.median(g.rate)),
                "half_life_median": _r(np.median(g.half_life)),
                "log10_norm_c_median": {str(d): _r(np.median(c[:, d]) / math.log(10))  # type: ignore[index]
                                        for d in (10, 100, 1000, T)},
                "share_vanished": float(g.vanished.mean()),
            })
        fb = rows[-1]
        c_med = fb["log10_norm_c_median"]
        summary = (f"lstm with forget bias 1: ||dc_T/dc_(T-d)|| has median log10 "
                   f"{c_med['1000']:.1f} at d=1000 and {c_med[str(T)]:.1f} at d={T}; half-life "
                   f"~{fb['half_life_median']:.3g} steps; {fb['share_vanished']:.0%} of runs vanish "
                   f"over {T} steps. The gradient still vanishes over thousands of steps.")
        return res.settings, {"by_scheme": rows}, summary

    return _wrap("lstm-long-sequences", "does the LSTM's gradient still vanish over thousands "
                 "of steps at typical initialisations?", body)


def gru_less_stable() -> dict[str, Any]:
    """GRU, LSTM, MGU and the variant at the same recurrent scales 0.5–4."""

    def body() -> tuple[dict, dict, str]:
        cells, scales = ("gru", "lstm", "mgu", "variant"), (0.5, 1.0, 2.0, 4.0)
        res = measure_flow(list(cells), ["orthogonal"], T=300, n=16, seeds=4, seed=SEED,
                           scales=scales)
        table: dict[str, list[dict]] = {c: [] for c in cells}
        for g in res.groups:
            table[g.cell].append({"scale": g.scale, "rate_median": _r(np.median(g.rate)),
                                  "rate_spread": _r(np.max(g.rate) - np.min(g.rate)),
                                  "share_exploded": float(g.exploded.mean())})
        gru_above = [float(np.median(res.group("gru", scale=a).rate))
                     > float(np.median(res.group("lstm", scale=a).rate)) for a in scales]
        slopes = {c: _r((table[c][-1]["rate_median"] - table[c][0]["rate_median"])  # type: ignore[operator]
                        / math.log2(scales[-1] / scales[0])) for c in cells}
        summary = (f"GRU's median rate is above the LSTM's at {sum(gru_above)} of {len(scales)} "
                   f"scales; rate change per doubling of the scale: "
                   + ", ".join(f"{c} {slopes[c]}" for c in cells)
                   + f"; exploding runs at scale {scales[-1]:g}: "
                   + ", ".join(f"{c} {table[c][-1]['share_exploded']:.0%}" for c in cells) + ".")
        measured = {"by_cell": table, "gru_rate_above_lstm": dict(zip(map(str, scales), gru_above)),
                    "rate_change_per_doubling": slopes}
        return res.settings, measured, summary

    return _wrap("gru-less-stable", "at equal recurrent weight scales, is the GRU's gradient "
                 "flow less stable (closer to or beyond explosion, more scale-dependent) than "
                 "the LSTM's, MGU's and the variant's?", body)


def vanish_meaning() -> dict[str, Any]:
    """Total gradient vs the part contributed by distant steps (full minus truncated BPTT)."""

    def body() -> tuple[dict, dict, str]:
        cell, n, T, seeds, distances = "rnn", 16, 200, 4, (5, 10, 20, 50)
        totals: list[float] = []
        shares: dict[int, list[float]] = {d: [] for d in distances}
        for r in range(seeds):
            rng = np.random.default_rng([SEED, r, 99])
            p = init_params(cell, n, n, rng, scheme="glorot")
            xs = rng.standard_normal((T, n))
            hs = unroll(cell, p, xs, np.zeros(n))
            full = np.concatenate([g.ravel() for g in bptt(cell, p, xs, np.zeros(n)).grad_params.values()])
            totals.append(float(np.linalg.norm(full)))
            for d in distances:  # truncated BPTT: the last d steps only, h_{T-d} held fixed
                trunc = bptt(cell, p, xs[T - d:], hs[T - d]).grad_params
                near = np.concatenate([g.ravel() for g in trunc.values()])
                shares[d].append(float(np.linalg.norm(full - near) / np.linalg.norm(full)))
        flow = measure_flow([cell], ["glorot"], T=T, n=n, seeds=seeds, seed=SEED)
        g = flow.groups[0]
        measured = {
            "total_gradient_norm": [_r(v) for v in totals],
            "share_from_steps_farther_than_d": {str(d): _r(max(v)) for d, v in shares.items()},
            "log10_norm_h_median": {str(d): _r(np.median(g.log_norm_h[:, d]) / math.log(10))
                                    for d in distances},
        }
        summary = (f"rnn (glorot, n={n}, T={T}): the total parameter gradient has norm "
                   f"{min(totals):.3g}–{max(totals):.3g} (not 0), while the steps farther than "
                   f"{distances[-1]} contribute at most {max(shares[distances[-1]]):.2g} of it "
                   f"(farther than {distances[0]}: {max(shares[distances[0]]):.2g}). Vanishing "
                   "removes the distant terms, not the gradient.")
        settings = {"cell": cell, "scheme": "glorot", "n": n, "T": T, "seeds": seeds, "seed": SEED,
                    "loss": "sum of h_T", "distances": list(distances),
                    "method": "||full BPTT - BPTT truncated to the last d steps|| / ||full||"}
        return settings, measured, summary

    return _wrap("vanish-meaning", "when the gradient vanishes, is the total gradient 0, or do "
                 "only the distant steps stop contributing?", body)


EMPIRICAL: dict[str, Callable[[], dict[str, Any]]] = {
    "vanish-explode": vanish_explode,
    "lstm-long-sequences": lstm_long_sequences,
    "gru-less-stable": gru_less_stable,
    "vanish-meaning": vanish_meaning,
}
