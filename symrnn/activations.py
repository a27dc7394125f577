r"""The activations of the article's cells, as SymPy functions.

The article's formulas (4) relate them:

.. math::

    \tanh x = 2\sigma(2x) - 1, \quad
    \sigma(x) = \tfrac12\left(\tanh\tfrac{x}{2} + 1\right), \quad
    (\tanh x)' = 1 - \tanh^2 x, \quad
    \sigma'(x) = \sigma(x)\,(1 - \sigma(x)).

:class:`sigmoid` carries its derivative in the form (4d) (``fdiff``), so SymPy's ``diff``
returns derivatives already "in gate notation"; SymPy's own ``tanh`` does the same with
(4c). Each derivative sits next to its definition, as in micrograd.

>>> from sympy import Symbol, diff
>>> x = Symbol("x")
>>> diff(sigmoid(x), x)
(1 - sigmoid(x))*sigmoid(x)
>>> sigmoid(x).rewrite("exp")
1/(1 + exp(-x))

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, formulas (4).
"""

from __future__ import annotations

import sympy
from sympy import Function, Heaviside, Max, Rational, exp, tanh

__all__ = ["sigmoid", "relu"]


class sigmoid(Function):  # noqa: N801 - SymPy functions are lower-case
    r"""The logistic function :math:`\sigma(x) = 1/(1 + e^{-x})`.

    Its derivative is written through itself, :math:`\sigma' = \sigma(1-\sigma)` (4d);
    ``rewrite("exp")`` and ``rewrite("tanh")`` give (the definition and) (4b); it prints as
    :math:`\sigma` in LaTeX.
    """

    nargs = 1

    @classmethod
    def eval(cls, x):  # type: ignore[override]
        # structural test only: an assumption query (x.is_zero) on a large argument costs
        # seconds in an unrolled cell and changes nothing but the printed form
        if x is sympy.S.Zero:
            return Rational(1, 2)
        return None

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        s = self.func(*self.args)
        return s * (1 - s)

    def _eval_rewrite_as_exp(self, x, **kwargs):
        return 1 / (1 + exp(-x))

    def _eval_rewrite_as_tanh(self, x, **kwargs):
        return (tanh(x / 2) + 1) / 2

    def _eval_evalf(self, prec):
        return (1 / (1 + exp(-self.args[0])))._eval_evalf(prec)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _eval_is_positive(self):
        return True if self.args[0].is_real else None

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        base = r"\sigma\left(%s\right)" % arg
        return base if exp is None else r"\sigma^{%s}\left(%s\right)" % (exp, arg)


class relu(Function):  # noqa: N801
    r"""The rectifier :math:`\mathrm{relu}(x) = \max(0, x)`; its derivative is the step
    function :math:`\theta(x)` (undefined at 0, where SymPy's Heaviside is 1/2)."""

    nargs = 1

    @classmethod
    def eval(cls, x):  # type: ignore[override]
        if x.is_nonnegative:
            return x
        if x.is_nonpositive:
            return sympy.S.Zero
        return None

    def fdiff(self, argindex: int = 1) -> sympy.Expr:
        return Heaviside(self.args[0])

    def _eval_rewrite_as_Max(self, x, **kwargs):
        return Max(0, x)

    def _eval_evalf(self, prec):
        return Max(0, self.args[0])._eval_evalf(prec)

    def _latex(self, printer, exp=None):
        arg = printer._print(self.args[0])
        base = r"\operatorname{relu}\left(%s\right)" % arg
        return base if exp is None else r"\operatorname{relu}^{%s}\left(%s\right)" % (exp, arg)
