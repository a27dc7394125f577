r"""Overflow-free activations in float64.

The article's cells use :math:`\sigma(x) = 1/(1+e^{-x})` and :math:`\tanh`. Written naively,
``1 / (1 + np.exp(-x))`` overflows (with a ``RuntimeWarning``) once :math:`-x > 709`;
pre-activations of :math:`\pm 10^4` occur with large parameters, so the gates here never
exponentiate a positive number:

.. math::

    \sigma(x) = \begin{cases} 1/(1 + e^{-x}) & x \ge 0 \\ e^{x}/(1 + e^{x}) & x < 0 \end{cases}

``np.tanh`` is already stable (it saturates to :math:`\pm 1` without overflow). ``relu`` and its
derivative, the step function, complete the set. Every function takes and returns float64
arrays of any shape.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["sigmoid", "tanh", "relu", "heaviside"]

Array = NDArray[np.float64]


def sigmoid(x: ArrayLike) -> Array:
    r"""The logistic function :math:`\sigma`, exact to rounding and silent at :math:`\pm 10^4`.

    Arguments:
        x: pre-activations, any shape.

    Returns:
        :math:`\sigma(x)`, same shape as ``x``, in :math:`[0, 1]`.
    """
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))  # in (0, 1]: never overflows, underflows quietly to 0
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(x: ArrayLike) -> Array:
    r""":math:`\tanh`, which numpy already evaluates without overflow."""
    return np.tanh(np.asarray(x, dtype=np.float64))


def relu(x: ArrayLike) -> Array:
    r""":math:`\mathrm{relu}(x) = \max(0, x)`."""
    return np.maximum(np.asarray(x, dtype=np.float64), 0.0)


def heaviside(x: ArrayLike, at_zero: float = 0.5) -> Array:
    r"""The derivative of relu, :math:`\theta(x)`; at 0 (where relu has no derivative) it
    returns ``at_zero``, 1/2 by default, matching SymPy's ``Heaviside(0)``."""
    return np.heaviside(np.asarray(x, dtype=np.float64), at_zero)
