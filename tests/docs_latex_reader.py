"""Read the report's LaTeX back with SymPy's parser (ANTLR backend), undoing only what
that parser is known to read differently from how SymPy prints (documented per rule).

SymPy's ``parse_latex`` cannot read ``\\hat{c}`` nor ``\\left(a\\right) \\sigma(x)``,
reads ``a (b)`` after a symbol as the call ``a(b)``, names σ, the Heaviside step (the report
prints it ``H``) and relu ``sigma``/``H``/``operatorname``, and splits
multi-letter symbols (``bu_{h}`` becomes ``b·u_h``). Formulas with multi-letter symbols are
therefore not readable; every other formula must come back equal to its expression.
"""

from __future__ import annotations

import re

import sympy
from sympy.core.function import AppliedUndef
from sympy.parsing.latex import parse_latex

from symrnn.activations import relu, sigmoid

# \hat{x} -> a Greek letter the report does not otherwise use, and back
HATS = {r"\hat{c}": r"\xi", r"\hat{h}": r"\eta", r"\tilde{h}": r"\zeta"}
# function names as the parser returns them (relu is printed \operatorname{relu}: read as ρ)
FUNCTIONS = {"sigma": sigmoid, "H": sympy.Heaviside, "theta": sympy.Heaviside, "rho": relu}


def _key(name: str) -> str:
    return re.sub(r"[\s{}\\]", "", name)


def _base(symbol: sympy.Symbol) -> str:
    return symbol.name.split("_", 1)[0]


def readable(expr: sympy.Expr) -> bool:
    """False when the parser cannot read the expression's LaTeX as SymPy prints it: a
    symbol whose base name has several letters (``bu_h``; hats and Greek letters excepted)."""
    for s in expr.free_symbols:
        base = _base(s)
        if len(base) > 1 and base not in ("chat", "hhat", "htilde") and not sympy.latex(s).startswith("\\"):
            return False
    return True


def read_back(tex: str, expr: sympy.Expr) -> sympy.Expr:
    """Parse ``tex`` (printed from ``expr``) and map the parser's names to ``expr``'s."""
    for a, b in HATS.items():
        tex = tex.replace(a, b)
    tex = tex.replace(r"\operatorname{relu}", r"\rho")
    # \left( \right) only size the parentheses; the parser rejects "\left(a\right) \sigma(x)"
    tex = tex.replace(r"\left(", "(").replace(r"\right)", ")")
    parsed = parse_latex(tex, strict=True)
    names = {}
    for s in expr.free_symbols:
        key = _key(sympy.latex(s))
        for a, b in HATS.items():
            key = key.replace(_key(a), _key(b))
        names[key] = s
    parsed = parsed.xreplace({s: names.get(_key(s.name), sympy.E if s.name == "e" else s)
                              for s in parsed.free_symbols})
    while True:
        calls = {}
        for call in parsed.atoms(AppliedUndef):
            name = call.func.__name__
            if name in FUNCTIONS:
                calls[call] = FUNCTIONS[name](*call.args)
            elif _key(name) in names and len(call.args) == 1:  # "a \left(b\right)" is a·b
                calls[call] = names[_key(name)] * call.args[0]
        if not calls:
            return parsed
        parsed = parsed.xreplace(calls)
