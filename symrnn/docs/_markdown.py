r"""The report as Markdown (GitHub-flavoured, math in ``$…$`` / ``$$…$$``).

>>> from symrnn.docs._model import Report, Paragraph, Text
>>> print(to_markdown(Report("t", (Paragraph((Text("a*b"),), "Note"),))).strip())
# t
<BLANKLINE>
**Note.** a\*b
"""

from __future__ import annotations

from typing import Any

from ._model import (Block, Display, Figure, Formula, Heading, Inline, Paragraph, Report,
                     Table, Text, Tree, scalar_text)

__all__ = ["to_markdown"]

_ESCAPE = {ch: "\\" + ch for ch in "\\`*_[]<>#|$"}


def _escape(text: str) -> str:
    return "".join(_ESCAPE.get(ch, ch) for ch in text)


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _inline(part: Inline) -> str:
    if isinstance(part, Formula):
        return f"${part.latex}$"
    if part.style == "bold":
        return f"**{_escape(part.text)}**"
    if part.style == "code":
        return _code(part.text)
    if part.style == "ref":
        return f"[{_code(part.text)}](#{part.target})"
    return _escape(part.text)


def _tree(data: Any, depth: int, key: str = "") -> list[str]:
    pad = "  " * depth
    lead = f"**{_escape(key)}**: " if key else ""
    if isinstance(data, dict):
        out = [f"{pad}- {lead}".rstrip()] if key else []
        for k, v in data.items():
            out += _tree(v, depth + (1 if key else 0), k)
        return out
    if isinstance(data, list) and any(isinstance(v, (dict, list)) and v for v in data) \
            and not all(isinstance(v, list) and all(not isinstance(w, (dict, list)) for w in v)
                        for v in data):
        out = [f"{pad}- {lead}".rstrip()]
        for n, v in enumerate(data, 1):
            out += _tree(v, depth + 1, f"[{n}]")
        return out
    return [f"{pad}- {lead}{_code(scalar_text(data))}"]


def _block(b: Block, figure_dir: str) -> str:
    if isinstance(b, Heading):
        anchor = f'<a id="{b.anchor}"></a>\n' if b.anchor else ""
        title = _code(b.title) if b.level == 3 else _escape(b.title)
        return f"{anchor}{'#' * (b.level + 1)} {title}\n"
    if isinstance(b, Paragraph):
        lead = f"**{_escape(b.label)}.** " if b.label else ""
        return lead + " ".join(_inline(p) for p in b.parts) + "\n"
    if isinstance(b, Display):
        lead = f"**{_escape(b.label)}.**\n\n" if b.label else ""
        return lead + "\n".join(f"$$\n{f.latex}\n$$\n" for f in b.formulas)
    if isinstance(b, Table):
        head = "| " + " | ".join(_escape(h) for h in b.header) + " |"
        rule = "|" + "---|" * len(b.header)
        rows = ["| " + " | ".join(" ".join(_inline(p) for p in c).replace("|", r"\|")
                                  if any(isinstance(p, Formula) for p in c)
                                  else " ".join(_inline(p) for p in c) for c in row) + " |"
                for row in b.rows]
        cap = f"*{_escape(b.caption)}*\n\n" if b.caption else ""
        return cap + "\n".join([head, rule, *rows]) + "\n"
    if isinstance(b, Tree):
        return f"**{_escape(b.label)}.**\n\n" + "\n".join(_tree(b.data, 0)) + "\n"
    if isinstance(b, Figure):
        return f"![{_escape(b.caption)}]({figure_dir}/{b.stem}.png)\n"
    raise TypeError(f"unknown block {b!r}")  # pragma: no cover - the model is closed


def to_markdown(report: Report, figure_dir: str = "figures") -> str:
    """The whole report as one Markdown document; figures are linked as
    ``figure_dir/<stem>.png`` (relative to the Markdown file)."""
    return f"# {_escape(report.title)}\n\n" + "\n".join(_block(b, figure_dir)
                                                          for b in report.blocks)
