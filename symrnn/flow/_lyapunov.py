r"""Long products of Jacobians in log space, with QR re-orthonormalisation (Benettin's method).

For a run of length :math:`T` with one-step Jacobians :math:`J_t = \partial s_t/\partial
s_{t-1}`, the gradient that reaches state :math:`s_k` from a loss on :math:`s_T` is pulled back
by :math:`M_k^\top`, :math:`M_k = \partial s_T/\partial s_k = J_T \cdots J_{k+1}` (eq3). Its
entries under- or overflow float64 within a few thousand steps, so it is never formed. Instead a
block of ``q`` probe vectors :math:`V_T` (orthonormal; ``p`` of them on :math:`h`, and for the
two-state cells ``p`` more on :math:`c`) is pulled back one step at a time, and kept as

.. math::

    V_k = M_k^\top V_T = Q_k\,\tilde P_k\,\mathrm{diag}(e^{\sigma_k}),\qquad
    J_k^\top Q_k = Q_{k-1} r_k \ \text{(QR)},\qquad
    \tilde P_{k-1}\,\mathrm{diag}(e^{\sigma_{k-1}}) = r_k \tilde P_k\,\mathrm{diag}(e^{\sigma_k}),

with :math:`Q_k` orthonormal, :math:`\tilde P_k` upper triangular with unit columns, and the
column log-scales :math:`\sigma_k` carrying all the growth. Every quantity stays O(1) except
:math:`\sigma`, which is a sum of logs: nothing overflows at any :math:`T`. From this:

* the **gradient norm at distance** :math:`d = T - k`: the normalised Frobenius norm
  :math:`\|\partial h_T/\partial h_k\|_F/\sqrt n`, estimated as
  :math:`\|(\partial h_T/\partial h_k)^\top U_h\|_F/\sqrt p` from the ``p`` random orthonormal
  probes :math:`U_h` — exact when ``p = n`` (then :math:`U_h U_h^\top = I`), and for ``p < n`` an
  estimate whose square is unbiased over random :math:`U_h`. It is 1 at :math:`d = 0` and
  :math:`|a|^d` for the scalar recurrence :math:`h_t = a h_{t-1}`. The same for
  :math:`\partial c_T/\partial c_k`;
* the **Lyapunov exponents** :math:`\lambda_i \approx \frac1T\sum_k \log|(r_k)_{ii}|`, the
  top one being the per-step decay rate (negative: vanishing, positive: exploding).

These are measurements over finite runs, not limits: the module computes them, it does not
prove anything about them.

References
----------
G. Benettin, L. Galgani, A. Giorgilli, J.-M. Strelcyn, "Lyapunov characteristic exponents
for smooth dynamical systems ...", Meccanica 15 (1980) 9–30.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..cells import Cell
from ._cells import Packed, forward, vjp

__all__ = ["FlowArrays", "run_flow", "probe_block"]

Array = NDArray[np.float64]
NEG_INF = -np.inf


@dataclass(frozen=True)
class FlowArrays:
    """What :func:`run_flow` measures for a batch of ``B`` runs.

    Attributes:
        log_norm_h: ``(B, T + 1)``; entry ``[b, d]`` is the natural log of the normalised
            Frobenius norm of :math:`\\partial h_T/\\partial h_{T-d}` (``-inf`` for an exact
            zero).
        log_norm_c: the same for :math:`\\partial c_T/\\partial c_{T-d}`, or ``None`` for the
            single-state cells.
        lyapunov: ``(B, q)``, the top ``q`` Lyapunov exponents of the state Jacobian product
            (per step, natural log), largest first up to estimation noise.
        final_state: ``(B, S)``, the state after step ``T`` (``h`` then ``c``).
    """

    log_norm_h: Array
    log_norm_c: Array | None
    lyapunov: Array
    final_state: Array


def probe_block(n: int, p: int, rng: np.random.Generator) -> Array:
    """``p`` random orthonormal vectors in :math:`\\mathbb R^n`, as rows: shape ``(p, n)``."""
    q, r = np.linalg.qr(rng.standard_normal((n, p)))
    return (q * np.where(np.diag(r) < 0, -1.0, 1.0)).T


def _safe_log(a: Array) -> Array:
    """``log a`` for ``a >= 0``, with ``-inf`` (and no floating-point error) where ``a == 0``."""
    out = np.full(a.shape, NEG_INF)
    np.log(a, out=out, where=a > 0)
    return out


def _log_rms(logs: Array) -> Array:
    """``log sqrt(mean_j exp(2 logs_j))`` over the last axis, stable, ``-inf`` if all are."""
    top = logs.max(axis=-1)
    finite = np.isfinite(top)
    shifted = np.where(finite[..., None], logs - np.where(finite, top, 0.0)[..., None], NEG_INF)
    mean = np.exp(2 * shifted).mean(axis=-1)
    return np.where(finite, top + 0.5 * _safe_log(mean), top)


def run_flow(
    cell: str | Cell,
    params: Packed,
    xs: Callable[[int], Array],
    T: int,
    n: int,
    probes: Array,
    state_count: int,
    tick: Callable[[int], None] | None = None,
) -> FlowArrays:
    """Forward over ``T`` steps from the zero state, then pull ``q`` probes back to step 0.

    Arguments:
        cell: a cell :func:`symrnn.numeric.kernel` accepts.
        params: packed per-run parameters (:func:`symrnn.flow._cells.pack`), run axis ``B``,
            or one parameter set shared by all runs (a trained model).
        xs: ``xs(t)`` gives the inputs of step ``t`` (1-based), shape ``(B, 1, m)``.
        T: the sequence length.
        n: the hidden size.
        probes: ``(p, n)`` orthonormal rows, used on ``h`` and (if two states) on ``c``.
        state_count: 1, or 2 for ``(h, c)``.
        tick: called with the number of steps done (forward and backward count one each).

    Returns:
        A :class:`FlowArrays`.
    """
    batch = xs(1).shape[0]
    p = probes.shape[0]
    q, size = p * state_count, n * state_count
    states = np.zeros((T + 1, batch, size))
    state = tuple(np.zeros((batch, 1, n)) for _ in range(state_count))
    for t in range(1, T + 1):
        state, _ = forward(cell, params, xs(t), state)
        for j, s in enumerate(state):
            states[t, :, j * n : (j + 1) * n] = s[:, 0]
        if tick is not None:
            tick(t)

    # V_T: probes on h (columns 0..p-1) and on c (columns p..2p-1), rows of a (B, q, S) block
    basis = np.zeros((batch, q, size))
    for j in range(state_count):
        basis[:, j * p : (j + 1) * p, j * n : (j + 1) * n] = probes
    p_tilde = np.broadcast_to(np.eye(q), (batch, q, q)).copy()
    sigma = np.zeros((batch, q))
    log_r = np.zeros((batch, q))
    log_h = np.empty((batch, T + 1))
    log_c = np.empty((batch, T + 1)) if state_count == 2 else None
    _record(basis, p_tilde, sigma, n, p, state_count, log_h, log_c, 0)

    for k in range(T, 0, -1):
        prev = tuple(states[k - 1, :, None, j * n : (j + 1) * n] for j in range(state_count))
        x = xs(k)
        _, cache = forward(cell, params, x, prev)
        d = tuple(basis[:, :, j * n : (j + 1) * n] for j in range(state_count))
        pulled = np.concatenate(vjp(cell, params, x, prev, cache, d), axis=-1)  # (B, q, S)
        qmat, r = np.linalg.qr(pulled.transpose(0, 2, 1))  # (B, S, q), (B, q, q)
        basis = qmat.transpose(0, 2, 1)
        log_r += _safe_log(np.abs(np.diagonal(r, axis1=1, axis2=2)))
        p_tilde = r @ p_tilde
        norms = np.linalg.norm(p_tilde, axis=1)  # column norms, (B, q)
        sigma = sigma + _safe_log(norms)
        p_tilde = p_tilde / np.where(norms > 0, norms, 1.0)[:, None, :]
        _record(basis, p_tilde, sigma, n, p, state_count, log_h, log_c, T - k + 1)
        if tick is not None:
            tick(2 * T - k + 1)
    return FlowArrays(log_h, log_c, log_r / T, states[T])


def _record(
    basis: Array, p_tilde: Array, sigma: Array, n: int, p: int, state_count: int,
    log_h: Array, log_c: Array | None, d: int,
) -> None:
    """Write the h- and c-block log-norms at distance ``d`` from :math:`V = Q\\tilde P e^\\sigma`."""
    for j, out in enumerate((log_h, log_c)[:state_count]):
        cols = slice(j * p, (j + 1) * p)
        # rows of the probes' images restricted to block j: (B, p, n)
        block = np.swapaxes(p_tilde[:, :, cols], 1, 2) @ basis[:, :, j * n : (j + 1) * n]
        logs = _safe_log(np.linalg.norm(block, axis=-1)) + sigma[:, cols]
        out[:, d] = _log_rms(logs)  # type: ignore[index]
