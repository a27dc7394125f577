"""Checks of the article's printed equations: (1)–(4), (6), (8)–(10), (13), and the cell
definitions (5), (7), (11), (12), (14) against the catalog.

Each check compares what the article prints with what symrnn derives by an independent
route and returns a :class:`~symrnn.verify.verdict.Verdict` from
:func:`~symrnn.verify.identity.check_identity`: proved by an exact normal form, refuted
by a certified witness, or unknown.
"""

from __future__ import annotations

from collections.abc import Callable

import sympy

from ..activations import sigmoid
from ..cells import CATALOG, Cell, get_cell
from ..cells._base import prev_sym, t_sym
from ..derivation import article_derivative
from ..verify.identity import check_identity
from ..verify.verdict import Status, Verdict
from .article import formula4, printed
from .unroll import check_eq2, check_eq3

__all__ = ["DERIVED", "EQUATION_CHECKS", "check_against_derivation", "check_definition",
           "combine", "compare_printed", "printed_cells"]


def combine(parts: dict[str, Verdict], statement: str, method: str,
            extra: dict | None = None) -> Verdict:
    """One verdict from several: refuted if any part is refuted (its witness kept),
    proved if all are proved, unknown otherwise."""
    evidence: dict = {"parts": {k: v.to_json() for k, v in parts.items()}}
    evidence.update(extra or {})
    refuted = [v for v in parts.values() if v.refuted]
    if refuted:
        return Verdict("refuted", method + "; a part is refuted", witness=refuted[0].witness,
                       evidence=evidence, statement=statement)
    status: Status = "proved" if all(v.proved for v in parts.values()) else "unknown"
    return Verdict(status, method, evidence=evidence, statement=statement)


def compare_printed(form: sympy.Expr, derived: sympy.Expr,
                    expand: Callable[[sympy.Expr], sympy.Expr], statement: str,
                    gate_form: sympy.Expr | None = None) -> Verdict:
    """Compare a printed form with a derivation, both written out in the underlying
    variables by ``expand`` (gates replaced by their definitions)."""
    main = check_identity(expand(derived), expand(form))
    evidence: dict = {"printed": str(form),
                      "derived": str(gate_form if gate_form is not None else derived)}
    if gate_form is not None:
        # the stronger, syntactic reading: equal with the gates as free variables
        evidence["equal_in_gate_notation"] = check_identity(gate_form, form).status
    return Verdict(main.status, main.method, witness=main.witness,
                   evidence={**evidence, **main.evidence}, statement=statement)


def _eq4(eq: str) -> Callable[[], Verdict]:
    def check() -> Verdict:
        lhs, rhs = formula4(eq)
        v = check_identity(lhs, rhs)
        return Verdict(v.status, v.method, witness=v.witness, evidence=v.evidence,
                       statement=f"{lhs} = {rhs} for all real x")
    return check


def check_eq1() -> Verdict:
    """Every catalog cell has the form h_t = f(x_t, h_{t-1}; θ) (state, input, params)."""
    bad = {}
    for cell in CATALOG.values():
        allowed = {cell.x, *cell.param_symbols, *(s.prev for s in cell.states)}
        values: dict[sympy.Symbol, sympy.Expr] = {}
        for s, e in cell.definitions:
            values[s] = e.xreplace(values)
        for st in cell.states:
            extra = values[st.new].free_symbols - allowed
            if extra:
                bad[f"{cell.name}.{st.name}"] = sorted(map(str, extra))
    statement = ("each catalog cell's new state is a function of x_t, the previous state and "
                 "the parameters only")
    if bad:
        return Verdict("refuted", "free symbols outside (x_t, state_{t-1}, θ)",
                       evidence={"offending": bad}, statement=statement)
    return Verdict("proved", "exact: free symbols of every fully written-out new state",
                   evidence={"cells": list(CATALOG)}, statement=statement)


def printed_cells() -> dict[str, dict[str, sympy.Expr]]:
    """The article's defining equations of each cell, as printed (gate notation):
    ``{eq: {quantity: right-hand side}}`` for eq5, eq7, eq11, eq12, eq14."""

    S = sympy.Symbol
    x, h1, c1 = t_sym("x"), prev_sym("h"), prev_sym("c")
    g = {n: t_sym(n) for n in ("f", "i", "o", "chat", "c", "z", "r", "hhat", "h")}
    tanh = sympy.tanh

    def aff(k: str, v: sympy.Expr = h1, bias: str | None = None) -> sympy.Expr:
        return S(f"W_{k}") * x + S(f"U_{k}") * v + S(bias or f"b_{k}")

    return {
        "eq5": {"h_t": tanh(S("W") * x + S("U") * h1 + S("b"))},
        "eq7": {"f_t": sigmoid(aff("f")), "i_t": sigmoid(aff("i")), "o_t": sigmoid(aff("o")),
                "chat_t": tanh(aff("c")), "c_t": g["f"] * c1 + g["i"] * g["chat"],
                "h_t": g["o"] * tanh(g["c"])},
        # as printed, the candidate's bias is b_c (see _RENAMED)
        "eq11": {"z_t": sigmoid(aff("z")), "r_t": sigmoid(aff("r")),
                 "hhat_t": tanh(aff("h", g["r"] * h1, "b_c")),
                 "h_t": (1 - g["z"]) * h1 + g["z"] * g["hhat"]},
        "eq12": {"r_t": sigmoid(aff("r")), "hhat_t": tanh(aff("h", g["r"] * h1, "b_c")),
                 "h_t": (1 - g["r"]) * h1 + g["r"] * g["hhat"]},
        "eq14": {"z_t": sigmoid(aff("z")), "r_t": sigmoid(aff("r")),
                 "chat_t": tanh(aff("h", h1, "b_c")),
                 "c_t": (1 - g["z"]) * c1 + g["z"] * g["chat"], "h_t": g["r"] * g["c"]},
    }


_CELL_OF = {"eq5": "rnn", "eq7": "lstm", "eq11": "gru", "eq12": "mgu", "eq14": "variant"}

#: The article's naming slips, applied to the printed text before comparing (each is an
#: erratum of the registry): the GRU's candidate bias is printed b_c beside W_h, U_h.
_RENAMED = {"eq11": {sympy.Symbol("b_c"): sympy.Symbol("b_h")},
            "eq12": {sympy.Symbol("b_c"): sympy.Symbol("b_h")}}


def check_definition(eq: str, cell: Cell | None = None) -> Verdict:
    """The catalog cell (or ``cell``) is the article's ``eq``, equation by equation."""
    cell = cell or get_cell(_CELL_OF[eq])
    eqs = printed_cells()[eq]
    statement = f"catalog cell {cell.name!r} is {eq}, equation by equation"
    if set(eqs) != {str(s) for s, _ in cell.definitions}:
        return Verdict("refuted", "the cell defines other quantities than the article",
                       evidence={"printed": sorted(eqs),
                                 "cell": [str(s) for s, _ in cell.definitions]},
                       statement=statement)
    rename = _RENAMED.get(eq, {})
    parts = {name: check_identity(cell.definition(sympy.Symbol(name)), rhs.xreplace(rename))
             for name, rhs in eqs.items()}
    return combine(parts, statement, "each defining equation compared with check_identity"
                   + (" after the recorded rename " + ", ".join(f"{a} → {b}" for a, b in
                                                              rename.items()) if rename else ""))


def _definition(eq: str) -> Callable[[], Verdict]:
    return lambda: check_definition(eq)


def _partial(cell: str, gate: str) -> sympy.Expr:
    """∂gate/∂wrt by SymPy's diff of the fully written-out gate (independent route)."""
    d = article_derivative(cell)
    return sympy.diff(d.values()[t_sym(gate)], d.wrt)


#: eq → (cell, the coefficient and gate of an LSTM term or None for the whole derivative,
#:       the statement checked)
DERIVED: dict[str, tuple[str, tuple[str, str] | None, str]] = {
    "eq6": ("rnn", None,
            "∂h_t/∂h_{t-1} = (1 − h_t²) U for h_t = tanh(W x_t + U h_{t-1} + b) (1-D)"),
    "eq9": ("lstm", ("c_{t-1}", "f"),
            "c_{t-1}∂f_t/∂c_{t-1} = f_t(1−f_t)o_{t-1}(1−tanh²c_{t-1})c_{t-1}U_f"),
    "eq10a": ("lstm", ("chat", "i"),
              "ĉ_t∂i_t/∂c_{t-1} = i_t(1−i_t)o_{t-1}(1−tanh²c_{t-1})ĉ_t U_i"),
    "eq10b": ("lstm", ("i", "chat"),
              "i_t∂ĉ_t/∂c_{t-1} = (1−ĉ_t²)o_{t-1}(1−tanh²c_{t-1})i_t U_c"),
    "eq13": ("gru", None, "∂h_t/∂h_{t-1} of the GRU (11) equals the printed (13) (1-D)"),
}


def check_against_derivation(eq: str, form: sympy.Expr | None = None) -> Verdict:
    """Check a printed form (the article's, or any ``form`` given in its place) of
    eq6, eq9, eq10a, eq10b or eq13 against SymPy's independent differentiation of the
    written-out cell; the evidence also says whether symrnn's own chain-rule derivation
    equals it in gate notation."""
    cell, term, statement = DERIVED[eq]
    d = article_derivative(cell)
    if term is None:
        direct, gate_form = d.direct(), d.expr
    else:
        coeff, gate = term
        lhs = d.wrt if coeff == "c_{t-1}" else t_sym(coeff)
        direct = lhs * _partial(cell, gate)
        gate_form = next(t for t in d.terms if t.via == t_sym(gate)).expr
    return compare_printed(printed(eq) if form is None else form, direct, d.expand,
                           statement, gate_form=gate_form)


def check_eq8() -> Verdict:
    """(8): the product rule for c_t = f_t c_{t-1} + i_t ĉ_t on the c-path."""
    d = article_derivative("lstm")
    c1 = d.wrt
    f, i, chat = t_sym("f"), t_sym("i"), t_sym("chat")
    # (8) as printed, each ∂·/∂c_{t-1} taken by SymPy's diff of the written-out gate
    form = f + c1 * _partial("lstm", "f") + chat * _partial("lstm", "i") + i * _partial("lstm", "chat")
    parts = {
        "printed (8) = d c_t/d c_{t-1}": check_identity(d.expand(form), d.direct()),
        "symrnn's chain rule = d c_t/d c_{t-1}": check_identity(d.expand(d.expr), d.direct()),
    }
    return combine(parts, "∂c_t/∂c_{t-1} = f_t + c_{t-1}∂f_t/∂c_{t-1} + ĉ_t∂i_t/∂c_{t-1} + "
                   "i_t∂ĉ_t/∂c_{t-1}, with h_{t-1} = o_{t-1} tanh c_{t-1} (1-D)",
                   "check_identity against SymPy's diff of the written-out c_t",
                   extra={"terms": [t.label for t in d.terms]})


EQUATION_CHECKS: dict[str, Callable[[], Verdict]] = {
    "eq1": check_eq1,
    "eq2": check_eq2,
    "eq3": check_eq3,
    "eq4a": _eq4("eq4a"),
    "eq4b": _eq4("eq4b"),
    "eq4c": _eq4("eq4c"),
    "eq4d": _eq4("eq4d"),
    "eq5": _definition("eq5"),
    "eq6": lambda: check_against_derivation("eq6"),
    "eq7": _definition("eq7"),
    "eq8": check_eq8,
    "eq9": lambda: check_against_derivation("eq9"),
    "eq10a": lambda: check_against_derivation("eq10a"),
    "eq10b": lambda: check_against_derivation("eq10b"),
    "eq11": _definition("eq11"),
    "eq12": _definition("eq12"),
    "eq13": lambda: check_against_derivation("eq13"),
    "eq14": _definition("eq14"),
}
