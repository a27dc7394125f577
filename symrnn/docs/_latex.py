r"""The report as a XeLaTeX document, the article's Chinese set in Noto Serif CJK SC.

Chinese runs are known to the writer (they are the only characters in the CJK blocks), so
each is wrapped in ``\cjk{…}``: the CJK font, and XeTeX's ICU line breaking between the
characters. That needs only fontspec and fonts-noto-cjk (xeCJK would add TeX Live's
Chinese collection to the dependencies for the same result here).

>>> from symrnn.docs._model import Report, Paragraph, Text
>>> tex = to_latex(Report("t", (Paragraph((Text("a_b"),)),)))
>>> r"a\_b" in tex and r"\begin{document}" in tex
True
"""

from __future__ import annotations

import re
from typing import Any

from ._model import (Block, Display, Figure, Formula, Heading, Inline, Paragraph, Report,
                     Table, Text, Tree, scalar_text)
from ._snippets import escape_latex

__all__ = ["to_latex", "PREAMBLE"]

PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage[margin=2cm]{geometry}
\usepackage{amsmath}
\usepackage{fontspec}
\setmainfont{DejaVu Serif}[Scale=0.92]
\setsansfont{DejaVu Sans}[Scale=0.92]
\setmonofont{DejaVu Sans Mono}[Scale=0.85]
\newfontfamily\cjkfont{Noto Serif CJK SC}
\newcommand{\cjk}[1]{{\cjkfont\XeTeXlinebreaklocale "zh"\XeTeXlinebreakskip=0pt plus 1pt\relax #1}}
\usepackage{graphicx}
\usepackage{longtable}
\usepackage{array}
\usepackage{booktabs}
\usepackage[hidelinks]{hyperref}
\usepackage{bookmark}
\setcounter{secnumdepth}{3}
\setcounter{tocdepth}{2}
\allowdisplaybreaks
\sloppy
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.4ex plus 0.2ex}
\emergencystretch=3em
\newcommand{\lead}[1]{\textbf{#1.}\ }
\newcommand{\ev}[2]{\par\noindent\leftskip=#1em\relax #2}
"""

_WIDTH = 150  # characters of LaTeX source per displayed line (a proxy for its width)
_HEADINGS = {1: "section", 2: "subsection", 3: "subsubsection"}


def _label(anchor: str) -> str:
    return rf"\label{{{anchor}}}" if anchor else ""


_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+")


# characters DejaVu lacks, set from the math fonts instead
_FALLBACK = {"⋯": r"\ensuremath{\cdots}"}


def _text(text: str) -> str:
    """Escaped text, every CJK run wrapped in ``\\cjk{…}``."""
    text = _CJK.sub(lambda m: rf"\cjk{{{m.group(0)}}}", escape_latex(text))
    return "".join(_FALLBACK.get(ch, ch) for ch in text)


def _inline(part: Inline) -> str:
    if isinstance(part, Formula):
        return f"${part.latex}$"
    text = _text(part.text)
    if part.style == "bold":
        return rf"\textbf{{{text}}}"
    if part.style == "code":
        return rf"\texttt{{{text}}}"
    if part.style == "ref":
        return rf"\hyperref[{part.target}]{{\texttt{{{text}}}}}"
    return text


def _cell(parts: tuple[Inline, ...]) -> str:
    return " ".join(_inline(p) for p in parts)


def _tree(data: Any, depth: int, key: str = "") -> list[str]:
    lead = rf"\textbf{{{_text(key)}}}: " if key else ""
    indent = f"{1.5 * depth:g}"
    if isinstance(data, dict):
        out = [rf"\ev{{{indent}}}{{{lead}}}"] if key else []
        for k, v in data.items():
            out += _tree(v, depth + (1 if key else 0), k)
        return out
    if isinstance(data, list) and any(isinstance(v, (dict, list)) and v for v in data) \
            and not all(isinstance(v, list) and all(not isinstance(w, (dict, list)) for w in v)
                        for v in data):
        out = [rf"\ev{{{indent}}}{{{lead}}}"]
        for n, v in enumerate(data, 1):
            out += _tree(v, depth + 1, f"[{n}]")
        return out
    return [rf"\ev{{{indent}}}{{{lead}\texttt{{{_text(scalar_text(data))}}}}}"]


def _top_level_splits(tex: str) -> list[int]:
    """Positions of the top-level `` + `` / `` - `` of a LaTeX formula (outside braces and
    ``\\left … \\right`` pairs)."""
    depth, out = 0, []
    k = 0
    while k < len(tex):
        if tex.startswith(r"\left", k) and not tex[k + 5:k + 6].isalpha():
            depth += 1
            k += 5
            continue
        if tex.startswith(r"\right", k) and not tex[k + 6:k + 7].isalpha():
            depth -= 1
            k += 6
            continue
        ch = tex[k]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and tex[k:k + 3] in (" + ", " - ") and k > 0:
            out.append(k)
        k += 1
    return out


def _broken(tex: str, width: int = _WIDTH) -> str:
    """A long formula broken at top-level signs into aligned lines of about ``width``
    characters of source (``align*`` does not break lines by itself)."""
    if len(tex) <= width:
        return tex
    pieces, last = [], 0
    for pos in _top_level_splits(tex):
        pieces.append(tex[last:pos])
        last = pos
    pieces.append(tex[last:])
    lines, cur = [], ""
    for piece in pieces:
        if cur and len(cur) + len(piece) > width:
            lines.append(cur)
            cur = piece.lstrip()
        else:
            cur += piece
    lines.append(cur)
    return " \\\\\n&\\quad ".join(lines)


def _block(b: Block) -> str:
    if isinstance(b, Heading):
        title = rf"\texttt{{{_text(b.title)}}}" if b.level == 3 else _text(b.title)
        return rf"\{_HEADINGS[b.level]}{{{title}}}{_label(b.anchor)}"
    if isinstance(b, Paragraph):
        lead = rf"\lead{{{_text(b.label)}}}" if b.label else ""
        return lead + _cell(b.parts) + "\n"
    if isinstance(b, Display):
        lead = rf"\lead{{{_text(b.label)}}}" + "\n" if b.label else ""
        if not b.formulas:
            return lead
        body = " \\\\\n".join(rf"& {_broken(f.rhs)}" if not f.lhs
                              else rf"{f.lhs} &= {_broken(f.rhs)}" for f in b.formulas)
        return lead + "\\begin{align*}\n" + body + "\n\\end{align*}\n"
    if isinstance(b, Table):
        spec = b.spec or "l" * len(b.header)
        head = " & ".join(rf"\textbf{{{_text(h)}}}" for h in b.header) + r" \\"
        rows = "\n".join(" & ".join(_cell(c) for c in row) + r" \\" for row in b.rows)
        cap = rf"\caption{{{_text(b.caption)}}}\\" + "\n" if b.caption else ""
        return (rf"{{\small\begin{{longtable}}{{{spec}}}" + "\n" + cap + r"\toprule" + "\n"
                + head + "\n" + r"\midrule\endhead" + "\n" + rows + "\n"
                + r"\bottomrule\end{longtable}}" + "\n")
    if isinstance(b, Tree):
        lines = _tree(b.data, 0)
        return (rf"\lead{{{_text(b.label)}}}" + "\n{\\small\n" + "\n".join(lines)
                + "\n\\par}\n")
    if isinstance(b, Figure):
        return ("\\begin{figure}[htbp]\\centering\n"
                rf"\includegraphics[width=0.8\linewidth]{{figures/{b.stem}.pdf}}" + "\n"
                rf"\caption{{{_text(b.caption)}}}\label{{fig:{b.stem}}}" + "\n"
                "\\end{figure}\n")
    raise TypeError(f"unknown block {b!r}")  # pragma: no cover - the model is closed


def to_latex(report: Report) -> str:
    """The whole document, ``\\documentclass`` to ``\\end{document}``."""
    body = "\n".join(_block(b) for b in report.blocks)
    return (PREAMBLE + rf"\title{{{_text(report.title)}}}" + "\n\\date{}\n"
            "\\begin{document}\n\\maketitle\n\\tableofcontents\n\n" + body
            + "\n\\end{document}\n")
