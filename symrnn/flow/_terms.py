r"""The main and secondary terms of eq8 (LSTM) and eq13 (GRU), measured along trajectories.

Each term of the article's 1-D derivative is, in n dimensions, a matrix; the values here are
computed directly in numpy from the gates of the hand-written cells
(:func:`symrnn.numeric.kernel`, not lambdified from SymPy), in the article's order and with the labels of :func:`symrnn.derivation.
article_derivative` (a test checks, at n = 1, each matrix against the SymPy term):

LSTM, :math:`\partial c_t/\partial c_{t-1}` with :math:`h_{t-1} = o_{t-1}\tanh c_{t-1}`, writing
:math:`g = o_{t-1}(1 - \tanh^2 c_{t-1})`:

.. math::

    \mathrm{diag}(f_t)
    + \mathrm{diag}(c_{t-1} f_t(1-f_t))\,U_f\,\mathrm{diag}(g)
    + \mathrm{diag}(\hat c_t i_t(1-i_t))\,U_i\,\mathrm{diag}(g)
    + \mathrm{diag}(i_t(1-\hat c_t^2))\,U_c\,\mathrm{diag}(g)   \quad\text{(eq8–eq10b)}

GRU, :math:`\partial h_t/\partial h_{t-1}` (eq13):

.. math::

    \mathrm{diag}(1-z_t) + \mathrm{diag}(\hat h_t z_t(1-z_t))\,U_z
    - \mathrm{diag}(h_{t-1} z_t(1-z_t))\,U_z
    + \mathrm{diag}(z_t(1-\hat h_t^2))\,U_h\,(\mathrm{diag}(r_t)
      + \mathrm{diag}(h_{t-1} r_t(1-r_t))\,U_r)

A term's size is its normalised Frobenius norm :math:`\|A\|_F/\sqrt n` (for n = 1, :math:`|A|`),
the same measure as the gradient norms of :mod:`._lyapunov`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import cast

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError
from ..numeric import init_params, kernel, unroll

__all__ = ["TERM_CELLS", "term_matrices", "term_labels", "term_sizes"]

Array = NDArray[np.float64]
TERM_CELLS = ("lstm", "gru")


def term_labels(cell: str) -> tuple[str, ...]:
    """The article's term labels (main first), from :func:`symrnn.derivation.article_derivative`."""
    from ..derivation import article_derivative

    return tuple(t.label for t in article_derivative(_check_term_cell(cell)).terms)


def _check_term_cell(cell: str) -> str:
    if cell not in TERM_CELLS:
        raise InvalidArgumentError(
            f"cell={cell!r} has no term split measured here; use one of {TERM_CELLS} "
            "(eq8 for the LSTM, eq13 for the GRU)"
        )
    return cell


def _sandwich(left: Array, u: Array, right: Array | None = None) -> Array:
    """``diag(left) U [diag(right)]`` for a batch: ``(B, n), (n, n), (B, n) -> (B, n, n)``."""
    out = left[:, :, None] * u[None, :, :]
    return out if right is None else out * right[:, None, :]


def term_matrices(
    cell: str, params: Mapping[str, Array], x: Array, state: tuple[Array, ...],
    o_prev: Array | None = None,
) -> list[Array]:
    """Every term of eq8 (``lstm``) or eq13 (``gru``) at a batch of points, main term first.

    Arguments:
        cell: ``"lstm"`` or ``"gru"``.
        params: one parameter set (:func:`symrnn.numeric.init_params`).
        x: inputs ``(B, m)``.
        state: the previous state: ``(h, c)`` for the LSTM, ``(h,)`` for the GRU, each ``(B, n)``.
        o_prev: the LSTM's previous output gate :math:`o_{t-1}`, ``(B, n)`` (LSTM only).

    Returns:
        One ``(B, n, n)`` array per term, in the order of :func:`term_labels`.
    """
    _, cache = kernel(_check_term_cell(cell)).forward(params, x, state)
    if cell == "lstm":
        if o_prev is None:
            raise InvalidArgumentError("o_prev is required for cell='lstm' (h_{t-1} = o_{t-1} tanh c_{t-1})")
        c_prev = state[1]
        f, i, c_hat = cache["f"], cache["i"], cache["c_hat"]
        g = o_prev * (1 - np.tanh(c_prev) ** 2)  # ∂h_{t-1}/∂c_{t-1}
        return [
            np.einsum("bi,ij->bij", f, np.eye(f.shape[1])),
            _sandwich(c_prev * f * (1 - f), params["U_f"], g),  # eq9
            _sandwich(c_hat * i * (1 - i), params["U_i"], g),  # eq10a
            _sandwich(i * (1 - c_hat**2), params["U_c"], g),  # eq10b
        ]
    h_prev = state[0]
    z, r, h_hat = cache["z"], cache["r"], cache["h_hat"]
    eye = np.eye(z.shape[1])
    inner = np.einsum("bi,ij->bij", r, eye) + _sandwich(h_prev * r * (1 - r), params["U_r"])
    return [
        np.einsum("bi,ij->bij", 1 - z, eye),
        _sandwich(h_hat * z * (1 - z), params["U_z"]),
        _sandwich(-h_prev * z * (1 - z), params["U_z"]),
        _sandwich(z * (1 - h_hat**2), params["U_h"]) @ inner,
    ]


def term_sizes(
    cell: str, scheme: str = "orthogonal", n: int = 32, T: int = 200, seeds: int = 4,
    seed: int = 0, scale: float = 1.0,
) -> dict[str, Array]:
    """Sizes :math:`\\|A\\|_F/\\sqrt n` of every term along ``seeds`` random trajectories.

    Weights from :func:`symrnn.numeric.init_params` (recurrent matrices times ``scale``),
    inputs :math:`N(0, I_n)`, zero initial state; steps ``t = 2..T`` (the LSTM's term needs
    :math:`o_{t-1}`). Same seed, same numbers.

    Returns:
        A dict from term label (main first) to an array of shape ``(seeds * (T - 1),)``.
    """
    if T < 2:
        raise InvalidArgumentError(f"T={T!r} must be an integer >= 2 (terms start at t = 2)")
    labels = term_labels(cell)
    sizes: list[list[Array]] = [[] for _ in labels]
    for r in range(seeds):
        rng = np.random.default_rng([seed, r, 77])
        p = {k: v * scale if k.startswith("U") else v
             for k, v in init_params(cell, n, n, rng, scheme=scheme).items()}  # type: ignore[arg-type]
        xs = rng.standard_normal((T, n))
        zero = np.zeros(n)
        traj = unroll(cell, p, xs, (zero, zero) if cell == "lstm" else zero)
        if cell == "lstm":
            hs, cs = traj
            o_all = kernel("lstm").forward(p, xs, (hs[:-1], cs[:-1]))[1]["o"]  # o_t for t = 1..T
            mats = term_matrices(cell, p, xs[1:], (hs[1:-1], cs[1:-1]), o_prev=o_all[:-1])
        else:
            mats = term_matrices(cell, p, xs[1:], (cast(Array, traj)[1:-1],))
        for j, mat in enumerate(mats):
            sizes[j].append(np.linalg.norm(mat, axis=(1, 2)) / np.sqrt(n))
    return {label: np.concatenate(s) for label, s in zip(labels, sizes)}
