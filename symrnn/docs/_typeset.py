r"""Typesetting of the values evidence carries: expressions, rationals, Arb balls, matrices.

Evidence is JSON: SymPy expressions as ``str`` (``"1 - 1/(j + 1)**2"``), exact rationals
(``"3/4"``), Arb balls (``"[0.4477432046943028 +/- 4.87e-19]"``) and matrices as lists of
lists. The report typesets each value from that data; none is retyped.

>>> expr_tex("1 - 1/(j + 1)**2")
'1 - \\frac{1}{\\left(j + 1\\right)^{2}}'
>>> ball_tex("[0.447743204694302849 +/- 4.87e-19]")
'[0.4477432046, 0.4477432047]'
>>> matrix_tex([["0", "2"], ["0", "0"]])
'\\begin{pmatrix} 0 & 2 \\\\ 0 & 0 \\end{pmatrix}'
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation, localcontext
from typing import Any

import sympy

from ..activations import relu, sigmoid

__all__ = ["fix_latex", "expr_latex", "expr_tex", "parse_plain", "ball_tex", "number_tex", "matrix_tex",
           "vector_tex", "value_tex", "short_int", "SYMBOL_NAMES"]

#: Symbols whose evidence name is not how the article writes them.
SYMBOL_NAMES = {sympy.Symbol("g_star"): "g^{*}", sympy.Symbol("c_star"): "c^{*}"}

_NAMED = re.compile(r"[A-Za-z]+_\{[^{}]*\}(?:\[[^\]]*\])?")


def fix_latex(tex: str) -> str:
    r"""LaTeX printed elsewhere (matrix forms, chains) with the report's conventions: the
    Heaviside step as :math:`H` (SymPy prints θ, the article's parameter), a supremum over
    the gates as :math:`\sup_{\text{gates}}`, ``bu_h`` (PyTorch's recurrent bias) as
    :math:`b^{u}_{h}`."""
    tex = tex.replace(r"\theta\left(", r"H\left(")
    tex = tex.replace(r"\operatorname{sup}_{gates}", r"\sup_{\text{gates}}")
    return tex.replace(r"bu_{h}", r"b^{u}_{h}")


def expr_latex(expr: sympy.Expr) -> str:
    """SymPy's LaTeX, with the report's conventions: ĉ_t as printed by SymPy's ``hat``
    modifier, σ and relu as functions, the Heaviside step as :math:`H`, ``g_star`` as
    :math:`g^*`."""
    return fix_latex(sympy.latex(expr, symbol_names=SYMBOL_NAMES))


def parse_plain(text: str) -> sympy.Expr:
    """A SymPy ``str`` of evidence (``"U_f*c_{t-1}*f_t"``) parsed back into an expression;
    names with braces (``c_{t-1}``) become the symbols they were printed from."""
    names: dict[str, Any] = {"sigmoid": sigmoid, "relu": relu, "Heaviside": sympy.Heaviside,
                             "Abs": sympy.Abs, "sqrt": sympy.sqrt, "log": sympy.log,
                             "exp": sympy.exp, "tanh": sympy.tanh}
    subs: dict[str, str] = {}

    def place(m: re.Match) -> str:
        key = f"_sym{len(subs)}"
        subs[key] = m.group(0)
        return key

    body = _NAMED.sub(place, text.replace("^", "**"))
    for key, name in subs.items():
        names[key] = sympy.Symbol(name)
    for word in set(re.findall(r"\b[A-Za-z]\w*\b", body)) - set(names):
        called = re.search(rf"\b{word}\s*\(", body) is not None
        names[word] = sympy.Function(word) if called else sympy.Symbol(word)
    return sympy.sympify(body, locals=names, rational=True)


def expr_tex(text: str) -> str:
    """A SymPy ``str`` from evidence, typeset (the text itself when it does not parse)."""
    try:
        return expr_latex(parse_plain(text))
    except (sympy.SympifyError, SyntaxError, TypeError, ValueError, AttributeError):
        return r"\text{" + text.replace("_", r"\_") + "}"


def short_int(digits: str, keep: int = 12) -> str:
    """A long integer as ``1234…5678`` with its digit count (LaTeX math)."""
    sign = "-" if digits.startswith("-") else ""
    d = digits.lstrip("-")
    if len(d) <= 2 * keep:
        return digits
    return rf"{sign}{d[:keep]}\ldots{d[-4:]}\ (\text{{{len(d)} digits}})"


def number_tex(text: str) -> str:
    """An exact number (``"3/4"``, ``"-2"``, ``"18/13 + log(5)"``) typeset."""
    if re.fullmatch(r"-?\d+", text):
        return short_int(text)
    if re.fullmatch(r"-?\d+/\d+", text):
        num, den = text.split("/")
        if len(num.lstrip("-")) > 24 or len(den) > 24:
            return rf"{short_int(num)}/{short_int(den)}"
        sign = "-" if num.startswith("-") else ""
        return rf"{sign}\tfrac{{{num.lstrip('-')}}}{{{den}}}"
    if text.startswith("["):
        return ball_tex(text)
    return expr_tex(text)


_BALL = re.compile(r"\[\s*([-+0-9.e]+)\s*\+/-\s*([0-9.e+-]+)\s*\]")


def ball_tex(text: str, digits: int = 10) -> str:
    """An Arb ball ``[m +/- r]`` as an interval rounded outward to ``digits`` significant
    digits (so it still contains the ball); an exact midpoint-only string as itself."""
    m = _BALL.fullmatch(text.strip())
    if not m:
        try:
            Decimal(text)
        except InvalidOperation:
            return expr_tex(text)
        return _sig(Decimal(text), digits, None)
    mid, rad = Decimal(m.group(1)), Decimal(m.group(2))
    with localcontext() as ctx:
        ctx.prec = 60
        lo, hi = mid - rad, mid + rad
    return f"[{_sig(lo, digits, ROUND_FLOOR)}, {_sig(hi, digits, ROUND_CEILING)}]"


def _sig(x: Decimal, digits: int, rounding: str | None) -> str:
    if x == 0:
        return "0"
    exp = x.adjusted()
    quantum = Decimal(1).scaleb(exp - digits + 1)
    with localcontext() as ctx:
        ctx.prec = 80
        q = x.quantize(quantum, rounding=rounding or "ROUND_HALF_EVEN")
    if -4 <= exp < 6:
        s = format(q, "f")
        return s.rstrip("0").rstrip(".") if "." in s and rounding is None else s
    mant = (q.scaleb(-exp)).normalize()
    return rf"{mant}\times 10^{{{exp}}}"


def matrix_tex(rows: list[list[Any]]) -> str:
    """A matrix (list of rows of exact strings) as ``pmatrix``."""
    body = r" \\ ".join(" & ".join(value_tex(v) for v in row) for row in rows)
    return rf"\begin{{pmatrix}} {body} \end{{pmatrix}}"


def vector_tex(values: list[Any]) -> str:
    """A vector as a row ``(a, b)^\\top``."""
    return r"\left(" + ", ".join(value_tex(v) for v in values) + r"\right)^{\top}"


def value_tex(v: Any) -> str:
    """Any evidence leaf as math: numbers, balls, expressions, vectors, matrices."""
    if isinstance(v, bool):
        return r"\text{" + ("true" if v else "false") + "}"
    if isinstance(v, (int, float)):
        return number_tex(str(v))
    if isinstance(v, list):
        if v and all(isinstance(w, list) for w in v):
            return matrix_tex(v)
        return vector_tex(v)
    if isinstance(v, str):
        return number_tex(v)
    return r"\text{" + str(v) + "}"
