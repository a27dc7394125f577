"""The report as data: a few block types that both writers (LaTeX, Markdown) render.

The content (:mod:`symrnn.docs._content`) is built once from the verified objects; the
LaTeX and the Markdown are two printings of the same blocks, so they cannot drift apart.
A :class:`Formula` keeps the SymPy expression it was printed from, which is what lets the
tests parse the printed LaTeX back and compare it with the original.

Inline content is of three kinds: :class:`Text` (plain Unicode, escaped by each writer),
:class:`TeX` (LaTeX text-mode source with ``$…$`` math, e.g. a reading's
``statement_latex``; the Markdown writer converts its few text commands) and
:class:`Formula` (math only).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Union

import sympy

__all__ = ["scalar_text", "Text", "TeX", "Formula", "Inline", "Heading", "Paragraph",
           "Display", "Table", "Figure", "Theorem", "Quote", "Items", "Front", "Block",
           "Report", "formulas", "inlines"]


@dataclass(frozen=True)
class Text:
    """A run of plain Unicode text; ``style`` is ``""``, ``"bold"``, ``"emph"``, ``"code"``,
    ``"id"`` (a claim or reading id) or ``"ref"`` (an id linking to the anchor ``target``)."""

    text: str
    style: str = ""
    target: str = ""


@dataclass(frozen=True)
class TeX:
    """LaTeX text-mode source with inline ``$…$`` math (already valid LaTeX)."""

    source: str


@dataclass(frozen=True)
class Formula:
    """``lhs = rhs`` in LaTeX. ``expr``, when given, is the SymPy expression ``rhs`` was
    printed from (``lhs`` is typeset only: a derivative, a gate name). ``pieces``, when
    given, are the summands of ``rhs`` (each after the first starting with ``+`` or ``-``)
    at which a displayed formula may be broken over lines; ``note`` is a short label set
    beside the displayed formula (``\\text{…}``)."""

    rhs: str
    lhs: str = ""
    expr: sympy.Expr | None = None
    pieces: tuple[str, ...] = ()
    relation: str = "="
    note: str = ""

    @property
    def latex(self) -> str:
        return f"{self.lhs} {self.relation} {self.rhs}" if self.lhs else self.rhs


Inline = Union[Text, TeX, Formula]


@dataclass(frozen=True)
class Heading:
    level: int  # 1 section, 2 subsection, 3 subsubsection
    title: str
    anchor: str = ""
    appendix: bool = False  # the first heading of the appendices
    tex: str = ""  # the title as LaTeX text (with math), when plain text will not do


@dataclass(frozen=True)
class Paragraph:
    parts: tuple[Inline, ...]
    label: str = ""  # a bold lead-in ("Verdict", "原文"), LaTeX text mode


@dataclass(frozen=True)
class Display:
    """Displayed formulas, one per line (long ones broken), with an optional lead-in."""

    formulas: tuple[Formula, ...]
    label: str = ""


@dataclass(frozen=True)
class Table:
    """A table as wide as the text. ``columns`` gives each column's kind: ``"l"``, ``"c"``,
    ``"r"`` (natural width) or ``"X"`` (shares the remaining width, text wraps)."""

    header: tuple[str, ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    caption: str = ""
    columns: tuple[str, ...] = ()
    anchor: str = ""

    @property
    def kinds(self) -> tuple[str, ...]:
        return self.columns or ("X",) * len(self.header)


@dataclass(frozen=True)
class Figure:
    """A figure written by the build (``stem``.pdf / .png in ``figures/``)."""

    stem: str
    caption: str
    anchor: str = ""


@dataclass(frozen=True)
class Theorem:
    """A reading set as a theorem-like statement with its proof sketch.

    ``kind``: ``"theorem"`` (proved), ``"refuted"`` (a claim shown false) or ``"open"``
    (neither: measured, or not settled). ``title`` is the bracketed note (the reading id
    and its verdict); ``proof`` the blocks of the sketch under ``proof_label``.
    """

    kind: str
    title: str
    statement: tuple[Inline, ...]
    proof: tuple["Block", ...] = ()
    proof_label: str = ""
    anchor: str = ""


@dataclass(frozen=True)
class Quote:
    """The article's words: the Chinese original and an English rendering."""

    original: tuple[Inline, ...]
    translation: tuple[Inline, ...] = ()
    label_original: str = ""
    label_translation: str = ""


@dataclass(frozen=True)
class Items:
    """A bulleted list."""

    items: tuple[tuple[Inline, ...], ...]


@dataclass(frozen=True)
class Front:
    """Title matter: title, subtitle, the lines under them (version, date, commit) and the
    abstract."""

    title: str
    subtitle: str
    meta: tuple[str, ...]
    abstract: tuple[Inline, ...]
    abstract_label: str = "Abstract"


Block = Union[Heading, Paragraph, Display, Table, Figure, Theorem, Quote, Items]


@dataclass(frozen=True)
class Report:
    front: Front
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    lang: str = "en"

    @property
    def title(self) -> str:
        return self.front.title


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


def _blocks(blocks: tuple[Block, ...]) -> Iterator[Block]:
    for b in blocks:
        yield b
        if isinstance(b, Theorem):
            yield from _blocks(b.proof)


def inlines(report: Report) -> Iterator[Inline]:
    """Every inline part of the report, in order (front matter, paragraphs, tables, lists,
    theorem statements and proofs, quotes)."""
    yield from report.front.abstract
    for b in _blocks(report.blocks):
        if isinstance(b, Paragraph):
            yield from b.parts
        elif isinstance(b, Display):
            yield from b.formulas
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row:
                    yield from cell
        elif isinstance(b, Theorem):
            yield from b.statement
        elif isinstance(b, Quote):
            yield from b.original
            yield from b.translation
        elif isinstance(b, Items):
            for item in b.items:
                yield from item


def formulas(report: Report) -> Iterator[Formula]:
    """Every formula of the report, in order (display, paragraph and table formulas)."""
    yield from (p for p in inlines(report) if isinstance(p, Formula))
