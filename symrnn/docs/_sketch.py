r"""Proof sketches: a few sentences per reading, naming the method and the numbers that
matter, in English and Chinese.

A sketch is prose written once per reading (:data:`SKETCHES` in :mod:`._sketches`); the
numbers in it are *not* typed: each ``⟨path⟩`` is read from the reading's evidence (the
same JSON as ``symrnn verify --json``) and typeset, and ``show`` lists evidence values
(counterexample matrices, witnesses) displayed as formulas. A reading without a sketch of
its own gets the generic one of its method.

Placeholders: ``⟨a.b.0⟩`` typesets the value at that path (keys may contain dots: the
longest matching key wins); ``⟨a.b|f⟩`` formats it with ``f``: ``math`` (the default:
numbers, balls, expressions, vectors, matrices), ``ball`` (an Arb ball as an interval
rounded outward), ``num`` (3 significant digits), ``plain`` (plain text with mathematics,
typeset), ``int``, ``count`` (the length of a list or dict), ``text``, ``pct``. A
mathematical value standing in prose is set in ``$…$``; inside ``$…$`` it is not.

>>> resolve({"a": {"b.c": [1, 2]}}, "a.b.c.1")
2
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ._mathtext import escape_text, mathify
from ._model import Block, Display, Formula, Paragraph, TeX
from ._typeset import ball_tex, number_tex, value_tex

__all__ = ["Sketch", "resolve", "fill", "cited", "MissingEvidence", "METHODS", "method_label",
           "sketch_blocks", "generic_method"]


class MissingEvidence(KeyError):
    """A sketch names an evidence path the reading's evidence does not have."""


@dataclass(frozen=True)
class Sketch:
    """One reading's sketch: its method (a key of :data:`METHODS`), the prose in each
    language (LaTeX text with ``⟨path⟩`` placeholders) and the evidence values to display
    (``"lhs=path"``; ``lhs`` is LaTeX)."""

    method: str
    en: str
    zh: str
    show: tuple[str, ...] = ()


#: Method keys → short labels for the verdict table.
METHODS: dict[str, dict[str, str]] = {
    "identity": {"en": "normal form", "zh": "规范形式"},
    "definition": {"en": "catalog comparison", "zh": "逐式比较"},
    "interval": {"en": "Arb bound", "zh": "Arb 区间界"},
    "exact": {"en": "exact argument", "zh": "精确论证"},
    "induction": {"en": "induction", "zh": "归纳法"},
    "witness": {"en": "exact witness", "zh": "精确反例"},
    "arb-witness": {"en": "Arb witness", "zh": "Arb 反例"},
    "generic-entry": {"en": "generic entry", "zh": "一般元素"},
    "measurement": {"en": "measurement", "zh": "测量"},
}


def method_label(key: str, lang: str) -> str:
    return METHODS[key][lang]


def generic_method(claim_method: str, status: str, kind: str) -> str:
    """The method key of a reading without a sketch of its own."""
    if kind == "measurement" or claim_method == "empirical":
        return "measurement"
    if kind == "definition" or claim_method == "catalog":
        return "definition"
    if status == "refuted":
        return "witness"
    return {"identity": "identity", "interval": "interval"}.get(claim_method, "exact")


def resolve(data: Any, path: str) -> Any:
    """The value at ``path`` in nested dicts and lists (:class:`MissingEvidence` if none)."""
    if path == "":
        return data
    if isinstance(data, Mapping):
        if path in data:
            return data[path]
        for key in sorted(data, key=len, reverse=True):
            if path.startswith(f"{key}."):
                return resolve(data[key], path[len(key) + 1:])
    elif isinstance(data, list):
        head, _, rest = path.partition(".")
        if head.isdigit() and int(head) < len(data):
            return resolve(data[int(head)], rest)
    raise MissingEvidence(path)


_FORMATS = ("int", "count", "text", "pct", "num", "ball", "plain", "math")


def _format(value: Any, fmt: str) -> tuple[str, bool]:
    """The value typeset, and whether it is mathematics (to be set inside ``$…$``)."""
    if fmt == "int":
        return str(int(value)), False
    if fmt == "count":
        return str(len(value)), False
    if fmt == "text":
        return escape_text(str(value)), False
    if fmt == "pct":
        return f"{100 * float(value):.0f}\\,\\%", True
    if fmt == "num":
        v = float(value)
        return (f"{v:.3g}" if math.isfinite(v) else "-\\infty"), True
    if fmt == "ball":
        return ball_tex(str(value)), True
    if fmt == "plain":
        return mathify(str(value)).replace("$", ""), True
    return value_tex(value), True


_PLACEHOLDER = re.compile(r"⟨(.+?)(?:\|(" + "|".join(_FORMATS) + r"))?⟩")


def _in_math(template: str, pos: int) -> bool:
    """Whether ``pos`` of a LaTeX text is inside ``$…$``."""
    return len(re.findall(r"(?<!\\)\$", template[:pos])) % 2 == 1


def fill(template: str, evidence: Mapping[str, Any]) -> str:
    """``template`` with every ``⟨path|fmt⟩`` replaced by the typeset evidence value (in
    ``$…$`` when it is mathematics and the placeholder stands in prose)."""
    out, last = [], 0
    for m in _PLACEHOLDER.finditer(template):
        tex, is_math = _format(resolve(evidence, m.group(1)), m.group(2) or "math")
        if is_math and not _in_math(template, m.start()):
            tex = f"${tex}$"
        out.append(template[last:m.start()] + tex)
        last = m.end()
    return "".join(out) + template[last:]


def cited(sk: Sketch, evidence: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The evidence values a sketch cites, each as (path, LaTeX text in ``$…$`` when
    mathematics), in the order cited, without repeats; paths the evidence lacks are
    left out."""
    out: dict[str, str] = {}
    for m in _PLACEHOLDER.finditer(sk.en):
        path, fmt = m.group(1), m.group(2) or "math"
        if path in out or fmt == "text":
            continue
        try:
            tex, is_math = _format(resolve(evidence, path), fmt)
        except (MissingEvidence, TypeError, ValueError):
            continue
        out[path] = f"${tex}$" if is_math else tex
    return list(out.items())


def sketch_blocks(sk: Sketch, lang: str, evidence: Mapping[str, Any]) -> tuple[Block, ...]:
    """The proof's blocks: the filled prose, then the displayed evidence values."""
    prose = fill(sk.en if lang == "en" else sk.zh, evidence)
    out: list[Block] = [Paragraph((TeX(prose),))]
    shown = []
    for item in sk.show:
        lhs, _, path = item.partition("=")
        value = resolve(evidence, path)
        shown.append(Formula(value_tex(value) if not isinstance(value, str) else number_tex(value),
                             lhs))
    if shown:
        out.append(Display(tuple(shown)))
    return tuple(out)
