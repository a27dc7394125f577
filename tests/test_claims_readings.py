"""Readings: every informal claim split into its precise meanings, each with its own
machine-checked verdict; the headline counts readings, and nothing proved rests on an
unchecked step."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from symrnn import READINGS, get_claim, get_reading, reading_ids, run_claims
from symrnn.claims import CLAIMS, SCHEMA
from symrnn.claims._reading_text import READING_TEXT
from symrnn.claims.registry import select
from symrnn.verify.verdict import Verdict
from symrnn._errors import UnknownClaimError

#: the informal claims of seed-claims.md (sections 1 and 3-5) and the Pascanu claims
INFORMAL = ("vanish-explode", "vanish-meaning", "tanh-bounded-in-U", "relu-unbounded",
            "clip-prevents-explosion", "forget-dominant", "xsech2-bound", "four-gates",
            "secondary-terms-small", "lstm-long-sequences", "gru-h-bounded", "lstm-c-unbounded",
            "gru-less-stable")

#: words that admit a step was not checked by machine
UNCHECKED = ("not machine-checked", "not machine checked", "by hand", "argued in text",
             "recorded, not", "textbook", "one-line argument", "left to the reader",
             "unchecked", "not checked")


@pytest.fixture(scope="module")
def results():
    return run_claims()


@pytest.fixture(scope="module")
def by_reading(results):
    return {rr.reading.id: rr for r in results for rr in r.readings}


def test_reading_ids_are_unique_stable_and_named_after_their_claim():
    ids = reading_ids()
    assert len(ids) == len(set(ids))
    for r in READINGS:
        assert re.fullmatch(r"[\w-]+/[\w-]+", r.id), r.id
        assert r.id.split("/")[0] == r.claim_id
    assert set(READING_TEXT) == set(ids), "a statement without a reading or vice versa"


def test_every_claim_has_exactly_one_principal_reading_first():
    for c in CLAIMS:
        assert c.readings and c.readings[0].principal, c.id
        assert sum(r.principal for r in c.readings) == 1, c.id
        assert c.expected == c.readings[0].expected


def test_every_reading_has_a_label_and_plain_and_latex_statements():
    for r in READINGS:
        assert r.label and r.statement and r.statement_latex, r.id
        assert r.statement_latex.count("$") % 2 == 0, r.id
        assert r.statement_latex.count("{") == r.statement_latex.count("}"), r.id
        assert "FALSE" not in r.statement, "a statement says what is claimed, not its verdict"


def test_every_reading_reaches_its_recorded_verdict(results):
    missed = [(rr.reading.id, rr.verdict.status, rr.reading.expected)
              for r in results for rr in r.readings if not rr.as_expected]
    assert not missed


def test_informal_claims_have_several_readings_and_equations_one_in_1d():
    for cid in INFORMAL:
        assert len(get_claim(cid).readings) >= 2, cid
    for c in CLAIMS:
        if c.id.startswith("eq"):
            non_nd = [r for r in c.readings if not r.label.startswith("n-D")]
            assert len(non_nd) == 1, c.id


@pytest.mark.parametrize("cid", ["vanish-explode", "secondary-terms-small", "forget-dominant",
                                 "gru-less-stable", "clip-prevents-explosion",
                                 "tanh-bounded-in-U", "four-gates", "lstm-long-sequences"])
def test_the_claims_the_headline_hid_show_a_refuted_reading_beside_a_proved_one(by_reading,
                                                                               cid):
    statuses = {by_reading[r.id].verdict.status for r in get_claim(cid).readings}
    assert {"proved", "refuted"} <= statuses


def test_worst_case_comparisons_are_decided_not_described(by_reading):
    assert by_reading["secondary-terms-small/pointwise"].verdict.status == "proved"
    worst = by_reading["secondary-terms-small/worst-case"].verdict
    assert worst.status == "refuted"
    fam = worst.evidence["approaching_family"]
    assert fam["ok"] and fam["limit_N->oo"] == "1"
    assert by_reading["four-gates/worst-case"].verdict.status == "proved"
    assert by_reading["gru-less-stable/strictly-larger"].verdict.status == "refuted"


def test_no_proved_reading_rests_on_a_step_not_checked_by_machine(by_reading):
    for rid, rr in by_reading.items():
        if rr.verdict.status != "proved":
            continue
        text = (rr.verdict.method + json.dumps(rr.verdict.evidence, ensure_ascii=False)).lower()
        for word in UNCHECKED:
            assert word not in text, f"{rid}: {word!r}"
        for name, lem in rr.verdict.evidence.get("lemmas", {}).items():
            assert lem["status"] == "proved", f"{rid} uses lemma {name}: {lem['status']}"


def test_the_unchecked_step_scan_would_catch_the_old_vanish_explode_method():
    old = ("uniform bound: a one-line argument (a product of m numbers of modulus <= q has "
           "modulus <= q^m), recorded, not machine-checked")
    assert any(word in old for word in UNCHECKED)


def test_measured_readings_stay_unknown_and_are_labelled_measurements(by_reading):
    measured = [rr for rr in by_reading.values() if rr.reading.kind == "measurement"]
    assert {rr.reading.id for rr in measured} == {"vanish-meaning/measured",
                                                  "lstm-long-sequences/measured"}
    assert all(rr.verdict.status == "unknown" for rr in measured)


def test_every_refuted_reading_carries_a_witness_or_counterexample_evidence(by_reading):
    for rid, rr in by_reading.items():
        if rr.verdict.status == "refuted":
            assert rr.verdict.witness or rr.verdict.evidence, rid


def test_json_has_a_schema_readings_and_the_principal_status(results):
    rows = [r.to_json() for r in results]
    assert SCHEMA == 2
    for row in rows:
        json.dumps(row, ensure_ascii=False)
        principal = [x for x in row["readings"] if x["principal"]]
        assert len(principal) == 1 and principal[0]["id"] == row["principal_reading"]
        assert row["status"] == principal[0]["status"]
        for x in row["readings"]:
            assert {"id", "status", "method", "statement", "statement_latex",
                    "evidence"} <= set(x)


def test_json_of_a_claim_run_for_another_reading_has_no_principal_status():
    (r,) = run_claims(["vanish-explode/pointwise"])
    row = r.to_json()
    assert row["status"] is None and row["principal_reading"] == "vanish-explode/uniform"
    assert [x["id"] for x in row["readings"]] == ["vanish-explode/pointwise"]


def test_selection_accepts_claim_ids_and_reading_ids_and_rejects_unknown_ones():
    chosen = select(["eq6", "vanish-explode/pointwise"])
    assert [(c.id, [r.id for r in rs]) for c, rs in chosen] == [
        ("vanish-explode", ["vanish-explode/pointwise"]), ("eq6", ["eq6/1d", "eq6/nd"])]
    with pytest.raises(UnknownClaimError, match="vanish-explode/uniform"):
        select(["vanish-explode/typo"])
    with pytest.raises(UnknownClaimError, match="known ids"):
        select(["eq99"])
    assert get_reading("eq6/nd").claim_id == "eq6"


def test_a_reading_that_misses_its_verdict_makes_the_claim_not_as_expected(monkeypatch):
    reading = get_reading("forget-dominant/no-explosion")
    wrong = dataclasses.replace(reading, check=lambda: Verdict("unknown", "mutant"))
    claim = get_claim("forget-dominant")
    mutated = dataclasses.replace(claim, readings=tuple(
        wrong if r.id == reading.id else r for r in claim.readings))
    import symrnn.claims.registry as registry

    monkeypatch.setitem(registry._BY_ID, "forget-dominant", mutated)
    (r,) = run_claims(["forget-dominant"])
    assert not r.as_expected
    assert r.verdict.status == "proved"  # the principal reading is unaffected
    assert [x.reading.id for x in r.readings if not x.as_expected] == [reading.id]
