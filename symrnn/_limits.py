r"""Resource limits: every user-supplied input is measured *before* any expensive work.

Symbolic work can explode from a short input: ``((h_prev+1)**16+1)**16`` is 25 characters
and expands to a polynomial of degree 256; ``1e999999999`` is an 11-character literal with a
billion digits; ``(x+y+1)**2400`` has 2.9 million terms once expanded. So an input is
*sized* first, on its unexpanded tree, by estimates that are cheap (linear in the number of
distinct sub-expressions) and never below the truth:

* ``nodes`` — nodes of the expression tree, a shared sub-expression counted at each use
  (what printing it costs);
* ``depth`` — nesting depth; a sum or product of any length is one level;
* ``calls`` — nested function calls (``tanh(tanh(x))`` is 2);
* ``degree`` — total degree after expanding, function calls and fractional powers taken as
  atoms of degree 1;
* ``terms`` — terms after expanding: a sum adds, a product multiplies, ``(t terms)**k``
  gives at most :math:`\binom{k+t-1}{t-1}`;
* literals — significant digits and decimal exponent of every number.

An input over a limit is refused with one :class:`~symrnn.LimitError` line naming the limit
(``degree once expanded 257, over the limit max_degree=32``) and what to do. The limits,
and why each value, are listed in docs/guide.md ("Limits").

>>> import sympy
>>> x, y = sympy.symbols("x y")
>>> expression_size((x + y + 1)**2400).terms
2883601
>>> check_expression((x + y + 1)**2400, "lhs", IDENTITY_LIMITS)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
symrnn._errors.LimitError: lhs: about 2883601 terms once expanded, over the limit max_terms=200000; ...
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

import sympy

from ._errors import LimitError

__all__ = ["Limits", "Size", "IDENTITY_LIMITS", "CELL_LIMITS", "CERTIFICATE_LIMITS",
           "MAX_PRECISION_BITS", "MAX_CERTIFICATE_BOXES", "MAX_CELL_DEFINITIONS",
           "MAX_VERTEX_VARIABLES", "MAX_FLOW_BYTES", "expression_size", "expanded_terms",
           "check_expression", "check_literal_text", "check_int", "check_memory", "parse_number"]


@dataclass(frozen=True)
class Limits:
    """The size budget of one kind of expression (see the module docstring)."""

    max_nodes: int
    max_depth: int
    max_calls: int
    max_degree: int
    max_terms: int
    max_digits: int = 60
    max_exponent: int = 100


#: Expressions given to :func:`symrnn.check_identity`. Depth 100 keeps printing and
#: differentiation inside Python's recursion limit; 200 000 terms is a few seconds of exact
#: polynomial arithmetic.
IDENTITY_LIMITS = Limits(max_nodes=50_000, max_depth=100, max_calls=100, max_degree=10_000,
                         max_terms=200_000)

#: One definition of a cell (a gate or an update), with the gates it uses written out.
#: SymPy builds ``tanh(tanh(...))`` of plain symbols in time exponential in the nesting
#: (about 1 s at 6 levels, 10 s at 8), hence ``max_calls=4``; the bounds take real roots of
#: polynomials of degree up to ``max_degree``.
CELL_LIMITS = Limits(max_nodes=5_000, max_depth=60, max_calls=4, max_degree=32,
                     max_terms=5_000)

#: Numbers of a bound certificate (box ends and recorded uppers have about 30 digits).
CERTIFICATE_LIMITS = Limits(max_nodes=5_000, max_depth=60, max_calls=4, max_degree=32,
                            max_terms=5_000, max_digits=200, max_exponent=100)

#: Working precision of a bound certificate (the provers use 128-256 bits).
MAX_PRECISION_BITS = 4096
#: Boxes of one cover step of a bound certificate (the provers emit a few dozen).
MAX_CERTIFICATE_BOXES = 100_000
#: Gates plus states of one cell: the analysis is quadratic or worse in this count.
MAX_CELL_DEFINITIONS = 64
#: Variables of the vertex lemma (2**k vertices are enumerated).
MAX_VERTEX_VARIABLES = 16
#: Memory of one ``symrnn flow`` measurement (states, parameters, inputs), in bytes.
MAX_FLOW_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class Size:
    """Estimates of an expression's size (see the module docstring); ``terms`` is a float
    (``inf`` beyond 1e300)."""

    nodes: int
    depth: int
    calls: int
    degree: int
    terms: float


_ATOM = Size(1, 1, 0, 1, 1.0)
_NUMBER = Size(1, 1, 0, 0, 1.0)


def expanded_terms(t: float, k: int) -> float:
    """Terms of ``(a_1 + ... + a_t)**k`` expanded: C(k + t - 1, t - 1), as a float."""
    if t <= 1 or k <= 1:
        return t if k == 1 else 1.0
    if math.isinf(t):
        return math.inf
    log = math.lgamma(k + t) - math.lgamma(k + 1) - math.lgamma(t)
    return math.inf if log > 690 else round(math.exp(log))


def expression_size(expr: sympy.Basic, env: dict[sympy.Basic, Size] | None = None) -> Size:
    """The :class:`Size` of ``expr`` as a polynomial in its atoms (function calls, fractional
    powers, symbols); ``env`` gives the size of symbols that stand for larger expressions (a
    cell's derived gates). Linear in the distinct sub-expressions."""
    return _sizes(expr, env)[0]


def _sizes(expr: sympy.Basic, env: dict[sympy.Basic, Size] | None) -> tuple[Size, list[Size]]:
    """The root's size and the size of every distinct sub-expression (a function's argument
    is expanded on its own, so its degree and terms count too)."""
    memo: dict[sympy.Basic, Size] = dict(env or {})
    root = sympy.sympify(expr)
    stack: list[tuple[sympy.Basic, bool]] = [(root, False)]
    while stack:  # post-order without recursion: a deep input is measured, then refused
        e, ready = stack.pop()
        if e in memo:
            continue
        args = e.args
        if not ready and args:
            stack.append((e, True))
            stack.extend((a, False) for a in args if a not in memo)
            continue
        memo[e] = _combine(e, [memo[a] for a in args])
    return memo[root], list(memo.values())


def _combine(e: sympy.Basic, parts: list[Size]) -> Size:
    if not parts:
        return _NUMBER if e.is_number else _ATOM
    nodes = 1 + sum(p.nodes for p in parts)
    depth = 1 + max(p.depth for p in parts)
    calls = max(p.calls for p in parts)
    if e.is_Add:
        out = Size(nodes, depth, calls, max(p.degree for p in parts), sum(p.terms for p in parts))
    elif e.is_Mul:
        terms = 1.0
        for p in parts:
            terms *= p.terms
        out = Size(nodes, depth, calls, sum(p.degree for p in parts), terms)
    elif e.is_Pow and e.args[1].is_Integer:
        k = abs(int(e.args[1]))
        out = Size(nodes, depth, calls, parts[0].degree * k, expanded_terms(parts[0].terms, k))
    elif e.is_Pow or isinstance(e, sympy.Function):
        # an atom of the normal form; its arguments are expanded on their own
        out = Size(nodes, depth, calls + isinstance(e, sympy.Function), 1, 1.0)
    else:
        out = Size(nodes, depth, calls, max(p.degree for p in parts), max(p.terms for p in parts))
    if math.isnan(out.terms) or out.terms > 1e300:
        out = Size(out.nodes, out.depth, out.calls, out.degree, math.inf)
    return out


def _digits(n: int) -> int:
    """Decimal digits of ``|n|``; from the bit length alone when that is clearly too many
    (printing a huge integer is itself the slow part)."""
    n = abs(int(n))
    if n.bit_length() > 4000:
        return int(n.bit_length() * 0.30103)
    return len(str(n))


def _number_size(e: sympy.Basic) -> tuple[int, int] | None:
    """(significant decimal digits, decimal exponent) of a number literal, or None."""
    if e.is_Rational:
        return max(_digits(e.p), _digits(e.q)), 0
    if e.is_Float:
        _sign, man, exp, bc = e._mpf_
        if not man:
            return 1, 0
        digits = int(bc * 0.30103) + 1  # the precision, in decimal digits
        return digits, math.floor(math.log10(int(man)) + int(exp) * math.log10(2))
    return None


def check_expression(expr: sympy.Basic, name: str, limits: Limits,
                     env: dict[sympy.Basic, Size] | None = None,
                     fix: str = "split it or simplify it first") -> Size:
    """Refuse ``expr`` (one :class:`LimitError` naming ``name`` and the limit) if it is over
    ``limits``; its :class:`Size` otherwise. Nothing is expanded."""
    s, every = _sizes(expr, env)
    degree = max(p.degree for p in every)
    terms = max(p.terms for p in every)
    for value, limit, what, key in (
            (s.nodes, limits.max_nodes, "nodes", "max_nodes"),
            (s.depth, limits.max_depth, "nesting depth", "max_depth"),
            (s.calls, limits.max_calls, "nested function calls", "max_calls"),
            (degree, limits.max_degree, "degree once expanded", "max_degree"),
    ):
        if value > limit:
            raise LimitError(f"{name}: {what} {value}, over the limit {key}={limit}; {fix}")
    if terms > limits.max_terms:
        shown = "more than 1e300" if math.isinf(terms) else f"about {int(terms)}"
        raise LimitError(f"{name}: {shown} terms once expanded, over the limit "
                         f"max_terms={limits.max_terms}; {fix}")
    for node in _numbers(expr):
        size = _number_size(node)
        if size is None:
            continue
        if size[0] > limits.max_digits:
            raise LimitError(f"{name}: a number of {size[0]} digits, over the limit "
                             f"max_digits={limits.max_digits}; use a number of moderate size")
        if abs(size[1]) > limits.max_exponent:
            raise LimitError(f"{name}: a number of magnitude 1e{size[1]}, over the limit "
                             f"max_exponent={limits.max_exponent}; use a number of moderate size")
    return s


def _numbers(expr: sympy.Basic) -> set[sympy.Basic]:
    found: set[sympy.Basic] = set()
    seen: set[sympy.Basic] = set()
    stack = [sympy.sympify(expr)]
    while stack:
        e = stack.pop()
        if e in seen:
            continue
        seen.add(e)
        if e.is_Number:
            found.add(e)
        stack.extend(e.args)
    return found


_DECIMAL = re.compile(r"^[+-]?(?P<int>\d[\d_]*)?(?:\.(?P<frac>[\d_]*))?"
                      r"(?:[eE](?P<exp>[+-]?\d[\d_]*))?$")


def check_literal_text(text: str, name: str, limits: Limits = CELL_LIMITS) -> None:
    """Refuse a number literal whose digits or decimal exponent are over ``limits``,
    from its text alone (``1e999999999`` is never built)."""
    t = text.strip()
    if len(t) > 400:
        raise LimitError(f"{name}: the number literal {t[:20]}... has {len(t)} characters, over "
                         f"the limit max_digits={limits.max_digits}; use a number of moderate size")
    m = _DECIMAL.match(t)
    if m is None:  # hex, octal, binary integers and p/q forms are sized by their value
        return
    whole = (m.group("int") or "").replace("_", "")
    mantissa = whole + (m.group("frac") or "").replace("_", "")
    digits = mantissa.strip("0")
    exp_text = (m.group("exp") or "0").replace("_", "")
    if len(exp_text.lstrip("+-").lstrip("0")) > 6:
        raise LimitError(f"{name}: the number literal {t!r} has exponent {exp_text}, over the "
                         f"limit max_exponent={limits.max_exponent}; use a number of moderate size")
    if len(digits) > limits.max_digits:
        raise LimitError(f"{name}: the number literal {t[:30]!r} has {len(digits)} significant "
                         f"digits, over the limit max_digits={limits.max_digits}; round it")
    if digits:  # the decimal exponent of the leading digit: 1e100 -> 100, 0.003 -> -3
        lead = len(mantissa) - len(mantissa.lstrip("0"))
        exponent = int(exp_text) + len(whole) - 1 - lead
        if abs(exponent) > limits.max_exponent:
            raise LimitError(f"{name}: the number literal {t!r} has magnitude 1e{exponent}, over "
                             f"the limit max_exponent={limits.max_exponent}; use a number of "
                             "moderate size")


def check_int(name: str, value: int, limits: Limits = CELL_LIMITS) -> int:
    """Refuse an integer with more than ``limits.max_digits`` digits."""
    digits = _digits(value)
    if digits > limits.max_digits:
        raise LimitError(f"{name}: an integer of {digits} digits, over the limit "
                         f"max_digits={limits.max_digits}; use a smaller number")
    return int(value)


def check_memory(what: str, nbytes: float, fix: str, limit: int = MAX_FLOW_BYTES) -> None:
    """Refuse work that would need more than ``limit`` bytes (estimated before allocating)."""
    if nbytes > limit:
        raise LimitError(f"{what} needs about {nbytes / 1024**3:.3g} GiB of memory, over the limit "
                         f"max_memory={limit / 1024**3:g} GiB; {fix}")


def parse_number(value: object, name: str, limits: Limits = CELL_LIMITS) -> Fraction:
    """An exact :class:`Fraction` from a decimal or ``p/q`` string, an int or a float, sized
    before it is built. Raises :class:`LimitError` over the limits, :class:`ValueError` for
    text that is not a number."""
    if isinstance(value, bool):
        raise ValueError(f"{name}={value!r} is not a number")
    if isinstance(value, int):
        return Fraction(check_int(name, value, limits))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{name}={value!r} is not a finite number")
        return Fraction(value)
    if not isinstance(value, str):
        raise ValueError(f"{name}={value!r} is not a number (a string such as \"1/3\" or \"0.45\")")
    for part in value.split("/", 1):
        check_literal_text(part, name, limits)
    return Fraction(value)
