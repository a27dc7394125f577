"""The bound readings: each reaches its recorded verdict, with JSON evidence — and each
check rejects a false input."""

from __future__ import annotations

import dataclasses
import json
from fractions import Fraction

import pytest
import sympy

from symrnn.bounds import claims
from symrnn.bounds.terms import term_suprema
from symrnn.claims import READINGS, get_claim

BOUND_CLAIMS = ["xsech2-bound", "tanh-bounded-in-U", "relu-unbounded",
                "clip-prevents-explosion", "four-gates", "secondary-terms-small",
                "forget-dominant", "gru-less-stable", "gru-h-bounded", "lstm-c-unbounded"]
IDS = [r.id for r in READINGS if r.claim_id in BOUND_CLAIMS and not r.label.startswith("n-D")]
#: the principal reading's check of each bound claim
CHECKS = {c: get_claim(c).principal.check for c in BOUND_CLAIMS}


@pytest.mark.parametrize("rid", IDS)
def test_each_1d_bound_reading_reaches_its_recorded_verdict_with_json_evidence(rid):
    reading = next(r for r in READINGS if r.id == rid)
    v = reading.run()
    assert v.status == reading.expected
    assert v.statement == reading.statement
    json.dumps(v.to_json())


def test_xsech2_evidence_carries_certified_numbers_and_checked_certificates():
    ev = CHECKS["xsech2-bound"]().evidence
    assert ev["supremum"]["enclosure"].startswith("[0.4477432046943028")
    assert Fraction(ev["supremum"]["upper"]) - Fraction(ev["supremum"]["lower"]) <= Fraction(
        1, 10**15)
    assert ev["checker"]["supremum"]["ok"] and ev["checker"]["bound"]["ok"]


# --- each check fails on false input -------------------------------------------------


def test_xsech2_check_refutes_a_false_bound(monkeypatch):
    monkeypatch.setattr(claims, "_BOUND", Fraction(447, 1000))
    v = CHECKS["xsech2-bound"]()
    assert v.refuted and v.witness


def test_tanh_in_u_check_fails_on_a_corrupted_certificate(monkeypatch):
    orig = claims.tanh_in_u.tanh_in_u_sup

    def corrupt(a, h):
        r = orig(a, h)
        r["certificate"] = json.loads(json.dumps(r["certificate"]))
        r["certificate"]["steps"][-1]["upper"] = r["certificate"]["steps"][-1]["lower"]
        return r

    monkeypatch.setattr(claims.tanh_in_u, "tanh_in_u_sup", corrupt)
    assert CHECKS["tanh-bounded-in-U"]().status == "unknown"


def _swap_lstm_terms(monkeypatch, mutate):
    orig = term_suprema

    def fake(cell):
        rows = orig(cell)
        return mutate(rows) if cell == "lstm" else rows

    monkeypatch.setattr(claims, "term_suprema", fake)


def test_four_gates_fails_if_eq9_had_the_sup_of_eq10a(monkeypatch):
    _swap_lstm_terms(monkeypatch, lambda rows: [rows[0], dataclasses.replace(
        rows[1], factor_formula=rows[2].factor_formula, factor=rows[2].factor), *rows[2:]])
    assert CHECKS["four-gates"]().status == "unknown"


def test_secondary_terms_small_fails_if_a_term_exceeded_eq6(monkeypatch):
    _swap_lstm_terms(monkeypatch, lambda rows: [*rows[:3], dataclasses.replace(
        rows[3], factor_formula=sympy.Integer(2), factor=rows[3].factor * 2)])
    assert CHECKS["secondary-terms-small"]().status == "unknown"


def test_forget_dominant_fails_if_the_main_term_were_not_the_forget_gate(monkeypatch):
    _swap_lstm_terms(monkeypatch, lambda rows: [dataclasses.replace(
        rows[0], expr=sympy.Symbol("i_t")), *rows[1:]])
    assert CHECKS["forget-dominant"]().status == "unknown"


def test_gru_less_stable_fails_if_lstm_eq9_were_as_large_as_gru(monkeypatch):
    _swap_lstm_terms(monkeypatch, lambda rows: [rows[0], dataclasses.replace(
        rows[1], factor=rows[1].factor * 4), *rows[2:]])
    assert CHECKS["gru-less-stable"]().status == "unknown"
