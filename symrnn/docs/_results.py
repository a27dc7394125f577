"""The sections after the claims: errata, the formal check (Coq), the measurements and the
conclusion. Every number in them is read from the results, the Coq run or the measurement.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..claims import ClaimResult
from ._claim_section import claim_anchor, reading_anchor
from ._coq import PRIMITIVE_TAG, CoqReport, record_for
from ._figures import FIGURES, FlowNumbers
from ._mathtext import escape_text, id_tex, mathify
from ._model import Block, Figure, Heading, Inline, Items, Paragraph, Table, TeX, Text
from ._readings import ReadingView, all_readings
from ._typeset import ball_tex
from ._sketch import MissingEvidence, fill
from ._words import WORDS, say
from ._zh import ZH_ERRATA, ZH_ERRATA_KINDS

__all__ = ["errata_blocks", "coq_blocks", "flow_blocks", "conclusion_blocks", "ref_ids"]


def ref_ids(views: Sequence[ReadingView]) -> str:
    """Reading ids as LaTeX links to their theorems, comma-separated."""
    return ", ".join(rf"\hyperref[{reading_anchor(v.id)}]{{{id_tex(v.id)}}}" for v in views)


def errata_blocks(results: Sequence[ClaimResult], lang: str) -> list[Block]:
    rows = []
    changes = 0
    for r in results:
        for k, e in enumerate(r.claim.errata):
            changes += bool(e["changes_mathematics"])
            text = ZH_ERRATA.get((r.claim.id, k)) if lang == "zh" else None
            kind = ZH_ERRATA_KINDS.get(e["kind"], e["kind"]) if lang == "zh" else e["kind"]
            rows.append(((Text(r.claim.id, "ref", claim_anchor(r.claim.id)),), (Text(kind),),
                         (TeX(text if text is not None else mathify(e["text"])),),
                         (Text(say(lang, "yes" if e["changes_mathematics"] else "no")),)))
    body = say(lang, "errata.body") if not changes else \
        say(lang, "errata.body_changes", count=changes)
    return [Heading(1, say(lang, "errata"), "sec:errata"), Paragraph((TeX(body),)),
            Table((say(lang, "col.claim"), say(lang, "col.kind"), say(lang, "col.text"),
                   say(lang, "col.changes")), tuple(rows), say(lang, "errata.caption"),
                  ("l", "l", "X", "l"), "tab:errata")]


def coq_blocks(results: Sequence[ClaimResult], lang: str, coq: CoqReport | None
               ) -> list[Block]:
    out: list[Block] = [Heading(1, say(lang, "coq"), "sec:coq")]
    if coq is None or not coq.ran:
        status = say(lang, "coq.not_run") if coq is None or coq.available else \
            say(lang, "coq.unavailable")
    else:
        statuses = [rec.status for rec in coq.records.values()]
        status = say(lang, "coq.ran", seconds=f"{coq.seconds:.0f}",
                     checked=statuses.count("checked"), failed=statuses.count("failed"))
    out.append(Paragraph((TeX(say(lang, "coq.body", status=status)),)))
    rows = []
    keys: dict[str, int] = {}  # axiom -> its number in the legend below the table
    for v in all_readings(results):
        rec = record_for(coq, v.id)
        if not rec.theorems:
            continue
        names = ", ".join(id_tex(n) for n in rec.theorems)
        row: list[tuple[Inline, ...]] = [(Text(v.id, "ref", reading_anchor(v.id)),),
                                         (TeX(names),), (Text(say(lang, f"coq.{rec.status}")),)]
        if coq is not None:
            # the same few axioms on every row: numbers here, their names in the legend
            numbers = sorted(keys.setdefault(a, len(keys) + 1) for a in rec.assumptions)
            row.append((Text(", ".join(map(str, numbers)) or say(lang, "none")),))
        rows.append(tuple(row))
    header = [say(lang, "col.reading"), say(lang, "col.theorems"), say(lang, "col.status")]
    kinds = ["l", "X", "l"]
    if coq is not None:
        header.append(say(lang, "col.assumptions"))
        kinds = ["l", "X", "l", "X"]
    out.append(Table(tuple(header), tuple(rows), say(lang, "coq.caption"), tuple(kinds),
                     "tab:coq"))
    if coq is not None:
        # axiom names are long identifiers: breakable after . and _
        def name(a: str) -> str:
            if a.startswith(PRIMITIVE_TAG):
                return say(lang, "coq.primitive", n=a[len(PRIMITIVE_TAG):])
            return id_tex(a).replace(".", r".\allowbreak{}")

        legend = "; ".join(f"({k}) {name(a)}" for a, k in keys.items())
        assumptions = say(lang, "coq.assumptions.listed", legend=legend or say(lang, "none"))
    else:
        assumptions = say(lang, "coq.assumptions.none_yet")
    out.append(Paragraph((TeX(say(lang, "coq.assumptions.body", assumptions=assumptions)),),
                         say(lang, "coq.assumptions").rstrip(".。")))
    if coq is not None:
        missing = [(rid, rec.why) for rid, rec in coq.records.items()
                   if rec.status == "not exported" and rec.why]
        if missing and lang == "en":
            out.append(Paragraph((TeX(say(lang, "coq.not_exported")),)))
            out.append(Items(tuple((Text(rid, "ref", reading_anchor(rid)),
                                    TeX(": " + mathify(why))) for rid, why in missing)))
        elif missing:  # the export's reasons are English: named, and pointed to
            out.append(Paragraph((TeX(say(lang, "coq.not_exported") + " "
                                      + ", ".join(rf"\hyperref[{reading_anchor(rid)}]"
                                                  rf"{{{id_tex(rid)}}}" for rid, _ in missing)
                                      + say(lang, "coq.not_exported.readme")),)))
    return out


def _rate(x: float) -> str:
    return f"${x:+.3f}$"


def flow_blocks(results: Sequence[ClaimResult], lang: str, figures: Sequence[str],
                flow: FlowNumbers | None) -> list[Block]:
    out: list[Block] = [Heading(1, say(lang, "flow"), "sec:flow")]
    if not figures or flow is None:
        out.append(Paragraph((TeX(say(lang, "flow.none")),)))
    else:
        s = flow.settings
        settings = escape_text(
            f"T = {s['T']}, n = {s['n']}, {s['seeds']} seeds (seed {s['seed']}), "
            f"scales {', '.join(f'{x:g}' for x in s['scales'])}, "
            f"{', '.join(s['schemes'])}; cells: {', '.join(s['cells'])}")
        out.append(Paragraph((TeX(say(lang, "flow.body", settings=settings)),)))
        captions = {
            "gradient_norms": say(lang, "fig.gradient_norms", scale=f"{flow.scale:g}"),
            "rates_vs_scale": say(lang, "fig.rates_vs_scale"),
            "terms": say(lang, "fig.terms"),
            "xsech2": say(lang, "fig.xsech2"),
        }
        for stem in FIGURES:
            if stem in figures:
                out.append(Figure(stem, captions[stem]))
        out += _discussion(lang, figures, flow)
    paragraphs = []
    for r in results:
        key = f"flow.measured.{r.claim.id}"
        if r.empirical is None or key not in WORDS[lang]:
            continue
        try:
            paragraphs.append(Paragraph((TeX(fill(say(lang, key), r.empirical)),)))
        except MissingEvidence:  # a measurement without these numbers: listed, not cited
            continue
    measured = [v for v in all_readings(results) if v.kind == "measurement"]
    if measured and not paragraphs:
        out.append(Paragraph((TeX(ref_ids(measured) + "."),), say(lang, "flow.claims")
                             .rstrip(".。")))
    if paragraphs:
        out.append(Paragraph((TeX(say(lang, "flow.claims")),)))
        out += paragraphs
    return out


def _discussion(lang: str, figures: Sequence[str], flow: FlowNumbers) -> list[Block]:
    out: list[Block] = []
    rates = flow.rates
    if "gradient_norms" in figures and rates:
        listed = ", ".join(f"{escape_text(c)} {_rate(x)}" for c, x in sorted(rates.items(),
                                                                              key=lambda kv: kv[1]))
        note = ""
        if "lstm" in rates and "rnn" in rates:
            lstm, rnn = rates["lstm"], rates["rnn"]
            key = "flow.discuss.lstm_close" if abs(lstm - rnn) < 0.25 * abs(rnn) else \
                "flow.discuss.lstm_slower"
            note = say(lang, key, lstm=_rate(lstm), rnn=_rate(rnn))
        out.append(Paragraph((TeX(say(lang, "flow.discuss.norms", scale=f"{flow.scale:g}",
                                      rates=listed, lstm_vs_rnn=note)),)))
    by = flow.rates_by_scale
    if "rates_vs_scale" in figures and {"gru", "lstm"} <= set(by):
        top = max(max(v) for v in by.values())
        at_top = {c: v[top] for c, v in by.items() if top in v}
        listed = ", ".join(f"{escape_text(c)} {_rate(x)}" for c, x in
                           sorted(at_top.items(), key=lambda kv: -kv[1]))
        common = sorted(set(by["gru"]) & set(by["lstm"]))
        above = sum(by["gru"][a] > by["lstm"][a] for a in common)
        gru_note = say(lang, "flow.discuss.gru_above", above=above, scales=len(common))
        out.append(Paragraph((TeX(say(lang, "flow.discuss.rates", top=f"{top:g}",
                                      top_rates=listed, cells=len(at_top),
                                      exploding=sum(x > 0 for x in at_top.values()),
                                      gru_note=gru_note)),)))
    if "terms" in figures and flow.term_medians:
        parts = []
        for cell, meds in flow.term_medians.items():
            items = [f"{mathify(label)} ${10 ** m:.2g}$" for label, m in meds.items()]
            parts.append(f"{cell.upper()} ({flow.term_settings['schemes'][0]}): "
                         + ", ".join(items))
        out.append(Paragraph((TeX(say(lang, "flow.discuss.terms", sizes="; ".join(parts))),)))
    if "xsech2" in figures:
        from ..bounds import xsech2_supremum

        sup = xsech2_supremum()
        out.append(Paragraph((TeX(say(lang, "flow.discuss.xsech2",
                                      gstar=ball_tex(str(sup.value), 8),
                                      cstar=ball_tex(str(sup.maximiser), 8))),)))
    return out


def _label_links(views: Sequence[ReadingView]) -> str:
    """The readings of one claim as links showing only their names (after the ``/``)."""
    return ", ".join(rf"\hyperref[{reading_anchor(v.id)}]{{{id_tex(v.id.split('/', 1)[-1])}}}"
                     for v in views)


def conclusion_blocks(results: Sequence[ClaimResult], lang: str) -> list[Block]:
    views = all_readings(results)
    article = {r.claim.id for r in results if r.claim.zh}
    equations = [v for v in views if v.claim_id.startswith("eq") and v.verdict.status == "proved"]
    informal = [v for v in views if v.principal and v.claim_id in article
                and not v.claim_id.startswith("eq")]
    count = {s: sum(v.verdict.status == s for v in informal) for s in ("proved", "refuted")}
    measured = sum(v.kind == "measurement" for v in informal)
    failed = [v for v in views if v.verdict.status == "refuted"]
    by_claim: dict[str, list[ReadingView]] = {}
    for v in failed:
        by_claim.setdefault(v.claim_id, []).append(v)
    items = tuple((Text(cid, "ref", claim_anchor(cid)), TeX(": " + _label_links(vs) + "."))
                  for cid, vs in by_claim.items())
    nd = sum(v.id.split("/", 1)[-1].startswith("nd") for v in failed)
    out: list[Block] = [
        Heading(1, say(lang, "conclusion"), "sec:conclusion"),
        Paragraph((TeX(say(lang, "conclusion.body", equations=len(equations),
                           principal=count["proved"], measured=measured,
                           refuted=count["refuted"], informal=len(informal),
                           failed_count=len(failed))),))]
    if items:
        out.append(Items(items))
    out.append(Paragraph((TeX(say(lang, "conclusion.after", nd=nd)),)))
    return out
