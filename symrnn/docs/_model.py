"""The report as data: a few block types that both writers (LaTeX, Markdown) render.

The content (:mod:`symrnn.docs._content`) is built once from the verified objects; the
LaTeX and the Markdown are two printings of the same blocks, so they cannot drift apart.
A :class:`Formula` keeps the SymPy expression it was printed from, which is what lets the
tests parse the printed LaTeX back and compare it with the original.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Union

import sympy

__all__ = ["scalar_text", "Text", "Formula", "Inline", "Heading", "Paragraph", "Display", "Table", "Tree",
           "Figure", "Block", "Report", "formulas"]


@dataclass(frozen=True)
class Text:
    """A run of plain Unicode text; ``style`` is ``""``, ``"bold"``, ``"code"`` or ``"ref"``
    (``ref``: a link to the anchor ``target``)."""

    text: str
    style: str = ""
    target: str = ""


@dataclass(frozen=True)
class Formula:
    """``lhs = rhs`` in LaTeX. ``expr``, when given, is the SymPy expression ``rhs`` was
    printed from (``lhs`` is typeset only: a derivative, a gate name)."""

    rhs: str
    lhs: str = ""
    expr: sympy.Expr | None = None

    @property
    def latex(self) -> str:
        return f"{self.lhs} = {self.rhs}" if self.lhs else self.rhs


Inline = Union[Text, Formula]


@dataclass(frozen=True)
class Heading:
    level: int  # 1 section, 2 subsection, 3 subsubsection
    title: str
    anchor: str = ""


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]
    label: str = ""  # a bold lead-in ("Verdict", "原文")


@dataclass(frozen=True)
class Display:
    """Displayed formulas, one per line, with an optional lead-in."""

    formulas: tuple[Formula, ...]
    label: str = ""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    caption: str = ""
    spec: str = ""  # LaTeX column spec; one "l" per column when empty


@dataclass(frozen=True)
class Tree:
    """JSON evidence, rendered as nested lists (keys in bold, values as code)."""

    data: Any
    label: str = ""


@dataclass(frozen=True)
class Figure:
    """A figure written by the build (``stem``.pdf / .png in the output directory)."""

    stem: str
    caption: str


Block = Union[Heading, Paragraph, Display, Table, Tree, Figure]


@dataclass(frozen=True)
class Report:
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)


def scalar_text(v: Any) -> str:
    """A JSON leaf (or list of leaves) as plain text: the same in LaTeX and Markdown."""
    if isinstance(v, list):
        return ", ".join(scalar_text(w) if not isinstance(w, list) else f"[{scalar_text(w)}]"
                         for w in v)
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def formulas(report: Report) -> Iterator[Formula]:
    """Every formula of the report, in order (display, paragraph and table formulas)."""
    for b in report.blocks:
        if isinstance(b, Display):
            yield from b.formulas
        elif isinstance(b, Paragraph):
            yield from (p for p in b.parts if isinstance(p, Formula))
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    yield from (p for p in cell if isinstance(p, Formula))
