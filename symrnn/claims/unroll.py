r"""Equations (2) and (3), checked on concrete cells unrolled over a few steps.

(2)  dh_t/dθ = (∂h_t/∂h_{t-1}) (dh_{t-1}/dθ) + ∂h_t/∂θ

(3)  dh_t/dθ = ∂h_t/∂θ + (∂h_t/∂h_{t-1})(∂h_{t-1}/∂θ)
              + (∂h_t/∂h_{t-1})(∂h_{t-1}/∂h_{t-2})(∂h_{t-2}/∂h_{t-2})(∂h_{t-2}/∂θ) + …

Here ``h_k = F(x_k, h_{k-1}; θ)`` is written out symbolically from ``h_0`` (independent of
θ) for T steps. The total derivative dh_T/dθ is taken node by node through the whole
written-out h_T (:func:`forward_derivative`: the sum, product and power rules, (4c) and
(4d), with no time steps in sight; cross-checked against SymPy's ``diff`` at T = 1), and
the partials on the right-hand sides are SymPy's ``diff`` of the one-step map F evaluated
along the trajectory. The printed
(3) carries a factor ∂h_{t-2}/∂h_{t-2}, which is identically 1: an erratum that does not
change the mathematics (recorded with the claim in :data:`symrnn.claims.ERRATA`).
"""

from __future__ import annotations

from functools import lru_cache

import sympy

from ..cells import get_cell
from ..derivation.forward import forward_derivative
from ..verify.identity import check_identity
from ..verify.verdict import Status, Verdict

__all__ = ["Unrolled", "unrolled", "check_eq2", "check_eq3", "printed_series"]

#: (cell, steps) on which (2) and (3) are checked.
UNROLL_CASES: tuple[tuple[str, int], ...] = (("rnn", 3), ("mgu", 2), ("gru", 2))


class Unrolled:
    """A single-state cell written out over ``steps`` steps from a symbolic h_0."""

    def __init__(self, cell: str, steps: int) -> None:
        self.cell = get_cell(cell)
        if len(self.cell.states) != 1:
            raise ValueError(f"cell={cell!r} has {len(self.cell.states)} states; (2) and "
                             "(3) are stated for one scalar state")
        st = self.cell.states[0]
        self.h_sym, self.F = st.prev, self.cell.expanded(st.new)
        self.xs = [sympy.Symbol(f"x_{k}") for k in range(1, steps + 1)]
        self._totals: dict[tuple[int, sympy.Symbol], sympy.Expr] = {}
        self._partials: dict[sympy.Symbol, sympy.Expr] = {}
        self.h = [sympy.Symbol("h_0")]
        for x in self.xs:
            self.h.append(self.at(self.F, len(self.h)))

    def at(self, expr: sympy.Expr, k: int) -> sympy.Expr:
        """``expr`` (in x_t, h_{t-1}) evaluated at step k: x_t → x_k, h_{t-1} → h_{k-1},
        substituted without re-simplifying (SymPy's evaluation of a nested cell is slow
        and changes nothing the exact checker needs)."""
        mapping = {self.cell.x: self.xs[k - 1], self.h_sym: self.h[k - 1]}
        memo: dict[sympy.Basic, sympy.Basic] = {}

        def sub(e: sympy.Basic) -> sympy.Basic:
            if e in mapping:
                return mapping[e]
            if not e.args:
                return e
            hit = memo.get(e)
            if hit is None:
                hit = memo[e] = e.func(*map(sub, e.args), evaluate=False)
            return hit

        return sub(expr)

    def _partial(self, wrt: sympy.Symbol) -> sympy.Expr:
        """∂F/∂wrt of the one-step map, by SymPy's diff (once per variable)."""
        if wrt not in self._partials:
            self._partials[wrt] = sympy.diff(self.F, wrt)
        return self._partials[wrt]

    def dh_dprev(self, k: int) -> sympy.Expr:
        """∂h_k/∂h_{k-1}."""
        return self.at(self._partial(self.h_sym), k)

    def dh_dtheta(self, k: int, theta: sympy.Symbol) -> sympy.Expr:
        """∂h_k/∂θ, holding h_{k-1} fixed."""
        return self.at(self._partial(theta), k)

    def total(self, k: int, theta: sympy.Symbol) -> sympy.Expr:
        """dh_k/dθ of the written-out h_k (:func:`forward_derivative`)."""
        key = (k, theta)
        if key not in self._totals:
            self._totals[key] = forward_derivative(self.h[k], theta)
        return self._totals[key]


@lru_cache(maxsize=None)
def unrolled(cell: str, steps: int) -> Unrolled:
    """A shared :class:`Unrolled` (eq2 and eq3 use the same trajectories)."""
    return Unrolled(cell, steps)


def _over_cases(rhs_of, method: str, statement: str, extra: dict | None = None) -> Verdict:
    """check_identity(dh_t/dθ, rhs_of(u, t, θ)) for every case and parameter; one verdict."""
    cases: dict[str, str] = {}
    forward: dict[str, str] = {}
    status: Status = "proved"
    witness = None
    for name, steps in UNROLL_CASES:
        u = unrolled(name, steps)
        for theta in u.cell.param_symbols:
            # the node-by-node derivative against SymPy's diff, on the one-step h_1
            base = check_identity(u.total(1, theta), u.dh_dtheta(1, theta), statement=False)
            forward[f"{name}, θ={theta}"] = base.status
            if not base.proved and status == "proved":
                status = "unknown"
            v = check_identity(u.total(steps, theta), rhs_of(u, steps, theta),
                               statement=False)
            cases[f"{name}, T={steps}, θ={theta}"] = v.status
            if v.refuted:
                status, witness = "refuted", v.witness
            elif v.status == "unknown" and status == "proved":
                status = "unknown"
    return Verdict(status, method, witness=witness,
                   evidence={"cases": cases, "forward_derivative_equals_sympy_diff_at_T=1": forward,
                             **(extra or {})}, statement=statement)


def check_eq2() -> Verdict:
    return _over_cases(
        lambda u, t, theta: u.dh_dprev(t) * u.total(t - 1, theta) + u.dh_dtheta(t, theta),
        "check_identity on cells written out over T steps",
        "dh_T/dθ = (∂h_T/∂h_{T-1}) dh_{T-1}/dθ + ∂h_T/∂θ for every parameter θ of rnn "
        "(T=3), mgu and gru (T=2)")


def printed_series(u: Unrolled, t: int, theta: sympy.Symbol) -> sympy.Expr:
    """(3) as printed: Σ_k (∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}) ∂h_k/∂θ, with the redundant
    factor ∂h_{t-2}/∂h_{t-2} (= 1) kept in its place."""
    series = sympy.S.Zero
    for k in range(t, 0, -1):
        coeff = sympy.Mul(*(u.dh_dprev(j) for j in range(k + 1, t + 1)))
        if k == t - 2:  # the printed ∂h_{t-2}/∂h_{t-2}: a variable's derivative by itself
            coeff *= sympy.diff(u.h_sym, u.h_sym)
        series += coeff * u.dh_dtheta(k, theta)
    return series


def check_eq3() -> Verdict:
    return _over_cases(
        printed_series, "check_identity of the unrolled sum against dh_t/dθ",
        "dh_t/dθ = Σ_{k=1}^{t} (∏_{j=k+1}^{t} ∂h_j/∂h_{j-1}) ∂h_k/∂θ (h_0 independent of θ), "
        "the printed (3) with its redundant factor ∂h_{t-2}/∂h_{t-2} = 1, for every parameter "
        "θ of rnn at t=3 and of mgu and gru at t=2",
        {"coefficient_of_dh1_dtheta": "product of t-1 factors ∂h_t/∂h_{t-1}···∂h_2/∂h_1"})
