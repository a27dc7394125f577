r"""The article's printed formulas, transcribed as SymPy expressions in gate notation.

Each is typed once, here, exactly as printed (with the article's symbols), and compared by
:func:`symrnn.check_identity` with what symrnn derives. Gate symbols are the cells' own
(``f_t``, ``chat_t`` for ĉ_t, ``hhat_t`` for ĥ_t, ``o_{t-1}``, ...).

>>> from symrnn.claims.article import printed
>>> printed("eq6")
U*(1 - h_t**2)
"""

from __future__ import annotations

import sympy
from sympy import tanh

from .._errors import UnknownClaimError
from ..activations import sigmoid
from ..cells import get_cell
from ..cells._base import prev_sym, t_sym

__all__ = ["printed", "PRINTED", "x_sym"]

#: The scalar variable of the formulas (4).
x_sym = sympy.Symbol("x")

_g = {n: t_sym(n) for n in ("f", "i", "o", "chat", "z", "r", "hhat", "h", "c")}
_p = {n: prev_sym(n) for n in ("h", "c", "o", "r")}
_P = {p.name: p.symbol for c in ("rnn", "lstm", "gru") for p in get_cell(c).params}


def _eq4() -> dict[str, tuple[sympy.Expr, sympy.Expr]]:
    x = x_sym
    return {
        "eq4a": (tanh(x), 2 * sigmoid(2 * x) - 1),
        "eq4b": (sigmoid(x), (tanh(x / 2) + 1) / 2),
        # (4c), (4d): the derivative of the definition through exp, against the printed form
        "eq4c": (sympy.diff((sympy.exp(x) - sympy.exp(-x)) / (sympy.exp(x) + sympy.exp(-x)), x),
                 1 - tanh(x) ** 2),
        "eq4d": (sympy.diff(1 / (1 + sympy.exp(-x)), x), sigmoid(x) * (1 - sigmoid(x))),
    }


def _printed() -> dict[str, sympy.Expr]:
    f, i, o, chat, z, r, hhat, h = (_g[k] for k in ("f", "i", "o", "chat", "z", "r", "hhat", "h"))
    h1, c1, o1 = _p["h"], _p["c"], _p["o"]
    U_f, U_i, U_c, U_z, U_r, U_h, U = (_P[k] for k in ("U_f", "U_i", "U_c", "U_z", "U_r", "U_h", "U"))
    return {
        # (6)  ∂h_t/∂h_{t-1} = (1 − h_t²) U
        "eq6": (1 - h**2) * U,
        # (9)  c_{t-1} ∂f_t/∂c_{t-1} = f_t (1 − f_t) o_{t-1} (1 − tanh² c_{t-1}) c_{t-1} U_f
        "eq9": f * (1 - f) * o1 * (1 - tanh(c1) ** 2) * c1 * U_f,
        # (10) ĉ_t ∂i_t/∂c_{t-1} = i_t (1 − i_t) o_{t-1} (1 − tanh² c_{t-1}) ĉ_t U_i
        "eq10a": i * (1 - i) * o1 * (1 - tanh(c1) ** 2) * chat * U_i,
        # (10) i_t ∂ĉ_t/∂c_{t-1} = (1 − ĉ_t²) o_{t-1} (1 − tanh² c_{t-1}) i_t U_c
        "eq10b": (1 - chat**2) * o1 * (1 - tanh(c1) ** 2) * i * U_c,
        # (13) ∂h_t/∂h_{t-1} = 1 − z_t − z_t(1 − z_t) h_{t-1} U_z + z_t(1 − z_t) ĥ_t U_z
        #                      + (1 − ĥ_t²) r_t (1 + (1 − r_t) h_{t-1} U_r) z_t U_h
        "eq13": (1 - z - z * (1 - z) * h1 * U_z + z * (1 - z) * hhat * U_z
                 + (1 - hhat**2) * r * (1 + (1 - r) * h1 * U_r) * z * U_h),
    }


PRINTED: dict[str, sympy.Expr] = _printed()
_EQ4 = _eq4()


def printed(eq: str) -> sympy.Expr:
    """The article's printed right-hand side of ``eq`` (eq6, eq9, eq10a, eq10b, eq13).

    For eq4a–eq4d use :func:`formula4`.
    """
    try:
        return PRINTED[eq]
    except KeyError:
        raise UnknownClaimError(
            f"no printed form for eq={eq!r}; printed forms exist for {', '.join(PRINTED)}"
        ) from None


def formula4(eq: str) -> tuple[sympy.Expr, sympy.Expr]:
    """Both sides of the article's formula (4a)–(4d), ``(lhs, rhs)``."""
    try:
        return _EQ4[eq]
    except KeyError:
        raise UnknownClaimError(
            f"no formula {eq!r}; the formulas (4) are {', '.join(_EQ4)}"
        ) from None
