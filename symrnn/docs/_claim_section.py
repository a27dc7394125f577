"""One claim of the article, as the report sets it: the article's words, the printed and
derived forms (for an equation), and each reading as a theorem, a refuted claim or an
open question with its proof sketch.

Forms come from :mod:`symrnn.claims.article` (printed) and :func:`symrnn.article_derivative`
(derived); statements from the readings; sketches from :mod:`._sketches` filled with the
reading's evidence.
"""

from __future__ import annotations

import re
from typing import Any

import sympy

from ..cells import CATALOG, Cell
from ..cells._base import t_sym
from ..claims import ClaimResult, formula4, printed
from ..claims.equations import DERIVED, printed_cells
from ..derivation import article_derivative
from ._coq import CoqReport, record_for
from ._mathtext import escape_text, id_tex, math_of, mathify
from ._model import Block, Display, Formula, Heading, Paragraph, Quote, TeX, Text, Theorem
from ._readings import ReadingView, readings_of
from ._sketch import Sketch, generic_method, sketch_blocks
from ._sketches import SKETCHES
from ._typeset import expr_latex, fix_latex
from ._words import say
from ._zh import ZH_CLAIMS, ZH_STATEMENTS

__all__ = ["claim_blocks", "claim_anchor", "reading_anchor", "reading_statement",
           "reading_method", "derivation_formula", "partial_latex", "term_displays",
           "definitions"]

# eq → the cell whose catalog definitions are checked against the printed ones
_DEFINITIONS = {"eq5": "rnn", "eq7": "lstm", "eq11": "gru", "eq12": "mgu", "eq14": "variant"}


def claim_anchor(cid: str) -> str:
    return f"claim-{cid}"


def reading_anchor(rid: str) -> str:
    return "reading-" + re.sub(r"[^A-Za-z0-9-]", "-", rid)


def partial_latex(of: sympy.Expr, wrt: sympy.Expr) -> str:
    r"""``\frac{\partial of}{\partial wrt}``."""
    return rf"\frac{{\partial {expr_latex(of)}}}{{\partial {expr_latex(wrt)}}}"


def _sum_pieces(terms: list[sympy.Expr]) -> tuple[str, ...]:
    """Each term's LaTeX, the second on with its sign (``+ a``, ``- a``)."""
    out: list[str] = []
    for t in terms:
        s = expr_latex(t)
        if not out:
            out.append(s)
        elif s.startswith("- "):
            out.append("- " + s[2:])
        else:
            out.append("+ " + s)
    return tuple(out) or ("0",)


def derivation_formula(d: Any, lang: str = "en") -> Formula:
    """A derivation in 1-D, its terms in the article's order, labelled path derivative
    when the article substitutes along a path."""
    pieces = _sum_pieces([t.expr for t in d.terms])
    note = say(lang, "form.path") if d.substitutions else ""
    return Formula(" ".join(pieces), partial_latex(d.of, d.wrt), d.expr, pieces, note=note)


def term_displays(d: Any, lang: str, label: str = "") -> list[Block]:
    """Each term of a derivation, one aligned block per term (so a long label does not
    push every other row right): its 1-D form and its matrix form, labelled by role. The
    first block carries ``label``."""
    out: list[Block] = []
    for k, t in enumerate(d.terms):
        role = say(lang, "form.main" if t.role == "main" else "form.secondary")
        name = math_of(t.label)
        one_d = expr_latex(t.expr)
        if re.sub(r"[{} ]", "", one_d) == re.sub(r"[{} ]", "", name):  # the label is the term
            rows: tuple[Formula, ...] = (Formula(fix_latex(t.latex()), name, relation=r"\colon",
                                                 note=f"{role}, n-D"),)
        else:
            rows = (Formula(one_d, name, t.expr, note=f"{role}, 1-D"),
                    Formula(fix_latex(t.latex()), r"\phantom{=}", relation=r"\quad",
                            note=f"{role}, n-D"))
        out.append(Display(rows, label if k == 0 else ""))
    return out


def definitions(cell: Cell) -> tuple[Formula, ...]:
    return tuple(Formula(expr_latex(e), expr_latex(s), e) for s, e in cell.definitions)


def _lhs_of(eq: str) -> tuple[str, sympy.Expr]:
    """The typeset left side of a printed derivative eq, and the derived 1-D form."""
    cell, term, _ = DERIVED[eq]
    d = article_derivative(cell)
    if term is None:
        return partial_latex(d.of, d.wrt), d.expr
    coeff, gate = term
    c = d.wrt if coeff == "c_{t-1}" else t_sym(coeff)
    derived = next(t for t in d.terms if t.via == t_sym(gate)).expr
    return f"{expr_latex(c)} {partial_latex(t_sym(gate), d.wrt)}", derived


def _forms(cid: str, lang: str) -> list[Block]:
    """The printed form and the derived form of an equation claim (none for the others)."""
    if cid.startswith("eq4"):
        lhs, rhs = formula4(cid)
        return [Display((Formula(expr_latex(rhs), expr=rhs),), say(lang, "form.printed")),
                Display((Formula(expr_latex(lhs), expr=lhs),), say(lang, "form.lhs_sympy"))]
    if cid in DERIVED:
        lhs, derived = _lhs_of(cid)
        cell = DERIVED[cid][0]
        note = say(lang, "form.path") if article_derivative(cell).substitutions else ""
        form = printed(cid)
        return [Display((Formula(expr_latex(form), lhs, form, note=note),),
                        say(lang, "form.printed")),
                Display((Formula(expr_latex(derived), lhs, derived, note=note),),
                        say(lang, "form.derived"))]
    if cid == "eq8":
        d = article_derivative("lstm")
        subs = tuple(Formula(expr_latex(e), expr_latex(s), e) for s, e in d.substitutions.items())
        return [Display(subs, say(lang, "form.substitution")),
                Display((derivation_formula(d, lang),), say(lang, "form.derived")),
                *term_displays(d, lang, say(lang, "form.terms"))]
    if cid in _DEFINITIONS:
        eqs = printed_cells()[cid]
        printed_forms = tuple(Formula(expr_latex(e), expr_latex(sympy.Symbol(n)), e)
                              for n, e in eqs.items())
        return [Display(printed_forms, say(lang, "form.printed_defs")),
                Display(definitions(CATALOG[_DEFINITIONS[cid]]),
                        say(lang, "form.catalog", cell=_DEFINITIONS[cid]))]
    return []


def reading_statement(v: ReadingView, lang: str) -> str:
    """The reading's statement as LaTeX text: the registry's ``statement_latex`` (English)
    or the Chinese table's; the plain statement typeset when neither exists yet."""
    if lang == "zh" and v.id in ZH_STATEMENTS:
        return ZH_STATEMENTS[v.id]
    if v.statement_latex:
        return v.statement_latex
    return mathify(v.statement)


def reading_method(v: ReadingView, claim_method: str) -> str:
    """The method key of a reading (:data:`._sketch.METHODS`)."""
    sk = SKETCHES.get(v.id)
    return sk.method if sk is not None else generic_method(claim_method, v.verdict.status,
                                                           v.kind)


def _evidence(v: ReadingView) -> dict:
    ev = dict(v.verdict.evidence)
    if v.verdict.witness is not None:
        ev["witness"] = {str(k): str(val) for k, val in v.verdict.witness.items()}
    return ev


def _generic_sketch(v: ReadingView, lang: str, claim_method: str) -> tuple[Block, ...]:
    """A reading without a sketch of its own: its method, typeset, and its witness."""
    out: list[Block] = [Paragraph((TeX(mathify(v.verdict.method) + "."),))]
    if v.verdict.witness:
        out.append(Display(tuple(Formula(expr_latex(val), expr_latex(sym), val) for sym, val in
                                 sorted(v.verdict.witness.items(), key=lambda kv: str(kv[0]))),
                           say(lang, "counterexample.values")))
    return tuple(out)


def _kind(v: ReadingView) -> str:
    if v.verdict.status == "proved":
        return "theorem"
    if v.verdict.status == "refuted":
        return "refuted"
    return "measured" if v.kind == "measurement" else "open"


def _proof_label(kind: str, lang: str) -> str:
    return say(lang, {"theorem": "proof.sketch", "refuted": "proof.counterexample",
                      "measured": "proof.measured", "open": "proof.open"}[kind])


def _coq_line(v: ReadingView, lang: str, coq: CoqReport | None) -> tuple[Block, ...]:
    rec = record_for(coq, v.id)
    if not rec.theorems:
        return ()
    names = ", ".join(r"\texttt{" + escape_text(n) + "}" for n in rec.theorems)
    status = say(lang, f"coq.{rec.status}")
    text = f"{names}（{status}）。" if lang == "zh" else f"{names} ({status})."
    return (Paragraph((TeX(text),), "Coq"),)


def reading_theorem(v: ReadingView, lang: str, claim_method: str,
                    empirical: dict | None = None, coq: CoqReport | None = None) -> Theorem:
    """A reading as a theorem-like block with its proof sketch."""
    kind = _kind(v)
    sk: Sketch | None = SKETCHES.get(v.id)
    evidence = _evidence(v)
    if empirical is not None and "empirical" not in evidence:
        evidence["empirical"] = empirical
    proof = sketch_blocks(sk, lang, evidence) if sk is not None else \
        _generic_sketch(v, lang, claim_method)
    proof += _coq_line(v, lang, coq)
    if not v.as_expected:
        proof += (Paragraph((Text(say(lang, "not_recorded",
                                      expected=say(lang, f"verdict.{v.expected}")), "bold"),)),)
    sep = "；" if lang == "zh" else "; "
    title = id_tex(v.id) + sep + say(lang, f"verdict.{v.verdict.status}")
    if v.principal:
        title += sep + say(lang, "reading.principal")
    return Theorem(kind, title, (TeX(reading_statement(v, lang)),), proof,
                   _proof_label(kind, lang), reading_anchor(v.id))


def claim_blocks(r: ClaimResult, lang: str, empirical: bool,
                 coq: CoqReport | None = None) -> list[Block]:
    """The blocks of one claim: heading, the article's words, forms, readings."""
    c = r.claim
    out: list[Block] = [Heading(2, c.id, claim_anchor(c.id))]
    if c.zh:  # the Chinese edition quotes the original only
        out.append(Quote((TeX(mathify(c.zh)),), (TeX(mathify(c.en)),) if lang == "en" else (),
                         say(lang, "quote.original"), say(lang, "quote.translation")))
    else:  # beyond the article: the statement it is about
        text = ZH_CLAIMS[c.id] if lang == "zh" and c.id in ZH_CLAIMS else mathify(c.en)
        out.append(Quote((TeX(text),), (), say(lang, "quote.beyond")))
    out += _forms(c.id, lang)
    measured = r.empirical if empirical else None
    for v in readings_of(r):
        out.append(reading_theorem(v, lang, c.method,
                                   measured if v.kind == "measurement" else None, coq))
    return out
