r"""Cell files: a cell in TOML, expressions read by an explicit whitelist — never ``eval``.

The format (``examples/cells/*.toml``)::

    [cell]
    name = "variant"
    title = "the article's variant, eq (14)"
    reference = "Su 2020, eq (14)"
    states = ["h", "c"]                # the Jacobian's block order

    [params]
    input_matrix = ["W_z", "W_r", "W_h"]
    recurrent_matrix = ["U_z", "U_r", "U_h"]
    vector = ["b_z", "b_r", "b_c"]     # biases and elementwise weights

    [gates]                            # any non-circular order
    z = "sigmoid(W_z*x + U_z*h_prev + b_z)"

    [updates]                          # one per state
    c = "(1 - z)*c_prev + z*chat"
    h = "r*c"

    [path]                             # optional: the article-style derivative
    of = "c"                           # d c_t / d c_{t-1}
    wrt = "c"                          # (default: of)
    substitute = { h = "r_prev*c_prev" }   # or a [path.substitute] table

``[path]`` asks :func:`symrnn.custom.analyze` for ∂of_t/∂wrt_{t-1} with each listed previous
state written out (eq (14)'s :math:`h_{t-1} = r_{t-1} c_{t-1}`); ``g_prev`` names a gate at
step t-1, with the gate's range (see :func:`symrnn.custom.define_cell`).

Expressions are parsed by Python's :mod:`ast` and *walked by hand*: only names, number
literals, ``+ - * / **``, unary minus and calls of ``sigmoid, tanh, relu, exp, log`` with one
argument are accepted; everything else — attribute access, subscripts, lambdas,
comprehensions, keywords, strings, names with a leading underscore (dunders) — is rejected
before anything is built. SymPy objects are made directly from the tree (``Symbol``,
``Rational``, ``Add``, ...); no text ever reaches ``eval``, ``exec`` or ``sympify``.

**Limits** (:mod:`symrnn._limits`, listed in docs/guide.md): an expression has at most
``MAX_LENGTH`` characters, nesting depth ``MAX_DEPTH`` (a sum or product of any length is
one level), ``CELL_LIMITS.max_calls`` nested function calls; number literals are sized from
their text before they are built (``1e999999999`` is refused, never computed); the built
expression must fit :data:`symrnn._limits.CELL_LIMITS` (degree and terms once expanded). A
UTF-8 byte-order mark at the start of a file is ignored.

Every error is a :class:`CellFileError` (a :class:`~symrnn.LimitError` for an input over a
limit) whose message starts ``FILE:LINE: field:``.
"""

from __future__ import annotations

import ast
import re
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

import sympy

from .._errors import LimitError, SymrnnError
from .._limits import CELL_LIMITS, check_expression, check_int, check_literal_text
from ..cells._base import Cell
from ._errors import CellFileError, fail
from .define import FUNCTIONS, define_cell

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

__all__ = ["parse_expression", "load_cell", "loads_cell"]

MAX_LENGTH = 2000
MAX_DEPTH = 60
_SECTIONS = {"cell", "params", "gates", "updates", "path"}
_BINOPS: dict[type, str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/",
                            ast.Pow: "**"}
_WHAT = {ast.Attribute: "attribute access", ast.Subscript: "subscript", ast.Lambda: "lambda",
         ast.ListComp: "comprehension", ast.SetComp: "comprehension",
         ast.DictComp: "comprehension", ast.GeneratorExp: "comprehension",
         ast.Compare: "comparison", ast.BoolOp: "boolean operator", ast.IfExp: "if-expression",
         ast.NamedExpr: "assignment expression", ast.Starred: "starred argument",
         ast.JoinedStr: "f-string", ast.List: "list", ast.Tuple: "tuple", ast.Dict: "dict",
         ast.Set: "set", ast.Await: "await", ast.Yield: "yield"}


def _reject(field: str, text: str, why: str, fix: str) -> CellFileError:
    return fail(CellFileError, field, f"{text!r} is rejected: {why}; {fix}")  # type: ignore[return-value]


def parse_expression(text: str, field: str = "expr") -> sympy.Expr:
    """A SymPy expression from ``text`` by the whitelist above (see the module docstring).

    >>> parse_expression("sigmoid(W*x + U*h_prev + b)")
    sigmoid(U*h_prev + W*x + b)
    >>> parse_expression("__import__('os').system('true')")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    symrnn._errors.CellFileError: expr: ... attribute access as a function is not allowed; ...
    """
    allowed = "write an expression of names, numbers, + - * / ** and " + ", ".join(FUNCTIONS)
    if not isinstance(text, str):
        raise fail(CellFileError, field, f"value={text!r} must be a string expression, e.g. "
                   '"tanh(W*x + U*h_prev + b)"')
    if len(text) > MAX_LENGTH:
        raise fail(LimitError, field, f"{_short(text)!r} is refused: longer than max_length="
                   f"{MAX_LENGTH} characters; split it into gates")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        raise _reject(field, text, f"not a valid expression ({type(e).__name__})", allowed)

    def limit(why: str) -> LimitError:
        err = fail(LimitError, field, f"{_short(text)!r} is refused: {why}")
        return err  # type: ignore[return-value]

    def build(node: ast.AST, depth: int, calls: int = 0) -> sympy.Expr:
        if depth > MAX_DEPTH:
            raise limit(f"nested deeper than max_depth={MAX_DEPTH} (a sum or product of any "
                        "length counts once); split it into gates")
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise _reject(field, text, f"the literal {v!r} is not a real number", allowed)
            if isinstance(v, int):  # 0x10, 1_000: Python's value, sized by its digits
                try:
                    return sympy.Integer(check_int(field, v, CELL_LIMITS))
                except LimitError as e:
                    raise limit(str(e).partition(": ")[2]) from None
            src = (ast.get_source_segment(text.strip(), node) or repr(v)).replace("_", "")
            try:
                check_literal_text(src, field, CELL_LIMITS)
            except LimitError as e:
                raise limit(str(e).partition(": ")[2]) from None
            exact = Fraction(src)  # the literal as written: 0.1 is 1/10
            return sympy.Rational(exact.numerator, exact.denominator)
        if isinstance(node, ast.Name):
            if node.id.startswith("_"):
                raise _reject(field, text, f"the name {node.id!r} starts with '_' (dunders and "
                              "private names are never allowed)", allowed)
            if node.id in FUNCTIONS:
                raise _reject(field, text, f"{node.id} is a function, used without a call",
                              f"write {node.id}(...)")
            return sympy.Symbol(node.id)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            inner = build(node.operand, depth + 1, calls)
            return -inner if isinstance(node.op, ast.USub) else inner
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            op = _BINOPS[type(node.op)]
            # a + b + c parses as ((a + b) + c): the chain is one flat sum, one level deep
            same = (isinstance(node.left, ast.BinOp) and op in "+-*/"
                    and _BINOPS.get(type(node.left.op), "") in ("+-" if op in "+-" else "*/"))
            left = build(node.left, depth if same else depth + 1, calls)
            right = build(node.right, depth + 1, calls)
            if op == "**":
                if not right.is_Rational or abs(right) > 16 or left.is_number:
                    raise _reject(field, text, f"the power ({left})**({right}) needs a "
                                  "non-constant base and a number exponent of size <= 16",
                                  "use a small literal exponent such as h_prev**2")
                return left**right
            if op == "/" and right == 0:
                raise _reject(field, text, "division by zero", "fix the denominator")
            return {"+": left + right, "-": left - right, "*": left * right,
                    "/": left / right}[op]
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else None
            if name is None:
                raise _reject(field, text, f"{_WHAT.get(type(node.func), 'a computed callee')} "
                              "as a function is not allowed", allowed)
            if name not in FUNCTIONS:
                raise _reject(field, text, f"{name!r} is not a whitelisted function", allowed)
            if node.keywords or len(node.args) != 1 or isinstance(node.args[0], ast.Starred):
                raise _reject(field, text, f"{name} takes exactly one positional argument",
                              f"write {name}(expression)")
            if calls + 1 > CELL_LIMITS.max_calls:
                raise limit(f"function calls nested deeper than max_calls="
                            f"{CELL_LIMITS.max_calls}; define the inner call as a gate")
            return FUNCTIONS[name](build(node.args[0], depth + 1, calls + 1))
        what = _WHAT.get(type(node), type(node).__name__)
        raise _reject(field, text, f"{what} is not allowed", allowed)

    expr = build(tree.body, 0)
    try:
        check_expression(expr, field, CELL_LIMITS, fix="split it into gates")
    except LimitError as e:
        raise limit(str(e).partition(": ")[2]) from None
    return expr


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def _line_of(text: str, section: str, key: str | None) -> int:
    """The 1-based line of ``key`` in ``[section]`` (of the header if ``key`` is None)."""
    current = ""
    for n, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        header = re.match(r"^\[\s*([A-Za-z0-9_.]+)\s*\]", stripped)
        if header:
            current = header.group(1)
            if key is None and current == section:
                return n
            continue
        if current == section and key is not None and re.match(
                rf'^"?{re.escape(key)}"?\s*=', stripped):
            return n
    return 0


def _table(doc: dict[str, Any], section: str, required: bool = True) -> dict[str, Any]:
    value = doc.get(section, {} if not required else None)
    if not isinstance(value, dict):
        raise fail(CellFileError, section, f"missing or not a table: add a [{section}] section")
    return value


def loads_cell(text: str, source: str = "<string>") -> Cell:
    """A validated :class:`Cell` from the TOML ``text`` (``source`` names it in errors)."""
    text = text.removeprefix("\ufeff")  # a byte-order mark, as Windows editors write it
    try:
        return _loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        line = int(m.group(1)) if m else 0
        err = CellFileError(f"{source}:{line}: invalid TOML: {e}" if line else
                            f"{source}: invalid TOML: {e}")
        err.field, err.line = "", line
        raise err from None
    except SymrnnError as e:
        field = getattr(e, "field", "")
        section, _, key = field.partition(".")
        line = _line_of(text, section, key or None) or _line_of(text, section, None)
        if field == "name":
            line = _line_of(text, "cell", "name")
        elif field == "states":
            line = _line_of(text, "cell", "states")
        elif section == "params" and key:
            line = _params_line(text, key) or line
        elif field.startswith("path.substitute."):
            name = field[len("path.substitute."):]
            line = (_line_of(text, "path.substitute", name) or _line_of(text, "path", "substitute")
                    or line)
        where = f"{source}:{line}" if line else source
        kind: type[SymrnnError] = LimitError if isinstance(e, LimitError) else CellFileError
        failure = kind(f"{where}: {e}")
        failure.field, failure.line = field, line  # type: ignore[attr-defined]
        raise failure from None


def _params_line(text: str, name: str) -> int:
    for n, line in enumerate(text.splitlines(), 1):
        if re.search(rf'"{re.escape(name)}"', line):
            return n
    return 0


def _loads(text: str) -> Cell:
    doc = tomllib.loads(text)
    unknown = set(doc) - _SECTIONS
    if unknown:
        raise fail(CellFileError, sorted(unknown)[0],
                   f"unknown section [{sorted(unknown)[0]}]; the sections are "
                   f"{', '.join(sorted(_SECTIONS))}")
    head = _table(doc, "cell")
    for key in head:
        if key not in ("name", "title", "reference", "notes", "states"):
            raise fail(CellFileError, f"cell.{key}", f"unknown key {key!r}; the keys are name, "
                       "title, reference, notes, states")
    name = head.get("name")
    states = head.get("states")
    if not isinstance(states, list) or not all(isinstance(s, str) for s in states):
        raise fail(CellFileError, "states", f"states={states!r} must be a list of names, "
                   'e.g. states = ["h"]')
    params: dict[str, str] = {}
    for kind, names in _table(doc, "params").items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise fail(CellFileError, f"params.{kind}",
                       f"{kind}={names!r} must be a list of parameter names")
        for n in names:
            if n in params:
                raise fail(CellFileError, f"params.{n}",
                           f"the parameter {n!r} is declared twice, under {params[n]} and "
                           f"{kind}; declare each parameter under one kind")
            params[n] = kind
    gates = {k: parse_expression(v, f"gates.{k}")
             for k, v in _table(doc, "gates", required=False).items()}
    updates = {k: parse_expression(v, f"updates.{k}")
               for k, v in _table(doc, "updates").items()}
    text_fields = {k: head.get(k, "") for k in ("title", "reference", "notes")}
    for k, v in text_fields.items():
        if not isinstance(v, str):
            raise fail(CellFileError, f"cell.{k}", f"{k}={v!r} must be a string")
    return define_cell(cast(str, name), states=states, updates=updates, params=params, gates=gates,
                       path=_path(doc), **text_fields)


def _path(doc: dict[str, Any]) -> dict[str, Any] | None:
    """The ``[path]`` table, its substitutions parsed by the whitelist (None if absent)."""
    if "path" not in doc:
        return None
    table = _table(doc, "path")
    for key in ("of", "wrt"):
        if key in table and not isinstance(table[key], str):
            raise fail(CellFileError, f"path.{key}",
                       f"{key}={table[key]!r} must be a state name, e.g. {key} = \"c\"")
    out = dict(table)
    subst = table.get("substitute", {})
    if not isinstance(subst, dict):
        raise fail(CellFileError, "path.substitute", f"substitute={subst!r} must be a table, "
                   'e.g. substitute = { h = "o_prev*tanh(c_prev)" }')
    out["substitute"] = {k: parse_expression(v, f"path.substitute.{k}")
                         for k, v in subst.items()}
    return out


def load_cell(path: str | Path) -> Cell:
    """A validated :class:`Cell` from the TOML file at ``path``."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")  # a byte-order mark (Windows editors) is dropped
    except (OSError, UnicodeDecodeError) as e:
        raise CellFileError(f"{p}: cannot read the cell file ({e.__class__.__name__}: {e})") \
            from None
    return loads_cell(text, str(p))
