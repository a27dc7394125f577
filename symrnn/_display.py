r"""How symrnn's objects show in a notebook: ``_repr_latex_`` in one display-math block.

Jupyter renders a ``text/latex`` output with MathJax, which typesets math only: prose goes in
``\text{...}`` and the whole object is one ``$$\begin{aligned} … \end{aligned}$$`` block, one
line per row. Every class's ``_repr_latex_`` builds its rows from the same LaTeX its
``latex()`` method (or :mod:`symrnn.docs`) prints, so the notebook shows the mathematics the
report shows, not the dataclass repr.

>>> print(display([r"x &= 1", text("a_b {c}")]))
$$\begin{aligned}x &= 1 \\ \text{a\_b \{c\}}\end{aligned}$$
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy

__all__ = ["display", "text", "math"]

_ESCAPES = {"\\": r"\backslash ", "{": r"\{", "}": r"\}", "_": r"\_", "^": r"\^{}",
            "$": r"\$", "#": r"\#", "%": r"\%", "&": r"\&", "~": r"\~{}"}


def text(s: str) -> str:
    r"""Prose as ``\text{...}``, with LaTeX's special characters escaped."""
    return r"\text{" + "".join(_ESCAPES.get(ch, ch) for ch in str(s)) + "}"


def math(expr: sympy.Expr) -> str:
    """A SymPy expression in LaTeX."""
    return sympy.latex(expr)


def display(rows: Iterable[str]) -> str:
    """Rows (each a LaTeX line, ``&`` aligning) as one display-math block for Jupyter."""
    return r"$$\begin{aligned}" + r" \\ ".join(rows) + r"\end{aligned}$$"
