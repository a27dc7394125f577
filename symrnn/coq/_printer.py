"""SymPy expressions printed as Coq terms over ``R`` (the names of :mod:`._library`).

``h_{t-1}`` becomes ``h_prev``, ``sigmoid`` becomes ``sigma``, integer powers ``x ^ n``
(Coq's ``pow``), rationals ``p/q``. Coq's precedences for ``+ - * / ^`` and unary minus
agree with Python's, so SymPy's own parenthesisation is kept.

>>> import sympy
>>> from symrnn.cells._base import prev_sym
>>> coq(sympy.tanh(prev_sym("c")) ** 2 / 4)
'tanh(c_prev) ^ 2/4'
"""

from __future__ import annotations

import re

import sympy
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from .._errors import UnsupportedFunctionError

__all__ = ["coq", "coq_name"]


def coq_name(sym: sympy.Symbol | str) -> str:
    """A symbol's Coq identifier: ``h_{t-1}`` -> ``h_prev``, ``x_t`` -> ``x_t``."""
    name = str(sym).replace("_{t-1}", "_prev")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name):
        raise UnsupportedFunctionError(f"symbol {sym!r} has no Coq identifier; rename it")
    return name


class _CoqPrinter(StrPrinter):
    def _print_Symbol(self, expr: sympy.Symbol) -> str:
        return coq_name(expr)

    def _print_Pow(self, expr: sympy.Pow, rational: bool = False) -> str:
        base, exp = expr.args
        if exp.is_Integer and exp > 0:
            return f"{self.parenthesize(base, PRECEDENCE['Pow'], strict=True)} ^ {exp}"
        if exp.is_Integer and exp < 0:
            return f"/ {self.parenthesize(base ** -exp, PRECEDENCE['Pow'], strict=True)}"
        raise UnsupportedFunctionError(f"non-integer power {expr} has no Coq form here")

    def _print_Function(self, expr: sympy.Expr) -> str:
        name = {"sigmoid": "sigma", "tanh": "tanh", "exp": "exp",
                "relu": "relu"}.get(type(expr).__name__)
        if name is None:
            raise UnsupportedFunctionError(
                f"function {type(expr).__name__} has no Coq counterpart; supported: sigmoid, "
                "tanh, exp, relu")
        return f"{name}({self._print(expr.args[0])})"

    _print_tanh = _print_Function
    _print_exp = _print_Function

    def _print_Abs(self, expr: sympy.Abs) -> str:
        return f"Rabs({self._print(expr.args[0])})"

    def _print_Float(self, expr: sympy.Float) -> str:  # pragma: no cover - never generated
        raise UnsupportedFunctionError(f"float {expr} in an exported statement; use a Rational")


def coq(expr: sympy.Expr) -> str:
    """``expr`` as a Coq term of type ``R``."""
    return _CoqPrinter({"order": "none"}).doprint(sympy.sympify(expr))
