r"""LaTeX snippets for users' own papers: verdicts, derivations and expressions.

>>> from symrnn import article_derivative, check_identity, printed
>>> from symrnn.docs import derivation_latex, verdict_latex
>>> print(derivation_latex(article_derivative("rnn")))
\frac{\partial h_{t}}{\partial h_{t-1}} = U \left(1 - h_{t}^{2}\right)
>>> d = article_derivative("rnn")
>>> print(verdict_latex(check_identity(d.expr, printed("eq6"))).split(":")[0])
\textbf{proved}
"""

from __future__ import annotations

from collections.abc import Iterable

import sympy

from ..derivation import Derivation
from ..verify.verdict import Verdict
from ._mathtext import escape_text
from ._model import Formula

__all__ = ["expr_latex", "sum_latex", "partial_latex", "derivation_formula",
           "derivation_latex", "witness_formulas", "verdict_latex", "escape_latex"]

def escape_latex(text: str) -> str:
    """Plain text made safe for LaTeX (Unicode stays: the document is set with XeLaTeX)."""
    return escape_text(text)


def expr_latex(expr: sympy.Expr) -> str:
    """SymPy's LaTeX for ``expr`` (gate symbols print as the article writes them: ĉ_t)."""
    return sympy.latex(expr)


def sum_latex(terms: Iterable[sympy.Expr]) -> str:
    """Terms joined with ``+``, a negative term joined with ``-`` (never ``+ -``)."""
    out = ""
    for t in terms:
        s = expr_latex(t)
        if not out:
            out = s
        elif s.startswith("- "):
            out += " - " + s[2:]
        else:
            out += " + " + s
    return out or "0"


def partial_latex(of: sympy.Expr, wrt: sympy.Expr) -> str:
    r"""``\frac{\partial of}{\partial wrt}``."""
    return rf"\frac{{\partial {expr_latex(of)}}}{{\partial {expr_latex(wrt)}}}"


def derivation_formula(d: Derivation) -> Formula:
    """A derivation in 1-D, its terms in the article's order, as a :class:`Formula`."""
    return Formula(sum_latex(t.expr for t in d.terms), partial_latex(d.of, d.wrt), d.expr)


def derivation_latex(d: Derivation) -> str:
    r"""``\frac{\partial of}{\partial wrt} = term_1 + term_2 …`` in 1-D, in gate notation.

    Unlike :meth:`Derivation.latex`, a negative term is written ``- a``, not ``+ - a``.
    """
    return derivation_formula(d).latex


def witness_formulas(v: Verdict) -> tuple[Formula, ...]:
    """The exact witness values of a refuted verdict, ``symbol = value`` each."""
    if not v.witness:
        return ()
    return tuple(Formula(expr_latex(val), expr_latex(sym), val)
                 for sym, val in sorted(v.witness.items(), key=lambda kv: str(kv[0])))


def verdict_latex(v: Verdict) -> str:
    r"""A verdict as a LaTeX paragraph: status, method, statement and witness.

    The form is ``\textbf{status}: method. Statement. Witness: $a = 1/2$, …`` (the full
    evidence is data: :meth:`Verdict.to_json`).
    """
    out = rf"\textbf{{{v.status}}}: {escape_latex(v.method)}."
    if v.statement:
        out += " " + escape_latex(v.statement) + "."
    wit = witness_formulas(v)
    if wit:
        out += " Witness: " + ", ".join(f"${f.latex}$" for f in wit) + "."
    return out
