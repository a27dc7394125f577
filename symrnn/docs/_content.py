"""The report's content, built from the objects ``symrnn verify`` uses.

Nothing here is a computed result typed by hand: verdicts, statements and evidence come
from :func:`symrnn.run_claims` (the readings of each claim), printed forms from
:mod:`symrnn.claims.article`, derived forms from :func:`symrnn.article_derivative` and
:func:`symrnn.derive`, matrix forms from :func:`symrnn.matrix_form`, term suprema from
:func:`symrnn.term_suprema`, Coq theorem names from :mod:`symrnn.coq`, measured numbers
from the flow measurement. The prose (:mod:`._words`, :mod:`._sketches`) says what each
part is and cites those numbers.

The report reads as a paper: title matter and abstract; introduction; the table of
verdicts; the claims in the article's order, each reading a theorem-like statement with a
proof sketch; errata; the formal check; measurements; conclusion; appendices.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..claims import ClaimResult
from ._appendix import Meta, appendix_blocks, cell_anchor
from ._claim_section import claim_anchor, claim_blocks, reading_anchor, reading_method
from ._coq import CoqReport, record_for
from ._figures import FlowNumbers
from ._mathtext import escape_text
from ._model import Block, Front, Heading, Inline, Paragraph, Report, Table, TeX, Text
from ._readings import all_readings, readings_of
from ._results import coq_blocks, conclusion_blocks, errata_blocks, flow_blocks, ref_ids
from ._sketch import METHODS, method_label
from ._words import check_lang, say
from ._zh import ZH_SECTIONS

__all__ = ["build_report", "claim_anchor", "cell_anchor", "reading_anchor", "JSON_NAME",
           "Meta"]

#: The evidence file written beside the document (``symrnn verify --json``).
JSON_NAME = "report-evidence.json"

_STATUSES = ("proved", "refuted", "unknown")


def _front(results: Sequence[ClaimResult], lang: str, meta: Meta | None,
           coq: CoqReport | None, flow: FlowNumbers | None) -> Front:
    from .. import __version__
    from ..bounds import xsech2_supremum

    views = all_readings(results)
    counts = {s: sum(v.verdict.status == s for v in views) for s in _STATUSES}
    coq_part = ""
    if coq is not None:
        recs = [record_for(coq, v.id) for v in views]
        checked = sum(r.status == "checked" for r in recs)
        exported = sum(bool(r.theorems) for r in recs)
        coq_part = say(lang, "abstract.coq", checked=checked) if coq.ran else \
            say(lang, "abstract.coq_exported", exported=exported)
    refuted = [v for v in views if v.verdict.status == "refuted"]
    claims_refuted = list(dict.fromkeys(v.claim_id for v in refuted))
    new = say(lang, "abstract.new_refuted", count=len(claims_refuted),
              examples=ref_ids(refuted[:3]))
    gstar = f"{float(xsech2_supremum().value.mid()):.6f}"
    new += say(lang, "abstract.new_tail", gstar=gstar)
    if flow is not None:
        new += say(lang, "abstract.flow", cells=len(flow.settings["cells"]))
    body = say(lang, "abstract.body", claims=len(results), readings=len(views), coq=coq_part,
               new=new, **counts)
    lines: tuple[str, ...]
    if meta is None:
        lines = (say(lang, "meta.version", version=__version__), say(lang, "meta.reproducible"))
    else:
        lines = (say(lang, "meta.version", version=meta.version),
                 say(lang, "meta.date", date=meta.date),
                 say(lang, "meta.commit", commit=r"\texttt{" + escape_text(meta.commit) + "}"))
    return Front(say(lang, "title"), say(lang, "subtitle"), lines, (TeX(body),),
                 say(lang, "abstract"))


def _introduction(lang: str) -> list[Block]:
    out: list[Block] = [Heading(1, say(lang, "intro"), "sec:intro"),
                        Paragraph((TeX(say(lang, "intro.article")),))]
    for key in ("verdicts", "exact", "arb", "coq", "readings", "derivatives"):
        out.append(Paragraph((TeX(say(lang, f"intro.{key}.body")),),
                             say(lang, f"intro.{key}").rstrip(".。")))
    out.append(Paragraph((TeX(say(lang, "intro.outline", json=JSON_NAME)),)))
    return out


def _summary(results: Sequence[ClaimResult], lang: str, coq: CoqReport | None) -> list[Block]:
    rows = []
    used: list[str] = []
    for r in results:
        for k, v in enumerate(readings_of(r)):
            key = reading_method(v, r.claim.method)
            used.append(key)
            rec = record_for(coq, v.id)
            claim: tuple[Inline, ...] = (Text(r.claim.id, "ref", claim_anchor(r.claim.id)),) \
                if k == 0 else ()
            label = v.id.split("/", 1)[1] if "/" in v.id else v.label
            rows.append((claim,
                         (Text(label, "ref", reading_anchor(v.id)),
                          *((TeX(r"$^\ast$"),) if v.principal else ())),
                         (Text(say(lang, f"verdict.{v.verdict.status}"), "bold"),),
                         (Text(method_label(key, lang)),),
                         (Text(say(lang, f"coq.{rec.status}")),),
                         (Text(say(lang, "yes" if v.as_expected else "no")),)))
    methods = ", ".join(f"{METHODS[k][lang]}" for k in dict.fromkeys(used))
    return [Heading(1, say(lang, "summary"), "sec:summary"),
            Paragraph((TeX(say(lang, "summary.body", methods=escape_text(methods))),)),
            Table((say(lang, "col.claim"), say(lang, "col.reading"), say(lang, "col.verdict"),
                   say(lang, "col.method"), say(lang, "col.coq"), say(lang, "col.recorded")),
                  tuple(rows), say(lang, "summary.caption"), ("X", "X", "l", "l", "l", "l"),
                  "tab:verdicts")]


def _claims(results: Sequence[ClaimResult], lang: str, empirical: bool,
            coq: CoqReport | None) -> list[Block]:
    out: list[Block] = []
    section = None
    for r in results:
        if r.claim.section != section:
            section = r.claim.section
            title = ZH_SECTIONS.get(section, section) if lang == "zh" else section
            anchor = "sec:claims" if not out else ""
            out.append(Heading(1, title, anchor))
            if anchor:
                out.append(Paragraph((TeX(say(lang, "claims.intro")),)))
        out += claim_blocks(r, lang, empirical, coq)
    return out


def build_report(results: Sequence[ClaimResult], lang: str = "en", *, empirical: bool = False,
                 figures: Sequence[str] = (), flow: FlowNumbers | None = None,
                 coq: CoqReport | None = None, meta: Meta | None = None) -> Report:
    """The report's blocks from claim results (``symrnn.run_claims``).

    Arguments:
        results: the claims' results, in the registry's order.
        lang: ``"en"`` or ``"zh"``.
        empirical: include the measured evidence of the claims that have it.
        figures: stems of the figures written beside the document (:data:`._figures.FIGURES`).
        flow: the numbers of the measurement the figures show.
        coq: the Coq export (and check) records; None leaves the Coq columns empty.
        meta: date, commit, versions and times of a dated build; None for the reproducible
            printing (the committed ``docs/report.md``).
    """
    check_lang(lang)
    blocks: list[Block] = []
    blocks += _introduction(lang)
    blocks += _summary(results, lang, coq)
    blocks += _claims(results, lang, empirical, coq)
    blocks += errata_blocks(results, lang)
    blocks += coq_blocks(results, lang, coq)
    blocks += flow_blocks(results, lang, figures, flow)
    blocks += conclusion_blocks(results, lang)
    blocks += appendix_blocks(results, lang, meta, JSON_NAME)
    return Report(_front(results, lang, meta, coq, flow), tuple(blocks), lang)

