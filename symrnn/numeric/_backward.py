r"""The hand-written backward pass of the article's cells (the adjoint of eq2/eq3, one step).

Each ``backward_<cell>`` maps the cotangent of the new state to that of the previous state,
and returns the cotangent ``da`` of each pre-activation with the vector it multiplied; a
matrix's gradient is then :math:`\sum_t da_t^\top v_t`, computed in one product per parameter
after the sweep (:func:`symrnn.numeric.bptt`). Each local derivative sits beside the forward
rule it differentiates (see :mod:`._cells` for the forward equations).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Optional

import numpy as np
from numpy.typing import NDArray

from ._cells import Cache, State

__all__ = ["BACKWARD"]

Array = NDArray[np.float64]
Params = Mapping[str, Array]
# (parameter name, pre-activation cotangent da, operand v or None for a bias)
Term = tuple[str, Array, Optional[Array]]
Backward = Callable[[Params, Array, State, Cache, State], tuple[State, list[Term]]]


def _gate_terms(gate: str, da: Array, x: Array, v: Array, bias: str | None = None) -> list[Term]:
    """W_* gets da ⊗ x, U_* gets da ⊗ v, b_* gets da."""
    s = f"_{gate}" if gate else ""
    return [("W" + s, da, x), ("U" + s, da, v), (bias or "b" + s, da, None)]


def backward_rnn(p: Params, x: Array, prev: State, cache: Cache, d: State) -> tuple[State, list[Term]]:
    (h_prev,), (dh,), h = prev, d, cache["h"]
    da = dh * (1 - h**2)  # (tanh a)' = 1 - tanh^2 a   (4c)
    return (da @ p["U"],), _gate_terms("", da, x, h_prev)


def backward_relu_rnn(
    p: Params, x: Array, prev: State, cache: Cache, d: State
) -> tuple[State, list[Term]]:
    (h_prev,), (dh,) = prev, d
    da = dh * np.heaviside(cache["a"], 0.5)  # relu' = θ, with θ(0) = 1/2 as in SymPy
    return (da @ p["U"],), _gate_terms("", da, x, h_prev)


def backward_lstm(p: Params, x: Array, prev: State, cache: Cache, d: State) -> tuple[State, list[Term]]:
    (h_prev, c_prev), (dh, dc) = prev, d
    f, i, o, c_hat, tanh_c = (cache[k] for k in ("f", "i", "o", "c_hat", "tanh_c"))
    dc = dc + dh * o * (1 - tanh_c**2)  # h = o ∘ tanh c
    da_o = dh * tanh_c * o * (1 - o)  # σ' = σ(1 - σ)   (4d)
    da_f = dc * c_prev * f * (1 - f)  # c = f ∘ c_prev + i ∘ c_hat
    da_i = dc * c_hat * i * (1 - i)
    da_c = dc * i * (1 - c_hat**2)
    dh_prev = da_f @ p["U_f"] + da_i @ p["U_i"] + da_o @ p["U_o"] + da_c @ p["U_c"]
    terms = [t for g, da in zip("fioc", (da_f, da_i, da_o, da_c)) for t in _gate_terms(g, da, x, h_prev)]
    return (dh_prev, dc * f), terms


def backward_gru(p: Params, x: Array, prev: State, cache: Cache, d: State) -> tuple[State, list[Term]]:
    (h_prev,), (dh,) = prev, d
    z, r, h_hat = cache["z"], cache["r"], cache["h_hat"]
    da_z = dh * (h_hat - h_prev) * z * (1 - z)  # h = (1 - z) ∘ h_prev + z ∘ h_hat
    da_h = dh * z * (1 - h_hat**2)
    d_rh = da_h @ p["U_h"]  # h_hat = tanh(W_h x + U_h (r ∘ h_prev) + b_h)
    da_r = d_rh * h_prev * r * (1 - r)
    dh_prev = dh * (1 - z) + d_rh * r + da_z @ p["U_z"] + da_r @ p["U_r"]
    terms = _gate_terms("z", da_z, x, h_prev) + _gate_terms("r", da_r, x, h_prev)
    return (dh_prev,), terms + _gate_terms("h", da_h, x, cache["r_h"])


def backward_mgu(p: Params, x: Array, prev: State, cache: Cache, d: State) -> tuple[State, list[Term]]:
    (h_prev,), (dh,) = prev, d
    r, h_hat = cache["r"], cache["h_hat"]
    da_h = dh * r * (1 - h_hat**2)  # h = (1 - r) ∘ h_prev + r ∘ h_hat
    d_rh = da_h @ p["U_h"]
    da_r = (dh * (h_hat - h_prev) + d_rh * h_prev) * r * (1 - r)  # r enters twice
    dh_prev = dh * (1 - r) + d_rh * r + da_r @ p["U_r"]
    return (dh_prev,), _gate_terms("r", da_r, x, h_prev) + _gate_terms("h", da_h, x, cache["r_h"])


def backward_variant(
    p: Params, x: Array, prev: State, cache: Cache, d: State
) -> tuple[State, list[Term]]:
    (h_prev, c_prev), (dh, dc) = prev, d
    z, r, c_hat, c = cache["z"], cache["r"], cache["c_hat"], cache["c"]
    dc = dc + dh * r  # h = r ∘ c
    da_r = dh * c * r * (1 - r)
    da_z = dc * (c_hat - c_prev) * z * (1 - z)  # c = (1 - z) ∘ c_prev + z ∘ c_hat
    da_h = dc * z * (1 - c_hat**2)
    dh_prev = da_z @ p["U_z"] + da_r @ p["U_r"] + da_h @ p["U_h"]
    terms = _gate_terms("z", da_z, x, h_prev) + _gate_terms("r", da_r, x, h_prev)
    return (dh_prev, dc * (1 - z)), terms + _gate_terms("h", da_h, x, h_prev, bias="b_c")


def backward_gru_torch(
    p: Params, x: Array, prev: State, cache: Cache, d: State
) -> tuple[State, list[Term]]:
    (h_prev,), (dh,) = prev, d
    z, r, u, n = cache["z"], cache["r"], cache["u"], cache["n"]
    da_n = dh * (1 - z) * (1 - n**2)  # h = (1 - z) ∘ n + z ∘ h_prev
    da_z = dh * (h_prev - n) * z * (1 - z)
    da_r = da_n * u * r * (1 - r)  # n = tanh(W_h x + b_h + r ∘ u)
    du = da_n * r  # u = U_h h_prev + bu_h
    dh_prev = dh * z + du @ p["U_h"] + da_z @ p["U_z"] + da_r @ p["U_r"]
    terms = _gate_terms("z", da_z, x, h_prev) + _gate_terms("r", da_r, x, h_prev)
    terms += [("W_h", da_n, x), ("b_h", da_n, None), ("U_h", du, h_prev), ("bu_h", du, None)]
    return (dh_prev,), terms


BACKWARD: dict[str, Backward] = {
    "rnn": backward_rnn,
    "relu_rnn": backward_relu_rnn,
    "lstm": backward_lstm,
    "gru": backward_gru,
    "mgu": backward_mgu,
    "variant": backward_variant,
    "gru_torch": backward_gru_torch,
}
