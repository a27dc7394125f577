r"""The report as a XeLaTeX document (article class, amsthm, xltabular, xeCJK).

Text is Latin Modern, Chinese is set by xeCJK in Noto Serif CJK SC (the same in both
editions: the English one quotes the article in Chinese). Readings are theorem-like
environments; long displayed formulas are broken at top-level signs into aligned lines,
and tables are as wide as the text (``xltabular``, text-wrapping ``X`` columns).

>>> from symrnn.docs._model import Report, Front, Paragraph, Text
>>> tex = to_latex(Report(Front("t", "", (), ()), (Paragraph((Text("a_b"),)),)))
>>> r"a\_b" in tex and r"\begin{document}" in tex
True
"""

from __future__ import annotations

import re

from ._mathtext import escape_text, id_tex
from ._model import (Block, Display, Figure, Formula, Front, Heading, Inline, Items,
                     Paragraph, Quote, Report, Table, TeX, Theorem)
from ._words import say

__all__ = ["to_latex", "preamble", "math_width", "break_formula", "LINE_EM"]

_PREAMBLE = r"""\documentclass[11pt,a4paper]{article}
\usepackage[margin=2.3cm,headheight=14pt]{geometry}
\usepackage{amsmath,amssymb,amsthm}
\usepackage{fontspec}
\usepackage{xeCJK}
\setCJKmainfont{Noto Serif CJK SC}[ItalicFont={Noto Sans CJK SC},
  BoldItalicFont={Noto Sans CJK SC Bold}]
\setCJKsansfont{Noto Sans CJK SC}
\setCJKmonofont{Noto Sans Mono CJK SC}
\usepackage{graphicx}
\usepackage{xltabular}
\usepackage{booktabs}
\usepackage{array}
\usepackage[font=small,labelfont=bf]{caption}
\usepackage{enumitem}
\usepackage[hidelinks]{hyperref}
\usepackage{bookmark}
\setcounter{secnumdepth}{3}
\setcounter{tocdepth}{2}
\allowdisplaybreaks
\setlength{\parindent}{0pt}
\setlength{\parskip}{0.5ex plus 0.3ex}
\emergencystretch=4em
\tolerance=2000
\newcolumntype{Y}{>{\raggedright\arraybackslash}X}
\newcommand{\lead}[1]{\textbf{#1.}\ }
\AtBeginDocument{\setlength{\abovedisplayskip}{5pt plus 2pt minus 2pt}%
  \setlength{\belowdisplayskip}{5pt plus 2pt minus 2pt}}
\newcommand{\claimid}[1]{\texttt{#1}}
\theoremstyle{definition}
"""

_THEOREMS = {
    "en": r"""% curly quotes in English prose are Latin punctuation, not full-width CJK ones
\xeCJKDeclareCharClass{Default}{"2018, "2019, "201C, "201D}
\newtheorem{theorem}{Theorem}[section]
\newtheorem{refuted}[theorem]{Claim}
\newtheorem{question}[theorem]{Question}
\newtheorem{measured}[theorem]{Question}
""",
    "zh": r"""\newtheorem{theorem}{定理}[section]
\newtheorem{refuted}[theorem]{断言}
\newtheorem{question}[theorem]{问题}
\newtheorem{measured}[theorem]{问题}
\renewcommand{\proofname}{证明}
\renewcommand{\contentsname}{目录}
\renewcommand{\abstractname}{摘要}
\renewcommand{\figurename}{图}
\renewcommand{\tablename}{表}
\renewcommand{\refname}{参考文献}
\renewcommand{\appendixname}{附录}
\linespread{1.15}
\xeCJKsetup{CJKecglue={\hskip 0.25em plus 0.1em}}
""",
}

_ENVIRONMENTS = {"theorem": "theorem", "refuted": "refuted", "open": "question",
                 "measured": "measured"}
_HEADINGS = {1: "section", 2: "subsection", 3: "subsubsection"}

#: The usable width of a displayed line, in em of the 11 pt text (a conservative share of
#: the 16.4 cm text width: the left side and its indentation take the rest).
LINE_EM = 37.0


def preamble(lang: str) -> str:
    return _PREAMBLE + _THEOREMS[lang]


def _label(anchor: str) -> str:
    return rf"\label{{{anchor}}}" if anchor else ""


_breakable_id = id_tex


def _inline(part: Inline) -> str:
    if isinstance(part, Formula):
        return f"${part.latex}$"
    if isinstance(part, TeX):
        return part.source
    if part.style == "id":
        return _breakable_id(part.text)
    text = escape_text(part.text)
    if part.style == "bold":
        return rf"\textbf{{{text}}}"
    if part.style == "emph":
        return rf"\emph{{{text}}}"
    if part.style == "code":
        return rf"\texttt{{{text}}}"
    if part.style == "ref":
        return rf"\hyperref[{part.target}]{{{_breakable_id(part.text)}}}"
    return text


def _unbrace_calls(tex: str) -> str:
    r"""``f{\bigl(x\bigr)}`` (SymPy's function call, a group TeX cannot break) without the
    braces, so that a long argument may break in a table cell."""
    out, k = [], 0
    while k < len(tex):
        if tex.startswith(r"{\bigl(", k) and not (k and tex[k - 1] in "^_"):
            inner, end = _group(tex, k)
            if inner.endswith(r"\bigr)") or inner.rstrip().endswith(r"\bigr)"):
                out.append(_unbrace_calls(inner))
                k = end
                continue
        out.append(tex[k])
        k += 1
    return "".join(out)


def _table_math(tex: str) -> str:
    r"""Math for a table cell, breakable between factors: fixed-size delimiters (a
    ``\left … \right`` pair cannot break) and a break allowed at each top-level space."""
    tex = tex.replace(r"\left(", r"\bigl(").replace(r"\right)", r"\bigr)")
    tex = tex.replace(r"\left|", r"\bigl|").replace(r"\right|", r"\bigr|")
    tex = _unbrace_calls(tex)
    out, depth = [], 0
    for k, ch in enumerate(tex):
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        if ch == " " and depth == 0 and k and tex[k - 1] not in "+-=(" and \
                tex[k + 1:k + 2] not in ("+", "-", "=", ")") and \
                not tex.startswith((r"\bigr", r"\right"), k + 1):
            out.append(r" \allowbreak ")
            continue
        out.append(ch)
    return "".join(out)


def _parts(parts: tuple[Inline, ...], table: bool = False) -> str:
    out = ""
    for p in parts:
        s = f"${_table_math(p.latex)}$" if table and isinstance(p, Formula) else _inline(p)
        if out and not out.endswith((" ", "\n", "(")) and not s.startswith((" ", ",", ".", ";", ":", ")")):
            if not (isinstance(p, TeX) or (out and out[-1] in "。，；：（")):
                out += " "
        out += s
    return out


# ---------------------------------------------------------------------------------------
# Width of a formula, and breaking it over lines

_CONTROL_WIDTH = {
    r"\partial": 0.6, r"\tanh": 1.9, r"\sigma": 0.6, r"\hat": 0.0, r"\left": 0.0,
    r"\right": 0.0, r"\bigl": 0.0, r"\bigr": 0.0, r"\Bigl": 0.0, r"\Bigr": 0.0,
    r"\biggl": 0.0, r"\biggr": 0.0, r"\cdot": 0.8, r"\circ": 0.8, r"\quad": 1.0,
    r"\qquad": 2.0, r"\infty": 1.0, r"\to": 1.6, r"\le": 1.6, r"\ge": 1.6, r"\leq": 1.6,
    r"\geq": 1.6, r"\in": 1.4, r"\neq": 1.6, r"\pm": 1.3, r"\times": 1.3, r"\ldots": 1.2,
    r"\dots": 1.2, r"\cdots": 1.2, r"\exp": 1.4, r"\log": 1.4, r"\ln": 0.9, r"\sup": 1.4,
    r"\max": 1.6, r"\min": 1.6, r"\mathrm": 0.0, r"\text": 0.0, r"\tfrac": 0.0,
    r"\top": 0.7, r"\,": 0.17, r"\;": 0.28, r"\!": -0.17, r"\ ": 0.33, r"\|": 0.5,
    r"\operatorname": 0.0, r"\mathbb": 0.0, r"\prod": 1.0, r"\sum": 1.0, r"\sqrt": 0.8,
    r"\varepsilon": 0.5, r"\psi": 0.7, r"\varphi": 0.6, r"\gamma": 0.6, r"\lambda": 0.6,
    r"\theta": 0.5, r"\rho": 0.5, r"\eta": 0.5, r"\chi": 0.6, r"\xi": 0.5, r"\mu": 0.6,
    r"\tag": 0.0,
}


def _group(tex: str, k: int) -> tuple[str, int]:
    """The brace group starting at ``tex[k] == "{"``: its content and the index after it."""
    depth, j = 0, k
    while j < len(tex):
        if tex[j] == "{":
            depth += 1
        elif tex[j] == "}":
            depth -= 1
            if depth == 0:
                return tex[k + 1:j], j + 1
        elif tex[j] == "\\":
            j += 1
        j += 1
    return tex[k + 1:], len(tex)


def math_width(tex: str) -> float:
    """An estimate of the typeset width of display-style math ``tex``, in em.

    Letters about half an em, binary operators and relations with their spacing about
    1.2–1.6 em, sub- and superscripts at 70 %, fractions as wide as their wider part.
    Conservative on purpose: the tests read the real widths from the TeX log.
    """
    w, k = 0.0, 0
    while k < len(tex):
        ch = tex[k]
        if ch == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", tex[k:])
            name = "\\" + (m.group(1) if m else "")
            k += len(name)
            if name in (r"\frac", r"\tfrac", r"\dfrac"):
                num, k = _group(tex, k) if k < len(tex) and tex[k] == "{" else ("", k)
                den, k = _group(tex, k) if k < len(tex) and tex[k] == "{" else ("", k)
                scale = 0.75 if name == r"\tfrac" else 1.0
                w += scale * max(math_width(num), math_width(den)) + 0.3
            elif name in (r"\operatorname", r"\text", r"\mathrm", r"\mathbb", r"\texttt"):
                arg, k = _group(tex, k) if k < len(tex) and tex[k] == "{" else ("", k)
                w += 0.5 * len(arg) if name != r"\mathbb" else 0.7
            elif name in (r"\hat", r"\tilde", r"\bar"):
                continue
            elif name == r"\begin":
                env, k = _group(tex, k)
                end = tex.find(rf"\end{{{env}}}", k)
                body = tex[k:end if end >= 0 else len(tex)]
                k = (end + len(rf"\end{{{env}}}")) if end >= 0 else len(tex)
                rows = [r.split("&") for r in body.split(r"\\")]
                cols = max(len(r) for r in rows)
                w += sum(max(math_width(r[c]) if c < len(r) else 0 for r in rows) + 0.9
                         for c in range(cols)) + 1.0
            else:
                w += _CONTROL_WIDTH.get(name, 0.6)
        elif ch in "_^":
            k += 1
            if k < len(tex) and tex[k] == "{":
                arg, k = _group(tex, k)
            else:
                m = re.match(r"\\[A-Za-z]+|.", tex[k:])
                arg = m.group(0) if m else ""
                k += len(arg)
            w += 0.7 * math_width(arg)
        elif ch == "{" or ch == "}" or ch == "&":
            k += 1
        elif ch in "+-=<>":
            w += 1.3 if ch in "+-" else 1.5
            k += 1
        elif ch == " ":
            k += 1
        elif ch in "()[]|":
            w += 0.4
            k += 1
        elif ch in ",;":
            w += 0.45
            k += 1
        elif ch.isdigit():
            w += 0.5
            k += 1
        else:
            w += 0.55
            k += 1
    return w


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


def _pieces(f: Formula) -> list[str]:
    if f.pieces:
        return list(f.pieces)
    cuts = _top_level_splits(f.rhs)
    out, last = [], 0
    for pos in cuts:
        out.append(f.rhs[last:pos].strip())
        last = pos
    out.append(f.rhs[last:].strip())
    return out


def _split_inner(piece: str) -> list[str]:
    """A summand too wide for a line, split inside its widest parenthesised sum: that
    ``\\left( … \\right)`` pair and every pair around it become ``\\Bigl( … \\Bigr)``
    (fixed size, so the lines may break inside them) and its terms become pieces.
    ``[piece]`` when it has none outside braces."""
    pairs: list[tuple[int, int, int]] = []  # (start, end, brace depth)
    k, stack, braces = 0, [], 0
    while k < len(piece):
        if piece.startswith(r"\left(", k):
            stack.append((k, braces))
            k += 6
            continue
        if piece.startswith(r"\right)", k) and stack:
            start, depth = stack.pop()
            pairs.append((start, k, depth))
            k += 7
            continue
        if piece[k] == "{":
            braces += 1
        elif piece[k] == "}":
            braces -= 1
        k += 1
    best = None
    whole = math_width(piece)
    for start, end, depth in pairs:
        inner = piece[start + 6:end]
        # a group worth breaking: outside braces, a sum, and a fair share of the piece
        if depth == 0 and _top_level_splits(inner) and math_width(inner) > 0.3 * whole:
            w = math_width(inner)
            if best is None or w > best[0]:
                best = (w, start, end)
    if best is None:
        return [piece]
    _, start, end = best
    around = [(a, b) for a, b, _ in pairs if a < start and b > end]
    chars = list(piece)
    for a, b in around + [(start, end)]:
        chars[a:a + 6] = list("\x00" * 6)
        chars[b:b + 7] = list("\x01" * 7)
    marked = "".join(chars)
    inner = piece[start + 6:end]
    cuts = _top_level_splits(inner)
    parts, last = [], 0
    for pos in cuts:
        parts.append(inner[last:pos].strip())
        last = pos
    parts.append(inner[last:].strip())
    parts[0] = marked[:start] + "\x00" * 6 + parts[0]
    parts[-1] = parts[-1] + "\x01" * 7 + marked[end + 7:]

    def restore(text: str) -> str:
        return text.replace("\x00" * 6, r"\Bigl(").replace("\x01" * 7, r"\Bigr)")

    return [restore(p) for p in parts]


def break_formula(f: Formula, width: float = LINE_EM, indent: float | None = None
                  ) -> list[str]:
    """The right side of ``f`` as lines of at most about ``width`` em, broken at its
    pieces (and, for a piece wider than a line, inside its widest parenthesised sum). The
    first line shares the row with the left side; the others start after ``indent`` em
    (the widest left side of the aligned block; by default ``f``'s own)."""
    lhs = math_width(f.lhs) + 2.0 if f.lhs else 0.0
    rest = width - max(lhs, indent if indent is not None else 0.0) - 2.0
    budget = width - lhs
    if f.note:  # the tag set beside the first line
        budget -= 0.55 * len(f.note) + 3.0
    lines: list[str] = []
    cur = ""
    pieces: list[str] = []
    for piece in _pieces(f):
        todo = [piece]
        while todo:
            p = todo.pop(0)
            split = _split_inner(p) if math_width(p) > rest else [p]
            if len(split) == 1:
                pieces.append(p)
            else:
                todo = split + todo
    for piece in pieces:
        if cur and math_width(cur + " " + piece) > budget:
            lines.append(cur)
            cur = piece
            budget = rest
        else:
            cur = f"{cur} {piece}".strip()
    lines.append(cur)
    return lines


def _display_rows(f: Formula, indent: float = 0.0) -> str:
    lines = break_formula(f, indent=indent)
    tag = rf"\tag*{{\small({escape_text(f.note)})}}" if f.note else ""
    rel = f.relation
    if f.lhs:
        head = rf"{f.lhs} &{rel} {lines[0]}{tag}"
    else:
        head = rf"& {lines[0]}{tag}"
    rest = "".join(rf" \\*" + "\n" + rf"&\qquad {ln}" for ln in lines[1:])
    return head + rest


def _table(b: Table, lang: str) -> str:
    spec = "".join({"X": "Y", "l": "l", "r": "r", "c": "c"}[k] for k in b.kinds)
    head = " & ".join(rf"\textbf{{{escape_text(h)}}}" for h in b.header) + r" \\"
    rows = []
    for row in b.rows:
        rows.append(" & ".join(_parts(c, table=True) for c in row) + r" \\")
    # the first page's head carries the caption and the label; the heads of the pages a
    # long table continues on repeat the column names only (a label set twice is an error)
    first = (rf"\caption{{{escape_text(b.caption)}}}{_label(b.anchor)}\\" + "\n") \
        if b.caption else ""
    rule_head = r"\toprule" + "\n" + head + "\n" + r"\midrule"
    return ("{\\small\\setlength{\\tabcolsep}{4pt}\n"
            rf"\begin{{xltabular}}{{\linewidth}}{{{spec}}}" + "\n" + first + rule_head
            + r"\endfirsthead" + "\n" + rule_head + r"\endhead" + "\n" + "\n".join(rows)
            + "\n" + r"\bottomrule\end{xltabular}}" + "\n")


def _block(b: Block, lang: str) -> str:
    if isinstance(b, Heading):
        app = "\\appendix\n" if b.appendix else ""
        title = rf"\texorpdfstring{{{b.tex}}}{{{escape_text(b.title)}}}" if b.tex \
            else escape_text(b.title)
        return app + rf"\{_HEADINGS[b.level]}{{{title}}}{_label(b.anchor)}" + "\n"
    if isinstance(b, Paragraph):
        lead = rf"\lead{{{b.label}}}" if b.label else ""
        return lead + _parts(b.parts) + "\n"
    if isinstance(b, Display):
        lead = rf"\lead{{{b.label}}}" + "\n" if b.label else ""
        if not b.formulas:
            return lead
        indent = max(math_width(f.lhs) + 2.0 if f.lhs else 0.0 for f in b.formulas)
        body = " \\\\\n".join(_display_rows(f, indent) for f in b.formulas)
        return lead + "\\begin{align*}\n" + body + "\n\\end{align*}\n"
    if isinstance(b, Table):
        return _table(b, lang)
    if isinstance(b, Figure):
        return ("\\begin{figure}[tbp]\\centering\n"
                rf"\includegraphics[width=\linewidth]{{figures/{b.stem}.pdf}}" + "\n"
                rf"\caption{{{b.caption}}}\label{{{b.anchor or 'fig:' + b.stem}}}" + "\n"
                "\\end{figure}\n")
    if isinstance(b, Theorem):
        env = _ENVIRONMENTS[b.kind]
        out = rf"\begin{{{env}}}[{b.title}]{_label(b.anchor)}" + "\n" + _parts(b.statement) \
            + "\n" + rf"\end{{{env}}}" + "\n"
        if b.proof:
            body = "\n".join(_block(p, lang) for p in b.proof)
            out += (rf"\begin{{proof}}[{b.proof_label}]" + "\n" + body
                    + "\n\\end{proof}\n")
        return out
    if isinstance(b, Quote):
        out = "\\begin{quote}\\raggedright\n"
        out += rf"\lead{{{b.label_original}}}" + _parts(b.original) + "\n"
        if b.translation:
            out += ("\n" + rf"\lead{{{b.label_translation}}}"
                    + _parts(b.translation) + "\n")
        return out + "\\end{quote}\n"
    if isinstance(b, Items):
        items = "\n".join(r"\item " + _parts(it) for it in b.items)
        return "\\begin{itemize}[nosep,leftmargin=1.5em]\n" + items + "\n\\end{itemize}\n"
    raise TypeError(f"unknown block {b!r}")  # pragma: no cover - the model is closed


def _front(front: Front, lang: str) -> str:
    meta = r"\parbox{0.8\linewidth}{\centering\normalsize " + r" \\ ".join(front.meta) + "}"
    sub = rf"\\[0.6ex]\large {front.subtitle}" if front.subtitle else ""
    return (rf"\title{{{escape_text(front.title)}{sub}}}" + "\n"
            + rf"\author{{{meta}}}" + "\n\\date{}\n\\begin{document}\n\\maketitle\n"
            + ("\\begin{abstract}\n" + _parts(front.abstract) + "\n\\end{abstract}\n"
               if front.abstract else "")
            + "\\tableofcontents\n")


def to_latex(report: Report) -> str:
    """The whole document, ``\\documentclass`` to ``\\end{document}``."""
    lang = report.lang
    parts: list[str] = []
    for k, b in enumerate(report.blocks):
        text = _block(b, lang)
        # consecutive displays stay in one paragraph (no empty line between them)
        if k and isinstance(b, Display) and not b.label and \
                isinstance(report.blocks[k - 1], Display):
            parts[-1] = parts[-1].rstrip("\n") + "\n" + text
        else:
            parts.append(text)
    body = "\n".join(parts)
    refs = ("\n\\begin{thebibliography}{9}\n\\bibitem{su2020} "
            + escape_text(say(lang, "bib.su2020")) + "\n\\end{thebibliography}\n")
    return preamble(lang) + _front(report.front, lang) + "\n" + body + refs + "\\end{document}\n"
