r"""Matrix-form Jacobians, written the way papers write them, for every catalog cell.

In n dimensions every block of a cell's one-step Jacobian is a sum of products of diagonal
matrices :math:`\operatorname{diag}(e)` of elementwise expressions (gates, states) and
parameter matrices :math:`U_*`. The forms below are typed once, by hand, in the grouped
style of the literature — they are *not* copied from :func:`symrnn.derivation.derive`;
:mod:`symrnn.ndim.dimension_free` proves each equal to the elementwise Jacobian for every
n, and :mod:`symrnn.ndim.elementwise` checks them entry by entry for explicit n. E.g.

* eq (6): :math:`\partial h_t/\partial h_{t-1} = \operatorname{diag}(1 - h_t^2)\,U`;
* eq (8)–(10), the LSTM's c-path (:math:`h_{t-1} = o_{t-1}\circ\tanh c_{t-1}`):

  .. math::

      \frac{\partial c_t}{\partial c_{t-1}} = \operatorname{diag}(f_t)
        + \Big[\operatorname{diag}(c_{t-1}\circ f_t\circ(1-f_t))\,U_f
        + \operatorname{diag}(\hat c_t\circ i_t\circ(1-i_t))\,U_i
        + \operatorname{diag}(i_t\circ(1-\hat c_t^2))\,U_c\Big]
          \operatorname{diag}(o_{t-1}\circ(1-\tanh^2 c_{t-1}));

* eq (13), the GRU: :math:`\operatorname{diag}(1-z_t) + \operatorname{diag}(z_t(1-z_t)
  (\hat h_t - h_{t-1}))U_z + \operatorname{diag}(z_t(1-\hat h_t^2))\,U_h\,
  [\operatorname{diag}(r_t) + \operatorname{diag}(h_{t-1} r_t (1-r_t))\,U_r]`.

The value of a form at a generic entry (k, l) is a sum of *paths*
:math:`\sum_{j_1..j_m} e_0(k)\,A_1[k,j_1]\,e_1(j_1)\cdots A_m[j_{m-1},l]\,e_m(l)`
(:class:`Path`), the normal form both proofs compare.

>>> from symrnn.ndim import matrix_form
>>> print(matrix_form("rnn"))
dh_t/dh_{t-1} = diag(1 - h_t**2) U

References
----------
Su Jianlin, "也来谈谈RNN的梯度消失/爆炸问题", PaperWeekly, 2020-11-30, eq (6), (8)–(10), (13).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product as _cartesian

import sympy

from .._errors import InvalidArgumentError, UnknownCellError
from ..cells import cell_names, get_cell
from ..cells._base import prev_sym, t_sym
from ..derivation import article_derivative, derive
from ..derivation.chains import Chain, Diag, Mat

__all__ = ["Path", "Form", "D", "M", "I", "Plus", "Times", "BlockForm", "matrix_form",
           "block_form", "from_chains", "FORM_KEYS", "PAPER_CELLS"]


@dataclass(frozen=True)
class Path:
    """One term of a generic entry: node expressions (1-D notation) joined by matrix edges.

    ``nodes[0]`` sits at the row index k, ``nodes[-1]`` at the column index l, the others at
    summed indices; ``edges[p] = (U, transposed)`` is ``U[.,.]`` (or ``U^T``) between nodes
    p and p + 1. No edge means the identity pattern δ_kl.
    """

    nodes: tuple[sympy.Expr, ...]
    edges: tuple[tuple[sympy.Symbol, bool], ...] = ()

    def then(self, other: "Path") -> "Path":
        joined = self.nodes[-1] * other.nodes[0]
        return Path(self.nodes[:-1] + (joined,) + other.nodes[1:], self.edges + other.edges)


class Form:
    """A matrix expression: sums and products of ``diag(e)``, ``U`` and ``I``."""

    def paths(self) -> tuple[Path, ...]:
        raise NotImplementedError

    def latex(self) -> str:
        raise NotImplementedError

    def __add__(self, other: "Form") -> "Form":
        return Plus(self, other)

    def __mul__(self, other: "Form") -> "Form":
        return Times(self, other)


@dataclass(frozen=True, eq=False)
class D(Form):
    """diag(expr) of an elementwise expression."""

    expr: sympy.Expr

    def paths(self) -> tuple[Path, ...]:
        return (Path((sympy.sympify(self.expr),)),)

    def latex(self) -> str:
        return Diag(self.expr).latex()

    def __str__(self) -> str:
        return f"diag({self.expr})"


@dataclass(frozen=True, eq=False)
class M(Form):
    """A parameter matrix, or its transpose."""

    symbol: sympy.Symbol
    transposed: bool = False

    def paths(self) -> tuple[Path, ...]:
        return (Path((sympy.S.One, sympy.S.One), ((self.symbol, self.transposed),)),)

    def latex(self) -> str:
        return sympy.latex(self.symbol) + ("^{\\top}" if self.transposed else "")

    def __str__(self) -> str:
        return f"{self.symbol}{'^T' if self.transposed else ''}"


@dataclass(frozen=True, eq=False)
class _Identity(Form):
    def paths(self) -> tuple[Path, ...]:
        return (Path((sympy.S.One,)),)

    def latex(self) -> str:
        return "I"

    def __str__(self) -> str:
        return "I"


I = _Identity()  # noqa: E741 - the identity matrix, as papers write it


class Plus(Form):
    def __init__(self, *terms: Form) -> None:
        self.terms = terms

    def paths(self) -> tuple[Path, ...]:
        return tuple(p for t in self.terms for p in t.paths())

    def latex(self) -> str:
        return " + ".join(t.latex() for t in self.terms) if self.terms else "0"

    def __str__(self) -> str:
        return " + ".join(str(t) for t in self.terms) if self.terms else "0"


class Times(Form):
    def __init__(self, *factors: Form) -> None:
        self.factors = factors

    def paths(self) -> tuple[Path, ...]:
        out: list[Path] = []
        for combo in _cartesian(*(f.paths() for f in self.factors)):
            p = combo[0]
            for q in combo[1:]:
                p = p.then(q)
            out.append(p)
        return tuple(out)

    def _wrap(self, f: Form, text: str) -> str:
        return f"({text})" if isinstance(f, Plus) and len(f.terms) > 1 else text

    def latex(self) -> str:
        return " ".join(rf"\left({f.latex()}\right)" if isinstance(f, Plus) and len(f.terms) > 1
                        else f.latex() for f in self.factors)

    def __str__(self) -> str:
        return " ".join(self._wrap(f, str(f)) for f in self.factors)


def from_chains(chains: tuple[Chain, ...]) -> Form:
    """The :class:`Form` of a sum of derivation chains (the derived, ungrouped form)."""
    terms = []
    for c in chains:
        fs = [D(f.expr) if isinstance(f, Diag) else M(f.symbol) for f in c.factors if
              isinstance(f, (Diag, Mat))]
        terms.append(Times(*fs) if fs else I)
    return Plus(*terms)


@dataclass(frozen=True)
class BlockForm:
    """One block diag(coefficient) ∂(of)/∂(wrt) in matrix form, with the substitutions it
    assumes (``coefficient`` is 1 for a Jacobian block; eq (9) has c_{t-1})."""

    cell: str
    key: str
    of: sympy.Symbol
    wrt: sympy.Symbol
    form: Form
    substitutions: tuple[tuple[sympy.Symbol, sympy.Expr], ...] = ()
    equation: str = ""
    coefficient: sympy.Expr = sympy.S.One

    def latex(self) -> str:
        lhs = rf"\frac{{\partial {sympy.latex(self.of)}}}{{\partial {sympy.latex(self.wrt)}}}"
        if self.coefficient != 1:
            lhs = D(self.coefficient).latex() + " " + lhs
        return f"{lhs} = {self.form.latex()}"

    def _repr_latex_(self) -> str:
        from .._display import display, math, text

        rows = [self.latex().replace(" = ", " &= ", 1)]
        rows += [text(f"with {k} = ") + "&" + math(v) for k, v in self.substitutions]
        return display(rows)

    def __str__(self) -> str:
        lhs = f"d{self.of}/d{self.wrt}"
        if self.coefficient != 1:
            lhs = f"diag({self.coefficient}) {lhs}"
        return f"{lhs} = {self.form}"


def _forms() -> dict[str, dict[str, tuple[Form, str]]]:
    """Every block of every cell, grouped as in the literature. Keys: ``"h/h"`` (state
    blocks), ``"article"`` (the derivative the article analyses)."""
    S, tanh, H = sympy.Symbol, sympy.tanh, sympy.Heaviside
    x, h1, c1, o1, r1 = t_sym("x"), prev_sym("h"), prev_sym("c"), prev_sym("o"), prev_sym("r")
    f, i, o, ch, c, h = (t_sym(n) for n in ("f", "i", "o", "chat", "c", "h"))
    z, r, hh, nn = (t_sym(n) for n in ("z", "r", "hhat", "n"))
    U, Uf, Ui, Uo, Uc = (M(S(n)) for n in ("U", "U_f", "U_i", "U_o", "U_c"))
    Uz, Ur, Uh = (M(S(n)) for n in ("U_z", "U_r", "U_h"))

    # LSTM (7): c = f∘c1 + i∘ĉ, h = o∘tanh(c)
    lstm_ch = D(c1 * f * (1 - f)) * Uf + D(ch * i * (1 - i)) * Ui + D(i * (1 - ch**2)) * Uc
    lstm = {
        "h/h": (D(o * (1 - o) * tanh(c)) * Uo + D(o * (1 - tanh(c) ** 2)) * lstm_ch, ""),
        "h/c": (D(o * (1 - tanh(c) ** 2) * f), ""),
        "c/h": (lstm_ch, ""),
        "c/c": (D(f), ""),
        "article": (D(f) + lstm_ch * D(o1 * (1 - tanh(c1) ** 2)), "eq8"),
    }
    # GRU (11), (13): h = (1 - z)∘h1 + z∘ĥ, ĥ = tanh(W_h x + U_h (r∘h1) + b_h)
    gru_hh = (D(1 - z) + D(z * (1 - z) * (hh - h1)) * Uz
              + D(z * (1 - hh**2)) * Uh * (D(r) + D(h1 * r * (1 - r)) * Ur))
    mgu_hh = (D(1 - r) + D(r * (1 - r) * (hh - h1)) * Ur
              + D(r * (1 - hh**2)) * Uh * (D(r) + D(h1 * r * (1 - r)) * Ur))
    # PyTorch: h = (1 - z)∘n + z∘h1, n = tanh(W_h x + b_h + r∘(U_h h1 + bu_h))
    torch_hh = (D(z) + D(z * (1 - z) * (h1 - nn)) * Uz
                + D((1 - z) * (1 - nn**2))
                * (D(r) * Uh + D((S("U_h") * h1 + S("bu_h")) * r * (1 - r)) * Ur))
    # eq (14): c = (1 - z)∘c1 + z∘ĉ, h = r∘c
    var_ch = D(z * (1 - z) * (ch - c1)) * Uz + D(z * (1 - ch**2)) * Uh
    variant = {
        "h/h": (D(c * r * (1 - r)) * Ur + D(r) * var_ch, ""),
        "h/c": (D(r * (1 - z)), ""),
        "c/h": (var_ch, ""),
        "c/c": (D(1 - z), ""),
        "article": (D(1 - z) + var_ch * D(r1), ""),
    }
    relu_hh = D(H(S("W") * x + S("U") * h1 + S("b"))) * U
    single = {
        "rnn": (D(1 - h**2) * U, "eq6"),
        "relu_rnn": (relu_hh, ""),
        "gru": (gru_hh, "eq13"),
        "mgu": (mgu_hh, ""),
        "gru_torch": (torch_hh, ""),
    }
    out: dict[str, dict[str, tuple[Form, str]]] = {
        name: {"h/h": form, "article": form} for name, form in single.items()}
    out["lstm"] = lstm
    out["variant"] = variant
    return out


_FORMS = _forms()


def _keys(cell: str) -> tuple[str, ...]:
    if cell in _FORMS:
        return tuple(_FORMS[cell])
    states = get_cell(cell).state_names
    return tuple(f"{o}/{i}" for o in states for i in states) + ("article",)


#: The block keys of each catalog cell: ``"h/h"`` … and ``"article"``. Cells beyond the
#: article's seven (added to the catalog later) have no hand-written paper form; their
#: matrix form is the derived chains of :func:`symrnn.derivation.derive`.
FORM_KEYS: dict[str, tuple[str, ...]] = {c: _keys(c) for c in cell_names()}

#: Cells whose matrix forms are typed by hand in the paper style (the rest are derived).
PAPER_CELLS: tuple[str, ...] = tuple(_FORMS)


def _check_key(cell: str, key: str) -> None:
    keys = FORM_KEYS.get(cell) or (_keys(cell) if cell in cell_names() else None)
    if keys is None:
        raise UnknownCellError(f"cell={cell!r} has no matrix form; known cells: "
                               f"{', '.join(cell_names())}")
    if key not in keys:
        raise InvalidArgumentError(
            f"key={key!r} is not a block of cell {cell!r}; use one of {keys} "
            "('of/wrt' state blocks, 'article' for the derivative the article analyses)")


def matrix_form(cell: str, key: str = "article") -> BlockForm:
    """The paper-style matrix form of one block of ``cell``'s one-step Jacobian.

    Arguments:
        cell: a catalog name (``"lstm"``).
        key: ``"h/h"``, ``"h/c"``, ``"c/h"``, ``"c/c"`` (state blocks: new/previous), or
            ``"article"``: the derivative the article analyses (eq 6, 8, 13; the c-path of
            the LSTM and of eq 14, with h_{t-1} = o_{t-1}∘tanh c_{t-1}, resp. r_{t-1}∘c_{t-1}).

    Returns:
        A :class:`BlockForm`; ``str`` and ``.latex()`` print it, ``.form.paths()`` gives
        its generic-entry normal form.
    """
    name = get_cell(cell).name if not isinstance(cell, str) else cell
    _check_key(name, key)
    if name not in _FORMS:
        return block_form(name, key)
    form, eq = _FORMS[name][key]
    if key == "article":
        d = article_derivative(name)
        return BlockForm(name, key, d.of, d.wrt, form, tuple(d.substitutions.items()), eq)
    out, inp = key.split("/")
    return BlockForm(name, key, t_sym(out), prev_sym(inp), form, (), eq)


def block_form(cell: str, key: str) -> BlockForm:
    """The *derived* form of the same block (:func:`symrnn.derivation.derive`'s chains)."""
    _check_key(cell, key)
    if key == "article":
        d = article_derivative(cell)
        return BlockForm(cell, key, d.of, d.wrt, from_chains(d.chains),
                         tuple(d.substitutions.items()), d.equation)
    out, inp = key.split("/")
    return BlockForm(cell, key, t_sym(out), prev_sym(inp), from_chains(derive(cell).blocks[(out, inp)]))

