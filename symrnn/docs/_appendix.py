"""The appendices: the evidence in brief, the Jacobians of every cell, the term bounds, and
the reproducibility note.

The evidence table shows, per reading, the few numbers its sketch cites (or, for a reading
without a sketch, its first numeric leaves); the complete evidence is the JSON file shipped
beside the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import sympy

from ..bounds import comparison_table, term_suprema
from ..cells import CATALOG, Cell
from ..cells._base import prev_sym, t_sym
from ..claims import ClaimResult
from ..derivation import article_derivative, chains_latex, derive
from ..ndim import FORM_KEYS, matrix_form
from ._claim_section import (definitions, derivation_formula, partial_latex,
                             reading_anchor, term_displays)
from ._mathtext import escape_text, id_tex, mathify
from ._model import Block, Display, Formula, Heading, Inline, Paragraph, Table, TeX, Text
from ._readings import readings_of
from ._sketch import Sketch, cited
from ._sketches import SKETCHES
from ._typeset import ball_tex, expr_latex, fix_latex, parse_plain, value_tex
from ._words import say
from ._zh import ZH_CELLS

__all__ = ["Meta", "appendix_blocks", "cell_anchor"]


@dataclass(frozen=True)
class Meta:
    """What a dated build knows beyond the results: when, from which commit, with which
    versions, the commands and the times (seconds) of its steps."""

    version: str
    date: str = ""
    commit: str = ""
    versions: dict[str, str] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)
    command: str = "symrnn docs --out DIR"


def cell_anchor(name: str) -> str:
    return f"cell-{name.replace('_', '-')}"


_SKIP = {"steps", "certificates", "checker", "proof", "latex", "matrix_form", "groups",
         "statement", "method", "reasons", "checked", "format", "why", "caveat", "lemma",
         "errata", "empirical", "samples", "settings", "generic_entry"}


def _leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(data, dict):
        for k, v in data.items():
            if k not in _SKIP:
                yield from _leaves(v, f"{path}.{k}" if path else str(k))
    elif isinstance(data, list) and data and all(isinstance(v, dict) for v in data):
        yield from _leaves(data[0], f"{path}.0")
    else:
        yield path, data


def _numeric(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return True
    return isinstance(v, str) and bool(re.fullmatch(r"-?\d+(/\d+)?|\[[-+0-9.e]+ \+/- [0-9.e+-]+\]",
                                                     v.strip()))


def _key_numbers(evidence: dict, sketch: Sketch | None) -> list[tuple[str, str]]:
    """(path, LaTeX) of the numbers a reading's sketch cites; for a reading without a
    sketch, its first numeric leaves."""
    if sketch is not None:
        found = cited(sketch, evidence)
        if found:
            return found
    return [(p, f"${ball_tex(v) if isinstance(v, str) and v.startswith('[') else value_tex(v)}$")
            for p, v in _leaves(evidence) if _numeric(v)][:4]


def _short_path(p: str) -> str:
    """An evidence path as LaTeX: the JSON keys in typewriter type (they name the entries of
    the evidence file), a key that is a formula (``dh_t/dh_{t-1}``) typeset."""
    keys = [x for x in p.split(".")]
    out = []
    for x in keys:
        if re.search(r"[∂/{}^]|_\{", x):
            out.append(mathify(x))
        else:
            out.append(id_tex(x))
    return ".".join(out)


def _evidence_table(results: Sequence[ClaimResult], lang: str) -> Table:
    rows = []
    for r in results:
        for v in readings_of(r):
            ev = dict(v.verdict.evidence)
            if v.verdict.witness is not None:
                ev["witness"] = {str(k): str(x) for k, x in v.verdict.witness.items()}
            nums = [(p, tex) for p, tex in _key_numbers(ev, SKETCHES.get(v.id))
                    if r"\begin{pmatrix}" not in tex][:4]
            cells: list[Inline] = [TeX(("; " if k else "") + _short_path(p) + ": "
                                       + tex) for k, (p, tex) in enumerate(nums)]
            rows.append(((Text(v.id, "ref", reading_anchor(v.id)),),
                         tuple(cells) or (Text(say(lang, "none")),)))
    return Table((say(lang, "col.reading"), say(lang, "col.evidence")), tuple(rows),
                 say(lang, "app.evidence.caption"), ("l", "X"), "tab:evidence")


def _cell_blocks(cell: Cell, lang: str) -> list[Block]:
    name = ZH_CELLS.get(cell.name, cell.title) if lang == "zh" else cell.title
    title = name + (f" ({cell.equation})" if cell.equation else "")
    out: list[Block] = [Heading(2, f"{cell.name}: {title}", cell_anchor(cell.name),
                                tex=f"{id_tex(cell.name)}: {mathify(title)}"),
                        Display(definitions(cell), say(lang, "form.definitions"))]
    d = article_derivative(cell.name)
    subs = tuple(Formula(expr_latex(e), expr_latex(s), e) for s, e in d.substitutions.items())
    if subs:
        out.append(Display(subs, say(lang, "form.substitution")))
    out.append(Display((derivation_formula(d, lang),), say(lang, "app.jacobians.article")))
    out += term_displays(d, lang)
    jac = derive(cell.name)
    block = say(lang, "form.block")
    states = list(dict.fromkeys(i for _, i in jac.blocks))
    blocks = tuple(Formula(fix_latex(chains_latex(chains)), block_partial(o, i, states),
                           note=block if len(states) > 1 else "")
                   for (o, i), chains in jac.blocks.items())
    out.append(Display(blocks, say(lang, "app.jacobians.blocks")))
    forms = []
    seen: set[str] = set()
    for k in FORM_KEYS[cell.name]:
        bf = matrix_form(cell.name, k)
        if bf.form.latex() in seen:  # a one-state cell's "article" block is its h/h block
            continue
        seen.add(bf.form.latex())
        pieces = _form_pieces(bf.form)
        lhs = bf.latex().split(" = ", 1)[0]
        if k != "article" and len(states) > 1:
            of, wrt = k.split("/")
            lhs = block_partial(of, wrt, states)
        note = say(lang, "form.path") if (k == "article" and bf.substitutions) else \
            (block if k != "article" and "/" in k and len(FORM_KEYS[cell.name]) > 2 else "")
        forms.append(Formula(" ".join(pieces), lhs, pieces=pieces, note=note))
    out.append(Display(tuple(forms), say(lang, "app.jacobians.matrix")))
    return out


def block_partial(of: str, wrt: str, states: Sequence[str]) -> str:
    r"""``∂of_t/∂wrt_{t-1}`` with the other previous states held fixed written as a
    subscript bar (``\bigl.\frac{∂c_t}{∂c_{t-1}}\bigr|_{h_{t-1}}``)."""
    frac = partial_latex(t_sym(of), prev_sym(wrt))
    held = [s for s in states if s != wrt]
    if not held:
        return frac
    return rf"\left.{frac}\right|_{{{','.join(expr_latex(prev_sym(s)) for s in held)}}}"


def _form_pieces(form: Any) -> tuple[str, ...]:
    """A matrix form as summands where a displayed line may break: a top-level sum term by
    term, and a parenthesised sum inside a product opened with ``\\bigl(`` so that its
    terms may go on separate lines."""
    from ..ndim.matrix_form import Plus, Times

    def terms(f: Any) -> list[str]:
        if isinstance(f, Plus):
            out: list[str] = []
            for k, t in enumerate(f.terms):
                sub = terms(t)
                out += ([sub[0]] if k == 0 else ["+ " + sub[0]]) + sub[1:]
            return out
        if isinstance(f, Times):
            out = [""]
            for g in f.factors:
                if isinstance(g, Plus) and len(g.terms) > 1:
                    inner = terms(g)
                    out[-1] = (out[-1] + r" \Bigl(" + inner[0]).strip()
                    out += inner[1:]
                    out[-1] += r"\Bigr)"
                else:
                    out[-1] = (out[-1] + " " + g.latex()).strip()
            return out
        return [f.latex()]

    return tuple(fix_latex(t) for t in terms(form))


def _bounds_table(lang: str) -> tuple[Table, Display | None]:
    """The term-bound table, and the definitions of the reset factors (ψ, χ) it names."""
    rows = []
    named: dict[str, sympy.Expr] = {}
    for name in dict.fromkeys(row["cell"] for row in comparison_table()):
        for ts in term_suprema(name):
            j = ts.to_json()
            m = re.search(r"\b(psi|chi)\(", j["sup_factor"])
            if m and ts.factor_formula.has(sympy.Piecewise):
                named[m.group(1)] = ts.factor_formula
            factor = expr_latex(parse_plain(j["sup_factor"].replace("|U_r|", "Abs(U_r)")))
            weight = rf"\left|{expr_latex(ts.weight)}\right|" if ts.weight is not None else ""
            if weight and factor == "1":  # 1·|U| is |U|
                factor = ""
            elif weight:
                weight = r"\," + weight
            rows.append(((Text(name),), (Formula(expr_latex(ts.expr), expr=ts.expr),),
                         (Formula(factor + weight),),
                         (Formula(ball_tex(j["enclosure"], 8)),) if "enclosure" in j
                         else (Text(say(lang, "none")),),
                         (Text(say(lang, "yes" if ts.attained else "no")),)))
    table = Table((say(lang, "col.cell"), say(lang, "col.term"), say(lang, "col.sup"),
                   say(lang, "col.enclosure"), say(lang, "col.attained")), tuple(rows),
                  say(lang, "app.bounds.caption"), ("l", "X", "X", "l", "l"), "tab:bounds")
    k = sympy.Symbol("k", nonnegative=True)
    defs = tuple(Formula(expr_latex(f.subs({s: k for s in f.free_symbols if s.name == "k"})),
                         rf"\{name}(k)") for name, f in named.items())
    return table, Display(defs, say(lang, "app.bounds.reset")) if defs else None


def _repro(meta: Meta | None, lang: str) -> list[Block]:
    out: list[Block] = [Heading(1, say(lang, "app.repro"), "app:repro")]
    if meta is None:
        out.append(Paragraph((TeX(say(lang, "meta.reproducible")),)))
        command = "symrnn docs --out DIR --no-pdf --no-empirical --no-figures --markdown FILE"
        versions = {}
    else:
        command = meta.command
        versions = meta.versions
    vs = ", ".join(f"{escape_text(k)} {escape_text(v)}" for k, v in versions.items()) or "–"
    # the command names the output path: breakable after each / (a long path), and at its
    # spaces, never inside an option
    command_tex = r"\texttt{" + escape_text(command).replace("/", r"/\allowbreak{}") + "}"
    out.append(Paragraph((TeX(say(lang, "app.repro.body", command=command_tex,
                                  versions=vs)),)))
    out.append(Paragraph((TeX(say(lang, "app.repro.commands")),)))
    if meta is not None and meta.times:
        times = ", ".join(f"{escape_text(k)} {v:.1f}~s" for k, v in meta.times.items())
        out.append(Paragraph((TeX(say(lang, "app.repro.times", times=times)),)))
    return out


def appendix_blocks(results: Sequence[ClaimResult], lang: str, meta: Meta | None,
                    json_name: str) -> list[Block]:
    """Every appendix, in order."""
    out: list[Block] = [Heading(1, say(lang, "app.evidence"), "app:evidence", appendix=True),
                        Paragraph((TeX(say(lang, "app.evidence.body", json=json_name)),)),
                        _evidence_table(results, lang),
                        Heading(1, say(lang, "app.jacobians"), "jacobians"),
                        Paragraph((TeX(say(lang, "app.jacobians.body")),))]
    for cell in CATALOG.values():
        out += _cell_blocks(cell, lang)
    table, reset = _bounds_table(lang)
    out += [Heading(1, say(lang, "app.bounds"), "term-bounds"),
            Paragraph((TeX(say(lang, "app.bounds.body")),)), table]
    if reset is not None:
        out.append(reset)
    out += _repro(meta, lang)
    return out
