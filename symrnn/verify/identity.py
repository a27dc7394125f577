"""A sound identity checker: ``check_identity(lhs, rhs)`` → proved, refuted or unknown.

* **proved** only when the exact normal form of ``lhs − rhs`` (see
  :mod:`symrnn.verify._normal_form`) is 0: the two sides agree at every real point where
  both are defined.
* **refuted** only with a witness: exact rational values of the free symbols at which a
  rigorous Arb ball evaluation of ``lhs − rhs`` (both sides finite there) excludes 0.
* **unknown** otherwise. Floating-point sampling never decides anything.

Inputs are sized before any work (:data:`symrnn._limits.IDENTITY_LIMITS`: nodes, nesting
depth, degree and terms once expanded, literal digits) and refused with a
:class:`~symrnn.LimitError` over a limit; ``timeout=`` bounds the wall-clock time. Symbols are
read as real variables: a plain ``Symbol("x")`` and ``Symbol("x", real=True)`` are the same
variable ``x``; any other assumption (``positive=True``) is refused, because SymPy applies
it while the expression is built (``sqrt(p**2)`` becomes ``p``) — even when it then drops
the symbol altogether, as in ``sqrt(p**2) - p``, which is 0 before the call: a symbol with
such assumptions among the caller's local variables (a script's top-level names) but absent
from both sides is refused too.

>>> from sympy import Symbol, tanh
>>> from symrnn import sigmoid, check_identity
>>> x = Symbol("x")
>>> check_identity(tanh(x), 2*sigmoid(2*x) - 1).status
'proved'
>>> v = check_identity(tanh(x), 2*sigmoid(2*x) + 1)
>>> v.status, v.witness is not None
('refuted', True)
"""

from __future__ import annotations

import inspect
import random
from collections.abc import Iterator
from typing import cast

import sympy
from flint import arb

from .._errors import (
    InvalidExpressionError,
    ReservedNameError,
    TimeLimitError,
    UnsupportedFunctionError,
)
from .._limits import IDENTITY_LIMITS, check_expression
from .._timeout import time_limit
from ..activations import sigmoid
from ._normal_form import normal_form_is_zero, opaque_form_is_zero
from .arb import arb_eval, working_precision
from .verdict import Verdict

__all__ = ["check_identity", "validate_expression", "RESERVED_NAMES", "find_witness"]

#: Symbol names that would read as a function or constant in printed output.
RESERVED_NAMES = frozenset(
    {"sigmoid", "sigma", "σ", "tanh", "exp", "log", "relu", "E", "e", "pi", "I", "oo", "nan", "zoo"}
)

_SUPPORTED = "+, -, *, /, powers, exp, log, tanh and sigmoid"


def _distinct_nodes(expr: sympy.Basic) -> Iterator[sympy.Basic]:
    """Every distinct sub-expression once (a walk of the DAG: unrolled cells share
    sub-expressions, and their tree is exponentially larger than the DAG)."""
    seen: set[sympy.Basic] = set()
    stack = [expr]
    while stack:
        e = stack.pop()
        if e in seen:
            continue
        seen.add(e)
        yield e
        stack.extend(e.args)


def _symbols(*exprs: sympy.Basic) -> set[sympy.Symbol]:
    """The free symbols of ``exprs``, by one walk of each DAG (SymPy's ``free_symbols``
    walks the tree, every shared sub-expression again)."""
    return {n for e in exprs for n in _distinct_nodes(e) if n.is_Symbol}


def validate_expression(expr: object, name: str = "expr") -> sympy.Expr:
    """Check that ``expr`` is a real SymPy expression the checker supports.

    Returns it with every Float replaced by its exact rational value. Raises
    :class:`InvalidExpressionError` for non-SymPy input, :class:`UnsupportedFunctionError`
    for functions outside the supported set, :class:`ReservedNameError` for symbols that
    clash with reserved names or with each other.
    """
    if isinstance(expr, bool) or not isinstance(expr, (sympy.Expr, int)):
        hint = (
            " (a string: build it with sympy.sympify(..., locals={'sigmoid': symrnn.sigmoid}))"
            if isinstance(expr, str) else ""
        )
        raise InvalidExpressionError(
            f"{name}={expr!r} of type {type(expr).__name__} is not a SymPy expression{hint}; "
            f"pass a sympy.Expr built from {_SUPPORTED}"
        )
    checked = cast(sympy.Expr, sympy.sympify(expr))  # an Expr or an int, checked above
    check_expression(checked, name, IDENTITY_LIMITS)
    by_name: dict[str, sympy.Symbol] = {}
    floats = {}
    for node in _distinct_nodes(checked):
        if node.is_Symbol:
            extra = _extra_assumptions(node)
            if extra:
                raise InvalidExpressionError(
                    f"{name} uses Symbol({node.name!r}) with assumptions {extra}, which SymPy "
                    "applies before any check (sqrt(x**2) becomes x for positive x), while "
                    f"check_identity decides for all real values: use Symbol({node.name!r}) "
                    f"or Symbol({node.name!r}, real=True)"
                )
            if node.name in RESERVED_NAMES:
                raise ReservedNameError(
                    f"{name} uses a symbol named {node.name!r}, which is reserved for a "
                    f"function or constant; rename it (e.g. Symbol('{node.name}_0'))"
                )
            other = by_name.setdefault(node.name, node)
            if other != node and not _same_variable(other, node):
                raise ReservedNameError(
                    f"{name} has two different symbols named {node.name!r} (different "
                    "assumptions); create every symbol of a name the same way"
                )
        elif node.is_Float:
            floats[node] = sympy.Rational(node)
        elif node in (sympy.E, sympy.pi) or node.is_Rational:
            continue
        elif node.is_Atom:
            raise UnsupportedFunctionError(
                f"{name} contains the constant {node}, which is not a real finite number; "
                f"use real rational numbers, E or pi"
            )
        elif isinstance(node, (sympy.Add, sympy.Mul, sympy.Pow, sympy.exp, sympy.log,
                               sympy.tanh, sigmoid)):
            continue
        elif isinstance(node, sympy.Derivative):
            raise UnsupportedFunctionError(
                f"{name} contains an unevaluated derivative {node}; call .doit() first"
            )
        else:
            fn = node.func.__name__ if isinstance(node, sympy.Basic) else type(node).__name__
            raise UnsupportedFunctionError(
                f"{name} uses {fn} (in {node}), which check_identity does not support; "
                f"supported are {_SUPPORTED}: rewrite it in those terms"
            )
    return checked.xreplace(floats) if floats else checked


def _extra_assumptions(sym: sympy.Symbol) -> dict[str, bool]:
    """The assumptions of ``sym`` beyond "a real (commutative) variable"."""
    return {k: v for k, v in getattr(sym, "_assumptions_orig", {}).items()
            if (k, v) not in (("real", True), ("commutative", True))}


def _same_variable(a: sympy.Symbol, b: sympy.Symbol) -> bool:
    """Plain ``Symbol("x")`` and ``Symbol("x", real=True)`` both mean the real variable x."""
    return (type(a) is sympy.Symbol and type(b) is sympy.Symbol and a.name == b.name
            and not _extra_assumptions(a) and not _extra_assumptions(b))


def _one_per_name(lhs: sympy.Expr, rhs: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr]:
    """When a name has both a plain and a real symbol, both sides with the real one (one
    variable per name, so a witness names each variable once). Real, not plain: SymPy
    rebuilds ``tanh(tanh(...))`` of a plain symbol in time exponential in the nesting."""
    free = _symbols(lhs, rhs)
    real_names = {s.name for s in free if type(s) is sympy.Symbol and s.is_real
                  and not _extra_assumptions(s)}
    to_real = {s: sympy.Symbol(s.name, real=True) for s in free
               if type(s) is sympy.Symbol and s.name in real_names and s.is_real is None}
    if not to_real:
        return lhs, rhs
    return lhs.xreplace(to_real), rhs.xreplace(to_real)


def _check_across(lhs: sympy.Expr, rhs: sympy.Expr) -> None:
    """Two different variables with one name (a Dummy and a Symbol) would print alike."""
    by_name: dict[str, sympy.Symbol] = {}
    for s in sorted(_symbols(lhs, rhs), key=sympy.default_sort_key):
        other = by_name.setdefault(s.name, s)
        if other != s:
            raise ReservedNameError(
                f"lhs and rhs use two different symbols named {s.name!r} ({type(other).__name__} "
                f"and {type(s).__name__}); create every symbol of a name the same way")


def _vanished_assumptions(frame: object, lhs: sympy.Expr, rhs: sympy.Expr) -> None:
    """Refuse when the caller's local variables hold a symbol with assumptions
    (``positive=True``) that occurs in neither side: SymPy may have used the assumption and
    dropped the symbol while the caller built the expression (``sqrt(p**2) - p`` is 0 before
    the call)."""
    module = getattr(frame, "f_globals", {}).get("__name__", "")
    if frame is None or module.startswith("symrnn"):  # a call from symrnn itself
        return
    present = {s.name for s in _symbols(lhs, rhs)}
    # the caller's own variables only (a script's top level: its module's), not the globals
    # of a function's module, where unrelated symbols with assumptions may well live
    for scope in (frame.f_locals,):  # type: ignore[attr-defined]
        for value in list(scope.values()):
            if isinstance(value, sympy.Symbol) and value.name not in present:
                extra = _extra_assumptions(value)
                if extra:
                    raise InvalidExpressionError(
                        f"Symbol({value.name!r}) with assumptions {extra} is defined where "
                        f"check_identity is called but occurs in neither side: SymPy may "
                        f"already have used the assumptions and dropped it (sqrt({value.name}**2)"
                        f" - {value.name} is 0 for positive {value.name}), while check_identity "
                        f"decides for all real values; build both sides from "
                        f"Symbol({value.name!r}) or Symbol({value.name!r}, real=True)")


def _more_nodes_than(expr: sympy.Basic, limit: int) -> bool:
    """Whether the tree of ``expr`` has more than ``limit`` nodes (counted up to limit + 1)."""
    count = 0
    for _ in sympy.preorder_traversal(expr):
        count += 1
        if count > limit:
            return True
    return False


def _statement(lhs: sympy.Expr, rhs: sympy.Expr, limit: int = 400) -> str:
    """``"lhs = rhs"``, or sizes only for expressions too large to print usefully."""
    if any(_more_nodes_than(e, limit) for e in (lhs, rhs)):
        return f"lhs = rhs (expressions of more than {limit} nodes; not printed)"
    try:
        # terms in SymPy's internal order: sorting them for print costs more than the check
        return f"{sympy.sstr(lhs, order='none')} = {sympy.sstr(rhs, order='none')}"
    except RecursionError:
        return "lhs = rhs (nested too deeply to print)"


def _points(symbols: list[sympy.Symbol], count: int, seed: int) -> Iterator[dict]:
    """Deterministic rational points: small and moderate values, signs mixed; every
    other point is positive (so that log and fractional powers are defined)."""
    rng = random.Random(seed)
    for k in range(count):
        point = {}
        for s in symbols:
            q = rng.choice((1, 2, 3, 4, 5, 7, 8, 9))
            p = rng.randint(1, 3 * q)
            if k % 2 == 0 and rng.random() < 0.5:
                p = -p
            point[s] = sympy.Rational(p, q)
        yield point


def find_witness(
    diff: sympy.Expr, lhs: sympy.Expr, rhs: sympy.Expr, *, points: int = 40, seed: int = 20201130
) -> tuple[dict, arb, int] | None:
    """A point where both sides are finite and ``lhs − rhs`` certainly is not 0."""
    symbols = sorted(_symbols(diff, lhs, rhs),
                     key=sympy.default_sort_key)
    for point in _points(symbols, points, seed):
        for bits in (64, 256):
            with working_precision(bits):
                try:
                    a, b = arb_eval(lhs, point), arb_eval(rhs, point)
                except ZeroDivisionError:
                    break
                if not (a.is_finite() and b.is_finite()):
                    break
                d = a - b
                if 0 not in d:
                    return point, d, bits
    return None


def check_identity(
    lhs: sympy.Expr | int, rhs: sympy.Expr | int, *, points: int = 40, seed: int = 20201130,
    timeout: float | None = None, statement: bool = True,
) -> Verdict:
    """Decide whether ``lhs == rhs`` for all real values of the free symbols.

    Arguments:
        lhs, rhs: SymPy expressions in +, −, ×, ÷, powers, exp, log, tanh and
            :class:`~symrnn.sigmoid` (or ``1/(1+exp(-x))``); Floats are taken exactly.
        points: how many rational points to try for a witness when no proof is found.
        seed: seed of the deterministic point sequence.
        timeout: seconds of wall-clock time allowed (None: no limit); past it a
            :class:`~symrnn.TimeLimitError` is raised (main thread only, see
            :mod:`symrnn._timeout`).
        statement: False leaves ``Verdict.statement`` empty instead of printing both
            sides (printing a large side costs more than checking it).

    Returns:
        A :class:`Verdict`: ``"proved"`` (exact normal form of the difference is 0),
        ``"refuted"`` with ``.witness`` (exact rationals; ``evidence["difference"]`` is
        the Arb enclosure of lhs − rhs there, which excludes 0) or ``"unknown"``.

    Raises:
        SymrnnError: an unsupported or over-limit input (:class:`~symrnn.LimitError`), a
            symbol with assumptions, or the time limit (:class:`~symrnn.TimeLimitError`).
    """
    caller = inspect.currentframe()
    caller = caller.f_back if caller is not None else None
    with time_limit(timeout, "check_identity", "timeout"):
        return _check(lhs, rhs, points, seed, caller, statement)


def _check(lhs: sympy.Expr | int, rhs: sympy.Expr | int, points: int, seed: int,
           caller: object, printed: bool = True) -> Verdict:
    lhs = validate_expression(lhs, "lhs")
    rhs = validate_expression(rhs, "rhs")
    _vanished_assumptions(caller, lhs, rhs)
    merged = _one_per_name(lhs, rhs)
    if merged[0] is not lhs or merged[1] is not rhs:
        # one variable per name can let SymPy rewrite a side (sqrt(x**2) with a real x is
        # Abs(x)): the rewritten sides are validated again, so a refusal names its side
        lhs = validate_expression(merged[0], "lhs")
        rhs = validate_expression(merged[1], "rhs")
    _check_across(lhs, rhs)
    diff = lhs - rhs
    statement = _statement(lhs, rhs) if printed else ""
    for tier, method in (
        (opaque_form_is_zero, "exact: lhs − rhs is 0 as a rational function of the symbols "
                              "and of tanh, σ, exp, log nodes taken as independent atoms"),
        (normal_form_is_zero, "exact normal form: lhs − rhs reduces to 0 as a rational "
                              "function of the symbols and exponential atoms (tanh, σ "
                              "rewritten through exp)"),
    ):
        try:
            zero = tier(diff)
        except TimeLimitError:
            raise
        except Exception:  # noqa: BLE001 - any failure of a tier is "no proof", never a verdict
            zero = False
        if zero:
            return Verdict("proved", method, statement=statement)
    found = find_witness(diff, lhs, rhs, points=points, seed=seed)
    if found is not None:
        point, d, bits = found
        return Verdict(
            "refuted",
            f"witness: Arb ball evaluation at {bits} bits excludes 0 from lhs − rhs",
            witness=point,
            evidence={"difference": d.str(radius=True), "precision_bits": bits},
            statement=statement,
        )
    return Verdict(
        "unknown",
        f"no proof (normal form of lhs − rhs is not 0, which proves nothing) and no "
        f"witness among {points} rational points",
        statement=statement,
    )
