r"""Rigorous enclosures of a float64 matrix's spectral norm, for the bounds on trained weights.

A float SVD gives :math:`\|U\|_2` to rounding, not with a guarantee. Here, in Arb ball
arithmetic (python-flint, 128 bits), the matrix's entries taken exactly:

* **upper**: :math:`\|U\|_2^{2k} = \lambda_{\max}(G)^k \le \operatorname{tr}(G^k)` for
  :math:`G = U^\top U \succeq 0`, so :math:`\|U\|_2 \le \operatorname{tr}(G^k)^{1/(2k)}
  \le n^{1/(2k)}\,\|U\|_2`; with :math:`k = 2^{16}` (sixteen squarings) the enclosure is at
  most :math:`n^{2^{-17}} - 1 \approx 3\cdot 10^{-5}` relatively loose for :math:`n = 64`, and
  much tighter when the top singular value stands apart;
* **lower**: :math:`\|U\|_2 \ge \|U v\|_2/\|v\|_2` for any :math:`v \ne 0`; with :math:`v` the
  float top right singular vector this is tight to rounding.

>>> import numpy as np
>>> lo, hi = spectral_enclosure(np.array([[3.0, 0.0], [0.0, 1.0]]))
>>> lo <= 3.0 <= hi, hi - lo < 1e-12
(True, True)
"""

from __future__ import annotations

import math

import numpy as np
from flint import arb, arb_mat
from numpy.typing import NDArray

from ..verify.arb import working_precision

__all__ = ["spectral_enclosure", "inf_norm_upper", "upper_float", "SQUARINGS"]

#: Number of squarings k = 2^SQUARINGS in the trace-power upper bound.
SQUARINGS = 16


def upper_float(x: arb) -> float:
    """A float >= every point of the ball ``x`` (rounded outward)."""
    return float(np.nextafter(float(x.upper()), math.inf))


def _lower_float(x: arb) -> float:
    return float(np.nextafter(float(x.lower()), -math.inf))


def spectral_enclosure(u: NDArray[np.float64]) -> tuple[float, float]:
    """``(lo, hi)`` with ``lo <= ||u||_2 <= hi``, rigorously (see the module docstring)."""
    u = np.asarray(u, dtype=np.float64)
    if not np.any(u):
        return 0.0, 0.0
    with working_precision(128):
        a = arb_mat(u.tolist())
        g = a.transpose() * a
        for _ in range(SQUARINGS):
            g = g * g
        trace = sum((g[i, i] for i in range(g.nrows())), arb(0))
        hi = trace ** (arb(1) / arb(2 ** (SQUARINGS + 1)))
        v = np.linalg.svd(u)[2][0]
        av = a * arb_mat([[float(t)] for t in v])
        num = sum((av[i, 0] ** 2 for i in range(av.nrows())), arb(0)).sqrt()
        den = sum((arb(float(t)) ** 2 for t in v), arb(0)).sqrt()
        lo = num / den
        return max(_lower_float(lo), 0.0), upper_float(hi)


def inf_norm_upper(u: NDArray[np.float64]) -> float:
    r"""An upper bound on :math:`\|u\|_\infty`: :math:`\max_k \sum_j |u_{kj}|` for a matrix
    (each row summed in Arb, rounded up), :math:`\max_k |u_k|` (exact) for a vector."""
    u = np.asarray(u, dtype=np.float64)
    if u.ndim == 1:
        return float(np.max(np.abs(u))) if u.size else 0.0
    with working_precision(128):
        return max((upper_float(sum((arb(abs(float(t))) for t in row), arb(0))) for row in u),
                   default=0.0)
