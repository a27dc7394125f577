r"""Exact counterexample families for the n-dimensional claims (n = 2 suffices; embed in
any n ≥ 2 by padding with zeros).

Each family gives exact rational matrices and vectors (and, where a bias must invert
tanh, an exact closed form such as atanh(12/13) = ln 5), the Jacobian they produce, and an
exact lower bound of its spectral norm from a rational test vector v:
:math:`\|A\|_2^2 \ge |Av|^2/|v|^2`. Every family is re-checked *independently of the
matrix forms*: the elementwise Jacobian is SymPy's ``diff`` of the written-out cell at
n = 2 (:func:`symrnn.ndim.elementwise.derived_matrix`), evaluated in Arb ball arithmetic
at the family's point, and each ball must contain the exact claimed entry.

* :func:`rnn_null_direction` — tanh RNN, :math:`h_{t-1} = e_1`, :math:`U = M e_2 e_2^\top`:
  :math:`J = U`, :math:`\|J\|_2 = M` (tanh-bounded-in-U fails for n ≥ 2);
* :func:`relu_scaled_identity` — relu RNN, U = M I, :math:`h_{t-1} = (1, 1)`: J = M I;
* :func:`clipped_ones` — tanh RNN at h = 0, U = all-ones (entries in [−1, 1]):
  :math:`J^m = 2^{m-1}U`, :math:`\|J^m\|_2 = 2^m`;
* :func:`nilpotent` — tanh RNN at h = 0, U = [[0, 2], [0, 0]]: ‖J‖₂ = 2 every step, J² = 0;
* :func:`lstm_split_cell` — LSTM c-path with :math:`c_{t-1} = (C, 0)`: eq (9)'s term is
  [[0, C/8], [0, 0]], unbounded in C while ‖U_f‖₂ = 1;
* :func:`pascanu_fixed_point` — tanh RNN, :math:`U = [[3/2, 2], [-1, -3/2]]` (U² = I/4,
  spectral radius 1/2), fixed point :math:`h^* = (0, 12/13)`: J has an eigenvalue > 13/10.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import sympy
from flint import arb

from ..verify.arb import working_precision
from ..verify.lemmas import identically_zero
from .elementwise import _ball, derived_matrix
from .matrix_form import matrix_form

__all__ = ["rnn_null_direction", "relu_scaled_identity", "clipped_ones", "nilpotent",
           "lstm_split_cell", "pascanu_fixed_point", "norm_lower_sq", "mat_json"]

Q = sympy.Rational


def mat_json(A: sympy.Matrix) -> list[list[str]]:
    """Exact entries as strings (``"3/2"``)."""
    return [[str(A[i, j]) for j in range(A.cols)] for i in range(A.rows)]


def norm_lower_sq(A: sympy.Matrix, v: sympy.Matrix) -> sympy.Rational:
    """|Av|²/|v|², an exact lower bound of ‖A‖₂²."""
    Av = A * v
    return sympy.nsimplify((Av.T * Av)[0, 0] / (v.T * v)[0, 0])


@lru_cache(maxsize=None)
def _derived(cell: str, key: str) -> tuple[tuple[sympy.Expr, ...], ...]:
    return tuple(tuple(r) for r in derived_matrix(matrix_form(cell, key), 2,
                                                  gate_notation=False))


def arb_check(cell: str, key: str, point: dict[str, Any], expected: sympy.Matrix
              ) -> dict[str, Any]:
    """Arb enclosures of the elementwise Jacobian (SymPy diff, n = 2) at ``point``; ``ok``
    if every ball contains the exact expected entry."""
    values = {sympy.Symbol(k): (v if isinstance(v, arb) else sympy.sympify(v))
              for k, v in point.items()}
    rows, ok = [], True
    with working_precision(256):
        for i, row in enumerate(_derived(cell, key)):
            out = []
            for j, e in enumerate(row):
                missing = e.free_symbols - set(values)
                ball = _ball(e.xreplace({s: 0 for s in missing}), values)
                target = arb(sympy.Rational(expected[i, j]).p) / sympy.Rational(expected[i, j]).q
                ok &= bool(ball.overlaps(target)) and ball.rad() < arb("1e-30")
                out.append(ball.str(radius=True))
            rows.append(out)
    return {"arb_enclosures": rows, "contains_exact": bool(ok)}


def rnn_null_direction(M: int | sympy.Rational) -> dict[str, Any]:
    """tanh RNN, n = 2: h_{t-1} = (1, 0), W x + b = 0, U = [[0, 0], [0, M]]: U h_{t-1} = 0,
    so h_t = 0 and J = diag(1 − h_t²) U = U with ‖J‖₂ = M."""
    M = Q(M)
    U = sympy.Matrix([[0, 0], [0, M]])
    J = U
    point = {"U[1,1]": 0, "U[1,2]": 0, "U[2,1]": 0, "U[2,2]": M, "h_{t-1}[1]": 1,
             "h_{t-1}[2]": 0, "x_t[1]": 0}
    bound = norm_lower_sq(J, sympy.Matrix([0, 1]))
    return {"n": 2, "U": mat_json(U), "h_{t-1}": ["1", "0"], "W x_t + b": ["0", "0"],
            "J": mat_json(J), "norm_lower_sq": str(bound), "v": ["0", "1"],
            "holds": bool(bound >= M**2), **arb_check("rnn", "h/h", point, J)}


def relu_scaled_identity(M: int | sympy.Rational) -> dict[str, Any]:
    """relu RNN, n = 2: U = M I, h_{t-1} = (1, 1), W x + b = 0: pre-activations M > 0, so
    J = U = M I and ‖J‖₂ = M."""
    M = Q(M)
    U = M * sympy.eye(2)
    point = {"U[1,1]": M, "U[1,2]": 0, "U[2,1]": 0, "U[2,2]": M, "h_{t-1}[1]": 1,
             "h_{t-1}[2]": 1, "x_t[1]": 0}
    bound = norm_lower_sq(U, sympy.Matrix([1, 0]))
    return {"n": 2, "U": mat_json(U), "h_{t-1}": ["1", "1"], "J": mat_json(U),
            "norm_lower_sq": str(bound), "holds": bool(bound >= M**2),
            **arb_check("relu_rnn", "h/h", point, U)}


def clipped_ones(m: int) -> dict[str, Any]:
    """tanh RNN, n = 2, U = [[1, 1], [1, 1]] (every entry clipped into [−1, 1]), h_0 = 0,
    W x + b = 0: h_t = 0 for all t, J_t = U, J_m ⋯ J_1 = U^m = 2^(m−1) U, ‖U^m‖₂ = 2^m."""
    U = sympy.ones(2, 2)
    P = U**m
    point = {f"U[{i},{j}]": 1 for i in (1, 2) for j in (1, 2)} | {
        "h_{t-1}[1]": 0, "h_{t-1}[2]": 0, "x_t[1]": 0}
    bound = norm_lower_sq(P, sympy.Matrix([1, 1]))
    return {"n": 2, "U": mat_json(U), "h_0": ["0", "0"], "steps": m,
            "product": mat_json(P), "product_equals_2^(m-1)U": P == 2 ** (m - 1) * U,
            "norm_lower_sq": str(bound), "holds": bool(bound >= 4**m) and P == 2 ** (m - 1) * U,
            **arb_check("rnn", "h/h", point, U)}


def nilpotent() -> dict[str, Any]:
    """tanh RNN, n = 2, U = [[0, 2], [0, 0]], h_0 = 0, W x + b = 0: J_t = U, ‖J_t‖₂ = 2 > 1 at
    every step, yet J_2 J_1 = U² = 0: the gradient vanishes exactly after two steps."""
    U = sympy.Matrix([[0, 2], [0, 0]])
    point = {"U[1,1]": 0, "U[1,2]": 2, "U[2,1]": 0, "U[2,2]": 0, "h_{t-1}[1]": 0,
             "h_{t-1}[2]": 0, "x_t[1]": 0}
    bound = norm_lower_sq(U, sympy.Matrix([0, 1]))
    return {"n": 2, "U": mat_json(U), "h_0": ["0", "0"], "J": mat_json(U),
            "norm_lower_sq_per_step": str(bound), "J^2": mat_json(U * U),
            "holds": bool(bound == 4) and U * U == sympy.zeros(2, 2),
            **arb_check("rnn", "h/h", point, U)}


def lstm_split_cell(C: int | sympy.Rational) -> dict[str, Any]:
    """LSTM c-path, n = 2: c_{t-1} = (C, 0), o_{t-1} = (1/2, 1/2), U_f = [[0, 1], [0, 0]],
    every other parameter and input 0. Then U_f h_{t-1} = 0, f_t = i_t = (1/2, 1/2),
    ĉ_t = 0, and ∂c_t/∂c_{t-1} = diag(f_t) + T9 with eq (9)'s term T9 = [[0, C/8], [0, 0]]:
    the row factor c_{t-1}[1] = C meets the column factor 1 − tanh² c_{t-1}[2] = 1."""
    C = Q(C)
    Uf = sympy.Matrix([[0, 1], [0, 0]])
    T9 = sympy.Matrix([[0, C / 8], [0, 0]])
    J = sympy.diag(Q(1, 2), Q(1, 2)) + T9
    point = {"U_f[1,2]": 1, "c_{t-1}[1]": C, "c_{t-1}[2]": 0, "o_{t-1}[1]": Q(1, 2),
             "o_{t-1}[2]": Q(1, 2)}
    bound = norm_lower_sq(T9, sympy.Matrix([0, 1]))
    return {"n": 2, "c_{t-1}": [str(C), "0"], "o_{t-1}": ["1/2", "1/2"], "U_f": mat_json(Uf),
            "U_i": "0", "U_c": "0", "f_t": ["1/2", "1/2"], "term_eq9": mat_json(T9),
            "dc_t/dc_{t-1}": mat_json(J), "norm_term_eq9_lower_sq": str(bound),
            "norm_U_f": "1", "holds": bool(bound == C**2 / 64),
            **arb_check("lstm", "article", point, J)}


def pascanu_fixed_point() -> dict[str, Any]:
    """tanh RNN, n = 2, U = [[3/2, 2], [−1, −3/2]] (U² = I/4: spectral radius 1/2 < 1 = 1/γ),
    W = 0, b = (−24/13, ln 5 + 18/13): h* = (0, 12/13) is a fixed point (tanh(ln 5) = 12/13),
    and J = diag(1 − h*²) U = diag(1, 25/169) U has characteristic polynomial p with
    p(13/10) < 0, so an eigenvalue λ > 13/10 and ‖J^T‖₂ ≥ λ^T → ∞."""
    U = sympy.Matrix([[Q(3, 2), 2], [-1, Q(-3, 2)]])
    hstar = sympy.Matrix([0, Q(12, 13)])
    J = sympy.diag(1, 1 - hstar[1] ** 2) * U
    lam = sympy.Symbol("lambda")
    p = (J - lam * sympy.eye(2)).det()
    b = sympy.Matrix([0, sympy.log(5)]) - U * hstar
    fixed = identically_zero(sympy.tanh(sympy.log(5)) - Q(12, 13))
    with working_precision(256):
        ln5 = arb(5).log()
        b_arb = [arb(-24) / 13, ln5 + arb(18) / 13]
        pre = [arb(0), ln5]  # U h* + b
        h_new = [x.tanh() for x in pre]
        fixed &= all(h.overlaps(arb(int(v.p)) / int(v.q)) for h, v in zip(h_new, hstar))
    point: dict[str, Any] = {"U[1,1]": Q(3, 2), "U[1,2]": 2, "U[2,1]": -1, "U[2,2]": Q(-3, 2),
                             "h_{t-1}[1]": 0, "h_{t-1}[2]": Q(12, 13), "x_t[1]": 0,
                             "b[1]": b_arb[0], "b[2]": b_arb[1]}
    T = 50
    power = J**T
    bound = norm_lower_sq(power, sympy.Matrix([1, 0]))
    return {"n": 2, "U": mat_json(U), "U^2": mat_json(U * U), "spectral_radius_U": "1/2",
            "W": "0", "b": [str(b[0]), str(b[1])], "h*": ["0", "12/13"],
            "fixed_point": bool(fixed), "J": mat_json(J), "char_poly": str(sympy.expand(p)),
            "p(1)": str(p.subs(lam, 1)), "p(13/10)": str(p.subs(lam, Q(13, 10))),
            "eigenvalues": [str(e) for e in J.eigenvals()],
            "T": T, "norm_J^T_lower_sq": str(bound),
            "(13/10)^(2T)": str(Q(13, 10) ** (2 * T)),
            "holds": bool(U * U == sympy.eye(2) / 4 and p.subs(lam, Q(13, 10)) < 0
                          and fixed and bound >= Q(13, 10) ** (2 * T)),
            **arb_check("rnn", "h/h", point, J)}
