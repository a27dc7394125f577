"""The report's content, built from the objects ``symrnn verify`` uses.

Nothing here is a computed result typed by hand: verdicts and evidence come from
:func:`symrnn.run_claims`, printed forms from :mod:`symrnn.claims.article`, derived forms
from :func:`symrnn.article_derivative` and :func:`symrnn.derive`, matrix forms from
:func:`symrnn.matrix_form`, term suprema from :func:`symrnn.term_suprema`. The prose
that ties them together says what each part is, never what it found.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sympy

from ..bounds import comparison_table, term_suprema
from ..cells import CATALOG, Cell
from ..cells._base import prev_sym, t_sym
from ..claims import ClaimResult, formula4, printed
from ..claims.equations import DERIVED, printed_cells
from ..derivation import article_derivative, chains_latex, derive
from ..ndim import FORM_KEYS, matrix_form
from ..verify.verdict import STATUSES, Verdict
from ._model import (Block, Display, Figure, Formula, Heading, Paragraph, Report, Table,
                     Text, Tree)
from ._snippets import derivation_formula, expr_latex, partial_latex, witness_formulas

__all__ = ["build_report", "claim_anchor", "cell_anchor", "TITLE", "FIGURES"]

TITLE = "symrnn: the article's claims, machine-checked"
ARTICLE = ("Su Jianlin, “也来谈谈RNN的梯度消失/爆炸问题” (On the vanishing/exploding "
           "gradients of RNNs, once more), PaperWeekly, 2020-11-30.")

#: The flow figures (written by :func:`symrnn.flow._plots.plot_all`) and their captions.
FIGURES: tuple[tuple[str, str], ...] = (
    ("gradient_norms", "Measured: median log10 of the gradient norm against distance, per "
                       "cell (10–90 % band over seeds)."),
    ("rates_vs_scale", "Measured: per-step rate of every cell against the recurrent-weight "
                       "scale (the measured side of gru-less-stable)."),
    ("terms", "Measured: the main term against each secondary term of eq8 (LSTM) and eq13 "
              "(GRU) at typical initialisations."),
    ("xsech2", "The curve (1 − tanh² c)c with its certified maximum and the article's 0.45."),
)

# eq → the cell whose catalog definitions are checked against the printed ones
_DEFINITIONS = {"eq5": "rnn", "eq7": "lstm", "eq11": "gru", "eq12": "mgu", "eq14": "variant"}
_ABBREVIATE = 40  # digits; longer numerals are shortened in the document, not in the JSON


def claim_anchor(cid: str) -> str:
    return f"claim-{cid}"


def cell_anchor(name: str) -> str:
    return f"cell-{name.replace('_', '-')}"


def _abbreviate(value: str) -> str:
    """A numeral longer than ``_ABBREVIATE`` digits, shortened with its digit count."""
    import re

    def short(m: re.Match) -> str:
        s = m.group(0)
        return f"{s[:16]}…{s[-8:]} ({len(s)} digits)"

    return re.sub(r"\d{%d,}" % (_ABBREVIATE + 1), short, value)


def _clean(data: Any) -> Any:
    """JSON evidence for the document: timings dropped, huge numerals abbreviated."""
    if isinstance(data, dict):
        return {str(k): _clean(v) for k, v in data.items() if k != "seconds"}
    if isinstance(data, (list, tuple)):
        return [_clean(v) for v in data]
    if isinstance(data, str):
        return _abbreviate(data)
    return data


def _status(v: Verdict) -> Text:
    return Text(v.status, "bold")


def _verdict_blocks(v: Verdict, label: str, skip: Sequence[str] = ()) -> list[Block]:
    out: list[Block] = [Paragraph((_status(v), Text(" — " + v.method)), label)]
    if v.statement:
        out.append(Paragraph((Text(v.statement),), "Statement checked"))
    wit = witness_formulas(v)
    if wit:
        out.append(Display(wit, "Witness (exact values; a ball evaluation excludes the claim)"))
    evidence = {k: e for k, e in v.evidence.items() if k not in skip}
    if evidence:
        out.append(Tree(_clean(evidence), "Evidence"))
    return out


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


def _definitions(cell: Cell) -> tuple[Formula, ...]:
    return tuple(Formula(expr_latex(e), expr_latex(s), e) for s, e in cell.definitions)


def _forms(cid: str) -> list[Block]:
    """The printed form and the derived form of an equation claim (none for the others)."""
    if cid.startswith("eq4"):
        lhs, rhs = formula4(cid)
        return [Display((Formula(expr_latex(rhs), expr=rhs),), "Printed form (right side)"),
                Display((Formula(expr_latex(lhs), expr=lhs),),
                        "Left side as symrnn writes it (derivatives taken by SymPy)")]
    if cid in DERIVED:
        lhs, derived = _lhs_of(cid)
        form = printed(cid)
        return [Display((Formula(expr_latex(form), lhs, form),), "Printed form"),
                Display((Formula(expr_latex(derived), lhs, derived),),
                        "Derived form (symrnn's chain rule, gate notation)")]
    if cid == "eq8":
        d = article_derivative("lstm")
        subs = tuple(Formula(expr_latex(e), expr_latex(s), e) for s, e in d.substitutions.items())
        return [Display(subs, "Substitution on the c-path"),
                Display((derivation_formula(d),),
                        "Derived form (symrnn's chain rule; terms in the article's order)"),
                *_terms_blocks(d)]
    if cid in _DEFINITIONS:
        eqs = printed_cells()[cid]
        printed_forms = tuple(Formula(expr_latex(e), expr_latex(sympy.Symbol(n)), e)
                              for n, e in eqs.items())
        return [Display(printed_forms, "Printed form (transcribed)"),
                Display(_definitions(CATALOG[_DEFINITIONS[cid]]),
                        f"Catalog cell {_DEFINITIONS[cid]!r}")]
    return []


def _terms_blocks(d: Any) -> list[Block]:
    """Each term of a derivation: its label and role, its 1-D form and its matrix form."""
    return [Display((Formula(expr_latex(t.expr), r"\text{1-D}", t.expr),
                     Formula(t.latex(), r"\text{n-D}")), f"{t.label} ({t.role})")
            for t in d.terms]


def _claim_blocks(r: ClaimResult, empirical: bool) -> list[Block]:
    c = r.claim
    out: list[Block] = [Heading(3, c.id, claim_anchor(c.id))]
    if c.zh:
        out.append(Paragraph((Text(c.zh),), "原文"))
    out.append(Paragraph((Text(c.en),), "English"))
    out += _forms(c.id)
    shown = ("printed", "derived") if c.id in DERIVED else ()
    for rr in r.readings:
        label = f"Reading {rr.reading.id}" + (" (principal)" if rr.reading.principal else "")
        out += _verdict_blocks(rr.verdict, label, shown if rr.reading.principal else ())
        if not rr.as_expected:
            out.append(Paragraph((Text(f"NOT as recorded: expected {rr.reading.expected}",
                                       "bold"),)))
    for e in c.errata:
        effect = "changes the mathematics" if e["changes_mathematics"] else \
            "does not change the mathematics"
        out.append(Paragraph((Text(f"{e['kind']}: {e['text']} ({effect})"),), "Erratum"))
    if empirical and r.empirical is not None:
        out.append(Tree(_clean(r.empirical), "Measured (empirical, beside the verdict)"))
    return out


def _summary(results: Sequence[ClaimResult]) -> list[Block]:
    rows = []
    for r in results:
        for rr in r.readings:
            rows.append(((Text(rr.reading.id, "ref", claim_anchor(r.claim.id)),),
                         (Text(r.claim.method if rr.reading.principal else ""),),
                         (Text(rr.verdict.status, "bold"),),
                         (Text("yes" if rr.as_expected else "NO"),)))
    readings = [rr for r in results for rr in r.readings]
    counts = ", ".join(f"{sum(rr.verdict.status == s for rr in readings)} {s}"
                       for s in STATUSES)
    principal = ", ".join(f"{sum(r.verdict.status == s for r in results)} {s}"
                          for s in STATUSES)
    return [Heading(1, "Summary", "summary"),
            Paragraph((Text(f"{len(results)} claims, {len(readings)} readings: {counts}. "
                            f"Principal readings (each claim's status): {principal}."),)),
            Table(("reading", "method", "verdict", "as recorded"), tuple(rows),
                  "Every reading of every claim and its verdict.")]


def _cell_blocks(cell: Cell) -> list[Block]:
    title = cell.title + (f" ({cell.equation})" if cell.equation else "")
    out: list[Block] = [Heading(2, f"{cell.name}: {title}", cell_anchor(cell.name)),
                        Display(_definitions(cell), "Definitions")]
    d = article_derivative(cell.name)
    lead = "The derivative the article analyses, 1-D" + (f" ({d.equation})" if d.equation else "")
    if d.substitutions:
        lead += ", with " + ", ".join(f"{s} = {e}" for s, e in d.substitutions.items())
    out += [Display((derivation_formula(d),), lead), *_terms_blocks(d)]
    jac = derive(cell.name)
    blocks = tuple(Formula(chains_latex(chains), partial_latex(t_sym(o), prev_sym(i)))
                   for (o, i), chains in jac.blocks.items())
    out.append(Display(blocks, "One-step Jacobian, derived chains (diag(·) elementwise; "
                               "the 1-D value is the product)"))
    forms = tuple(Formula(matrix_form(cell.name, k).latex()) for k in FORM_KEYS[cell.name])
    out.append(Display(forms, "Matrix form (n-D), block by block and the article's derivative"))
    return out


def _bounds_blocks() -> list[Block]:
    rows = []
    for name in dict.fromkeys(row["cell"] for row in comparison_table()):
        for ts in term_suprema(name):
            j = ts.to_json()
            weight = (Formula(expr_latex(ts.weight), expr=ts.weight),) if ts.weight is not None \
                else (Text("–"),)
            rows.append(((Text(name),), (Formula(expr_latex(ts.expr), expr=ts.expr),), weight,
                         (Text(j["sup_factor"], "code"),),
                         (Text(j.get("enclosure", "see the lemma")),),
                         (Text("yes" if ts.attained else "no"),)))
    return [Heading(1, "Term bounds", "term-bounds"),
            Paragraph((Text("Each secondary term's supremum over the gates' ranges (gates in "
                            "(0, 1), tanh outputs in (−1, 1), the states' proved ranges), as "
                            "a factor times the magnitude of the weight it carries; the factor "
                            "is enclosed in Arb balls (symrnn.term_suprema)."),)),
            Table(("cell", "term", "weight", "sup factor", "enclosure", "attained"),
                  tuple(rows), "Term-by-term suprema (symrnn.comparison_table).",
                  r"lp{0.34\linewidth}lp{0.14\linewidth}p{0.17\linewidth}l")]


def build_report(results: Sequence[ClaimResult], *, empirical: bool = False,
                 figures: Sequence[str] = (), flow_settings: dict | None = None) -> Report:
    """The report's blocks from claim results (``symrnn.run_claims``).

    Arguments:
        results: the claims' results, in the registry's order.
        empirical: include the measured evidence of the claims that have it.
        figures: stems of the flow figures written beside the document (``FIGURES``).
        flow_settings: the settings of the measurement the figures show.
    """
    blocks: list[Block] = [
        Paragraph((Text(ARTICLE),), "Article"),
        Paragraph((Text("Every verdict below is one of proved (an exact identity or a "
                        "rigorous ball-arithmetic argument over the whole stated domain), "
                        "refuted (with an exact witness whose rigorous evaluation excludes "
                        "the claim) or unknown. Printed forms, derived forms, verdicts and "
                        "evidence are generated from the objects symrnn verify uses; numerals "
                        f"longer than {_ABBREVIATE} digits are shortened here and given in "
                        "full by symrnn verify --json."),)),
    ]
    blocks += _summary(results)
    blocks.append(Heading(1, "Claims", "claims"))
    section = None
    for r in results:
        if r.claim.section != section:
            section = r.claim.section
            blocks.append(Heading(2, section))
        blocks += _claim_blocks(r, empirical)
    blocks.append(Heading(1, "Jacobians of every cell", "jacobians"))
    for cell in CATALOG.values():
        blocks += _cell_blocks(cell)
    blocks += _bounds_blocks()
    if figures:
        blocks.append(Heading(1, "Measured gradient flow", "flow"))
        text = "Measurements, not proofs (symrnn flow)"
        if flow_settings:
            text += ": " + ", ".join(f"{k}={v}" for k, v in flow_settings.items()
                                     if k in ("T", "n", "seeds", "seed", "schemes", "scales"))
        blocks.append(Paragraph((Text(text + "."),)))
        captions = dict(FIGURES)
        blocks += [Figure(stem, captions[stem]) for stem in figures]
    return Report(TITLE, tuple(blocks))
