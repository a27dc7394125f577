r"""State-range invariants: GRU's h_t stays in [-1, 1]; the LSTM's c_t does not stay bounded.

The tool is one exact lemma.

**Vertex lemma.** A polynomial of degree at most 1 in each of its variables (multilinear)
attains its minimum and maximum over a box at vertices of the box. (Fix all variables but
one: the polynomial is affine in it, so it is extremal at an end; induct.)

* *gru-h-bounded*: the GRU update (11) :math:`h_t = (1-z_t)h_{t-1} + z_t\hat h_t`, the
  single-gate (12) :math:`h_t = (1-r_t)h_{t-1} + r_t\hat h_t`, PyTorch's
  :math:`h_t = (1-z_t)n_t + z_t h_{t-1}`, and eq (14)'s
  :math:`c_t = (1-z_t)c_{t-1} + z_t\hat c_t`, :math:`h_t = r_t c_t`, are multilinear; over
  the closed box (gates in [0, 1], tanh outputs and the previous state in [-1, 1]) their
  vertex values lie in [-1, 1]. By induction, :math:`|h_0| \le 1 \Rightarrow |h_t| \le 1`
  for all t (and eq (14): :math:`|c_0| \le 1 \Rightarrow |c_t|, |h_t| \le 1`).
* *lstm-c-unbounded*: :math:`c_t = f_t c_{t-1} + i_t\hat c_t` is multilinear; over
  :math:`|c_{t-1}| \le M` its vertex maximum is M + 1, at :math:`f = i = \hat c = 1`, which
  no admissible gate reaches: :math:`|c_t| < |c_{t-1}| + 1`, so :math:`|c_t| < |c_0| + t`.
  This is tight — with W = U = 0 and all biases β, :math:`c_t \to c_0 + t` as β → ∞ — so no
  bound uniform in t exists. With *fixed* weights it still diverges on unbounded input:
  :math:`W_f = W_i = W_c = 1`, U = b = 0, :math:`x_t = t`, :math:`c_0 = 0` give
  :math:`c_t \ge (\sigma(1)\tanh 1 - e^{-2})\,t > 0.42\,t` (each step adds at least
  :math:`\sigma(t)\tanh t - \sigma(-t)c_{t-1} \ge \sigma(1)\tanh 1 - (t-1)e^{-t}`, and
  :math:`(t-1)e^{-t} \le e^{-2}`). With fixed weights and bounded inputs,
  :math:`f_t \le f_{\max} < 1` and :math:`|c_t| \le |c_0| + 1/(1 - f_{\max})`.

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (7), (11), (12),
(14) and §5.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Any

import sympy
from flint import arb

from .._errors import InvalidArgumentError, LimitError
from .._limits import MAX_VERTEX_VARIABLES
from ..cells import get_cell
from ..cells._base import Cell, prev_sym, t_sym
from ..verify.arb import working_precision
from ..verify.verdict import Verdict
from ._interval import ball_str, lower_str, upper_str

__all__ = ["multilinear_range", "state_update", "check_gru_h_bounded",
           "check_lstm_c_unbounded", "lstm_c_family", "STATEMENTS"]

STATEMENTS = {
    "gru-h-bounded": (
        "For eq11 (GRU), eq12 (single-gate GRU) and PyTorch's GRU: if |h_0| <= 1 then "
        "|h_t| <= 1 for every t and every parameter and input sequence. For eq14: if |c_0| <= 1 "
        "then |c_t| <= 1 and |h_t| = |r_t c_t| <= 1 for every t."
    ),
    "lstm-c-unbounded": (
        "For eq7 (LSTM): |c_t| < |c_0| + t for every t >= 1, parameters and inputs, and this is "
        "tight (sup over parameters of |c_t| = |c_0| + t, approached by W = U = 0, biases -> inf, "
        "not attained); so no bound uniform in t exists. A fixed-weight LSTM (W_f = W_i = W_c = 1, "
        "U = b = 0) with inputs x_t = t has c_t >= 0.42 t -> inf. With fixed weights and bounded "
        "inputs c_t stays bounded (|c_t| <= |c_0| + 1/(1 - f_max))."
    ),
}


def multilinear_range(
    expr: sympy.Expr, box: Mapping[sympy.Symbol, tuple[sympy.Expr, sympy.Expr]]
) -> tuple[sympy.Expr, sympy.Expr]:
    """The exact ``(min, max)`` of a multilinear ``expr`` over the closed ``box``.

    Raises :class:`InvalidArgumentError` if ``expr`` has degree > 1 in a variable or a free
    symbol without a range, or a range is inverted.
    """
    expr = sympy.expand(expr)
    missing = expr.free_symbols - set(box)
    if missing:
        raise InvalidArgumentError(
            f"expr={expr} has symbols {sorted(map(str, missing))} without a range in box; "
            "give each free symbol a (lo, hi) range"
        )
    if not expr.is_polynomial(*box):
        raise InvalidArgumentError(
            f"expr={expr} is not a polynomial in {', '.join(map(str, box))}; the vertex lemma "
            "needs a multilinear polynomial")
    if len(box) > MAX_VERTEX_VARIABLES:
        raise LimitError(f"expr={expr} has {len(box)} variables, over the limit "
                         f"max_vertex_variables={MAX_VERTEX_VARIABLES} of the vertex lemma "
                         f"(2**{len(box)} vertices)")
    for s, (lo, hi) in box.items():
        if sympy.sympify(lo) > sympy.sympify(hi):
            raise InvalidArgumentError(f"Cannot have {s}=[{lo}, {hi}]: lo > hi; swap them")
        if sympy.degree(expr, s) > 1:
            raise InvalidArgumentError(
                f"expr={expr} has degree {sympy.degree(expr, s)} in {s}; the vertex lemma "
                "needs degree <= 1 in every variable"
            )
    syms = list(box)
    values = [expr.subs(dict(zip(syms, v)))
              for v in itertools.product(*(box[s] for s in syms))]
    return sympy.Min(*values), sympy.Max(*values)


def state_update(cell: str | Cell, state: str) -> sympy.Expr:
    """The cell's definition of ``state_t`` written in gates and previous states only."""
    c = get_cell(cell)
    target = t_sym(state)
    defs = dict(c.definitions)
    if target not in defs:
        raise InvalidArgumentError(f"cell {c.name!r} has no state {state!r}")
    expr = defs[target]
    gates = set(c.gates)
    # substitute only new states (e.g. eq14's h_t = r_t c_t), never gates
    for s, e in c.definitions:
        if s != target and s not in gates and s in expr.free_symbols:
            expr = expr.subs(s, e)
    return expr


def _ranges(cell: Cell) -> dict[sympy.Symbol, tuple[int, int]]:
    """Closed ranges: sigmoid gates in [0, 1], tanh outputs and previous states in [-1, 1]."""
    out: dict[sympy.Symbol, tuple[int, int]] = {}
    for g, e in cell.definitions:
        if g in cell.gates:
            is_sigmoid = type(e).__name__ == "sigmoid"
            out[g] = (0, 1) if is_sigmoid else (-1, 1)
    for st in cell.states:
        out[prev_sym(st.name)] = (-1, 1)
    return out


def check_gru_h_bounded() -> Verdict:
    """Exact check of *gru-h-bounded* (and eq14's c_t) by the vertex lemma."""
    rows: dict[str, Any] = {}
    ok = True
    for name, state in (("gru", "h"), ("mgu", "h"), ("gru_torch", "h"),
                        ("variant", "c"), ("variant", "h")):
        cell = get_cell(name)
        upd = state_update(cell, state)
        rng = {s: r for s, r in _ranges(cell).items() if s in upd.free_symbols}
        lo, hi = multilinear_range(upd, rng)
        inside = bool(lo >= -1 and hi <= 1)
        ok &= inside
        rows[f"{name}:{state}_t"] = {"update": str(upd), "box": {str(k): list(v) for k, v in
                                                                 rng.items()},
                                     "range": [str(lo), str(hi)], "within_[-1,1]": inside}
    return Verdict(
        "proved" if ok else "unknown",
        "vertex lemma (multilinear update, exact vertex values) + induction on t",
        evidence={"updates": rows,
                  "induction": "|state_{t-1}| <= 1 and the update's range over the closed box "
                               "is within [-1, 1] => |state_t| <= 1"},
        statement=STATEMENTS["gru-h-bounded"],
    )


def lstm_c_family(beta: int, steps: int, c0: int = 0, bits: int = 256) -> arb:
    """c_t of eq7 with W = U = 0 and every bias ``beta`` (x irrelevant), in ball arithmetic."""
    with working_precision(bits):
        b = arb(beta)
        s = 1 / (1 + (-b).exp())
        cc = arb(c0)
        for _ in range(steps):
            cc = s * cc + s * b.tanh()
        return cc + 0  # a copy at this precision


def check_lstm_c_unbounded(beta: int = 40, steps: int = 10) -> Verdict:
    """Exact growth bound, a family approaching it, and a fixed-weight divergence."""
    cell = get_cell("lstm")
    upd = state_update(cell, "c")
    M = sympy.Symbol("M", positive=True)
    f, i, c_hat, c_prev = t_sym("f"), t_sym("i"), t_sym("chat"), prev_sym("c")
    lo, hi = multilinear_range(upd, {f: (0, 1), i: (0, 1), c_hat: (-1, 1), c_prev: (-M, M)})
    growth_ok = sympy.simplify(hi - (M + 1)) == 0 and sympy.simplify(lo + (M + 1)) == 0
    fam = lstm_c_family(beta, steps)
    near = bool(fam > steps - arb(10) ** -12 and fam < steps)
    with working_precision(128):
        kappa = (1 / (1 + arb(-1).exp())) * arb(1).tanh() - arb(-2).exp()
        rate_ok = bool(kappa > arb("0.42"))
        # the fixed-weight run itself, as a consistency check of the induction
        cc = arb(0)
        for t in range(1, 51):
            st = 1 / (1 + arb(-t).exp())
            cc = st * cc + st * arb(t).tanh()
        run_ok = bool(cc > arb("0.42") * 50)
    ok = growth_ok and near and rate_ok and run_ok
    return Verdict(
        "proved" if ok else "unknown",
        "vertex lemma (|c_t| < |c_{t-1}| + 1, exact) + approaching family + divergence "
        "witness in ball arithmetic",
        evidence={
            "update": str(upd),
            "one_step_range_given_|c_{t-1}|<=M": [str(lo), str(hi)],
            "growth_bound": "|c_t| < |c_0| + t (vertex f = i = chat = 1 not admissible)",
            "family": {"W": "0", "U": "0", "b_f=b_i=b_c": str(beta), "t": steps,
                       "c_t": ball_str(fam), "c_t_lower": lower_str(fam, 30),
                       "gap_to_t_upper": upper_str(steps - fam, 30)},
            "fixed_weight_divergence": {
                "weights": "W_f = W_i = W_c = 1, U = 0, b = 0, x_t = t, c_0 = 0",
                "rate": "sigma(1) tanh(1) - e^-2", "rate_lower": lower_str(kappa),
                "c_50": ball_str(cc), "c_t >= 0.42 t": run_ok,
            },
        },
        statement=STATEMENTS["lstm-c-unbounded"],
    )
