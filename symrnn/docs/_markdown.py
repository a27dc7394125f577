r"""The report as Markdown (GitHub-flavoured, math in ``$…$`` / ``$$…$$``).

The structure is the LaTeX document's: sections, theorems and tables are numbered the same
way, and ``\ref`` becomes a link with that number. In table cells ``|`` is escaped
(``\|`` in text, ``\vert``/``\Vert`` in math), so a cell never splits; long displayed
formulas are broken into ``aligned`` lines at the same places as in the PDF.

>>> from symrnn.docs._model import Report, Front, Paragraph, Text
>>> md = to_markdown(Report(Front("t", "", (), ()), (Paragraph((Text("a*b"),), "Note"),)))
>>> print(md.split('<a id="references">')[0].strip())
# t
<BLANKLINE>
**Note.** a\*b
"""

from __future__ import annotations

import re

from ._latex import break_formula, math_width
from ._model import (Block, Display, Figure, Formula, Front, Heading, Inline, Items,
                     Paragraph, Quote, Report, Table, TeX, Theorem)
from ._words import say

__all__ = ["to_markdown", "tex_to_markdown"]

_ESCAPE = {ch: "\\" + ch for ch in "\\`*_[]<>#|$"}


def _escape(text: str) -> str:
    return "".join(_ESCAPE.get(ch, ch) for ch in text)


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _table_math(tex: str) -> str:
    """Math for a table cell: no ``|`` at all (GFM splits cells at every unescaped one)."""
    tex = tex.replace(r"\|", r"\Vert ").replace(r"\left|", r"\left\vert ")
    tex = tex.replace(r"\right|", r"\right\vert ").replace("|", r"\vert ")
    return tex


_TEXT_CMD = re.compile(r"\\(emph|textbf|texttt|claimid|text|ref|cite|hyperref)\b")
_SIMPLE = {r"\allowbreak{}": "", r"\ldots": "…", r"\dots": "…", r"\%": "%", r"\&": "&", r"\_": "_", r"\#": "#",
           r"\$": "$", r"\{": "{", r"\}": "}", r"\,": " ", r"\ ": " ", r"\\": " ",
           r"\allowbreak": "", r"\textbackslash": "\\", r"\textasciitilde": "~",
           r"\^": "^", r"\quad": " "}


class _Refs:
    """Numbers of sections, theorems, tables and figures, by anchor (as LaTeX counts them)."""

    def __init__(self) -> None:
        self.numbers: dict[str, str] = {}


def _brace(src: str, k: int) -> tuple[str, int]:
    depth, j = 0, k
    while j < len(src):
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return src[k + 1:j], j + 1
        j += 1
    return src[k + 1:], len(src)


def tex_to_markdown(src: str, refs: _Refs | None = None, in_table: bool = False,
                    code: bool = False) -> str:
    """LaTeX text mode (``$…$`` math, a few text commands) as Markdown; ``code``: the
    inside of ``\\texttt``, where ``--`` is two hyphens (a command's option), not a dash."""
    out: list[str] = []
    k = 0
    plain = ""

    def flush() -> None:
        nonlocal plain
        text = plain
        for a, b in _SIMPLE.items():
            text = text.replace(a, b)
        if not code:
            text = text.replace("---", "—").replace("--", "–").replace("~", " ")
        text = re.sub(r"\\[A-Za-z]+\{\}", "", text)
        out.append(_escape(text))
        plain = ""

    while k < len(src):
        ch = src[k]
        if ch == "$":
            flush()
            end = src.find("$", k + 1)
            while end > 0 and src[end - 1] == "\\":
                end = src.find("$", end + 1)
            end = len(src) if end < 0 else end
            math = src[k + 1:end]
            out.append("$" + (_table_math(math) if in_table else math) + "$")
            k = end + 1
            continue
        m = _TEXT_CMD.match(src, k) if ch == "\\" else None
        if m and m.end() < len(src) and src[m.end()] in "{[":
            flush()
            cmd = m.group(1)
            j = m.end()
            target = ""
            if cmd == "hyperref" and src[j] == "[":
                close = src.index("]", j)
                target = src[j + 1:close]
                j = close + 1
            arg, j = _brace(src, j)
            if cmd == "emph":
                out.append("*" + tex_to_markdown(arg, refs, in_table) + "*")
            elif cmd == "textbf":
                out.append("**" + tex_to_markdown(arg, refs, in_table) + "**")
            elif cmd in ("texttt", "claimid"):
                inner = tex_to_markdown(arg, refs, code=True).replace("\\", "")
                span = _code(inner)
                out.append(span.replace("|", r"\|") if in_table else span)
            elif cmd == "text":
                out.append(tex_to_markdown(arg, refs, in_table))
            elif cmd == "ref":
                number = refs.numbers.get(arg, "?") if refs else "?"
                out.append(f"[{number}](#{arg})")
            elif cmd == "cite":
                out.append("[1](#references)")
            elif cmd == "hyperref":
                out.append(f"[{tex_to_markdown(arg, refs, in_table)}](#{target})")
            k = j
            continue
        plain += ch
        k += 1
    flush()
    return "".join(out)


def _inline(part: Inline, refs: _Refs, in_table: bool = False) -> str:
    if isinstance(part, Formula):
        return "$" + (_table_math(part.latex) if in_table else part.latex) + "$"
    if isinstance(part, TeX):
        return tex_to_markdown(part.source, refs, in_table)
    if part.style == "bold":
        return f"**{_escape(part.text)}**"
    if part.style == "emph":
        return f"*{_escape(part.text)}*"
    if part.style in ("code", "id", "ref"):
        code = _code(part.text)
        code = code.replace("|", r"\|") if in_table else code
        return code if part.style != "ref" else f"[{code}](#{part.target})"
    text = _escape(part.text)
    return text.replace("|", r"\|") if in_table and r"\|" not in text else text


def _parts(parts: tuple[Inline, ...], refs: _Refs, in_table: bool = False) -> str:
    out = ""
    for p in parts:
        s = _inline(p, refs, in_table)
        if out and not out.endswith((" ", "(")) and not s.startswith((" ", ",", ".", ";", ":", ")")):
            if not isinstance(p, TeX) and not out[-1] in "。，；：（":
                out += " "
        out += s
    return out


def _display(f: Formula, indent: float = 0.0) -> str:
    lines = break_formula(f, indent=indent)
    note = f"*({f.note})*\n\n" if f.note else ""
    if len(lines) == 1:
        return f"{note}$$\n{f.latex}\n$$\n"
    first = f"{f.lhs} &{f.relation} {lines[0]}" if f.lhs else f"&{lines[0]}"
    rest = "".join(f" \\\\\n&\\qquad {ln}" for ln in lines[1:])
    return f"{note}$$\n\\begin{{aligned}}\n{first}{rest}\n\\end{{aligned}}\n$$\n"


def _number(report: Report) -> _Refs:
    """Number the report as LaTeX does (sections 1, 2, …; appendices A, B, …; theorems
    per section; tables and figures in one sequence each)."""
    refs = _Refs()
    sec = sub = subsub = thm = tab = fig = 0
    appendix = False

    def label() -> str:
        s = chr(ord("A") + sec - 1) if appendix else str(sec)
        return s

    for b in report.blocks:
        blocks = [b] + (list(b.proof) if isinstance(b, Theorem) else [])
        for x in blocks:
            if isinstance(x, Heading):
                if x.appendix:
                    appendix, sec = True, 0
                if x.level == 1:
                    sec, sub, subsub, thm = sec + 1, 0, 0, 0
                    num = label()
                elif x.level == 2:
                    sub, subsub = sub + 1, 0
                    num = f"{label()}.{sub}"
                else:
                    subsub += 1
                    num = f"{label()}.{sub}.{subsub}"
                if x.anchor:
                    refs.numbers[x.anchor] = num
                refs.numbers["heading:" + str(id(x))] = num
            elif isinstance(x, Theorem):
                thm += 1
                refs.numbers["thm:" + str(id(x))] = f"{label()}.{thm}"
                if x.anchor:
                    refs.numbers[x.anchor] = f"{label()}.{thm}"
            elif isinstance(x, Table) and x.caption:
                tab += 1
                if x.anchor:
                    refs.numbers[x.anchor] = str(tab)
                refs.numbers["table:" + str(id(x))] = str(tab)
            elif isinstance(x, Figure):
                fig += 1
                refs.numbers[x.anchor or "fig:" + x.stem] = str(fig)
                refs.numbers["figure:" + str(id(x))] = str(fig)
    return refs


_THM_KEY = {"theorem": "thm.theorem", "refuted": "thm.refuted", "open": "thm.open",
            "measured": "thm.measured"}


def _block(b: Block, figure_dir: str, refs: _Refs, lang: str) -> str:
    if isinstance(b, Heading):
        num = refs.numbers.get("heading:" + str(id(b)), "")
        anchor = f'<a id="{b.anchor}"></a>\n' if b.anchor else ""
        title = tex_to_markdown(b.tex, refs) if b.tex else _escape(b.title)
        return f"{anchor}{'#' * (b.level + 1)} {num} {title}\n"
    if isinstance(b, Paragraph):
        lead = f"**{tex_to_markdown(b.label, refs)}.** " if b.label else ""
        return lead + _parts(b.parts, refs) + "\n"
    if isinstance(b, Display):
        lead = f"**{tex_to_markdown(b.label, refs)}.**\n\n" if b.label else ""
        indent = max((math_width(f.lhs) + 2.0 if f.lhs else 0.0 for f in b.formulas),
                     default=0.0)
        return lead + "\n".join(_display(f, indent) for f in b.formulas)
    if isinstance(b, Table):
        head = "| " + " | ".join(_escape(h) for h in b.header) + " |"
        rule = "|" + "---|" * len(b.header)
        rows = ["| " + " | ".join(_parts(c, refs, in_table=True) or " " for c in row) + " |"
                for row in b.rows]
        num = refs.numbers.get("table:" + str(id(b)), "")
        anchor = f'<a id="{b.anchor}"></a>\n' if b.anchor else ""
        table_word = "表" if lang == "zh" else "Table"
        cap = f"{anchor}*{table_word} {num}. {_escape(b.caption)}*\n\n" if b.caption else ""
        return cap + "\n".join([head, rule, *rows]) + "\n"
    if isinstance(b, Figure):
        num = refs.numbers.get("figure:" + str(id(b)), "")
        word = "图" if lang == "zh" else "Figure"
        anchor = f'<a id="{b.anchor or "fig:" + b.stem}"></a>\n'
        caption = tex_to_markdown(b.caption, refs)
        return (f"{anchor}![{word} {num}]({figure_dir}/{b.stem}.png)\n\n"
                f"*{word} {num}. {caption}*\n")
    if isinstance(b, Theorem):
        num = refs.numbers.get("thm:" + str(id(b)), "")
        anchor = f'<a id="{b.anchor}"></a>\n' if b.anchor else ""
        title = tex_to_markdown(b.title, refs)
        out = (f"{anchor}**{say(lang, _THM_KEY[b.kind])} {num}** ({title}). "
               + _parts(b.statement, refs) + "\n")
        if b.proof:
            body = "\n".join(_block(p, figure_dir, refs, lang) for p in b.proof).strip()
            end = "\n\n∎" if body.endswith("$$") else " ∎"
            out += f"\n*{tex_to_markdown(b.proof_label, refs)}.* {body}{end}\n"
        return out
    if isinstance(b, Quote):
        out = f"> **{tex_to_markdown(b.label_original, refs)}.** " + _parts(b.original, refs) \
            + "\n"
        if b.translation:
            out += ">\n> " + f"**{tex_to_markdown(b.label_translation, refs)}.** " \
                + _parts(b.translation, refs) + "\n"
        return out
    if isinstance(b, Items):
        return "\n".join("- " + _parts(it, refs) for it in b.items) + "\n"
    raise TypeError(f"unknown block {b!r}")  # pragma: no cover - the model is closed


def _front(front: Front, refs: _Refs, lang: str) -> str:
    out = f"# {_escape(front.title)}\n\n"
    if front.subtitle:
        out += f"*{_escape(front.subtitle)}*\n\n"
    if front.meta:
        out += "  \n".join(tex_to_markdown(m, refs) for m in front.meta) + "\n\n"
    if front.abstract:
        out += f"**{_escape(front.abstract_label)}.** " + _parts(front.abstract, refs) + "\n\n"
    return out


def to_markdown(report: Report, figure_dir: str = "figures") -> str:
    """The whole report as one Markdown document; figures are linked as
    ``figure_dir/<stem>.png`` (relative to the Markdown file)."""
    refs = _number(report)
    lang = report.lang
    body = "\n".join(_block(b, figure_dir, refs, lang) for b in report.blocks)
    bib = (f'\n<a id="references"></a>\n## {_escape(say(lang, "ref.heading"))}\n\n'
           f"1. {_escape(say(lang, 'bib.su2020'))}\n") if report.blocks else ""
    return _front(report.front, refs, lang) + body + bib
