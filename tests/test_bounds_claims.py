"""The registry interface: every bound claim reaches its expected verdict, with JSON evidence,
fast — and each check rejects a false input."""

from __future__ import annotations

import dataclasses
import json
import time
from fractions import Fraction

import pytest
import sympy

from symrnn.bounds import claims
from symrnn.bounds.claims import CHECKS, EXPECTED, STATEMENTS
from symrnn.bounds.terms import term_suprema

IDS = ["xsech2-bound", "tanh-bounded-in-U", "relu-unbounded", "clip-prevents-explosion",
       "four-gates", "secondary-terms-small", "forget-dominant", "gru-less-stable",
       "gru-h-bounded", "lstm-c-unbounded"]


def test_interface_lists_exactly_the_ten_claims():
    assert set(CHECKS) == set(EXPECTED) == set(STATEMENTS) == set(IDS)
    assert all(STATEMENTS[k] for k in IDS)


@pytest.mark.parametrize("cid", IDS)
def test_each_claim_reaches_its_expected_verdict_with_json_evidence(cid):
    v = CHECKS[cid]()
    assert v.status == EXPECTED[cid]
    assert v.statement == STATEMENTS[cid]
    json.dumps(v.to_json())


def test_xsech2_evidence_carries_certified_numbers_and_checked_certificates():
    ev = CHECKS["xsech2-bound"]().evidence
    assert ev["supremum"]["enclosure"].startswith("[0.4477432046943028")
    assert Fraction(ev["supremum"]["upper"]) - Fraction(ev["supremum"]["lower"]) <= Fraction(
        1, 10**15)
    assert ev["checker"]["supremum"]["ok"] and ev["checker"]["bound"]["ok"]


def test_all_bound_claims_together_run_under_two_seconds():
    for f in CHECKS.values():  # warm caches (SymPy's, the derivation's)
        f()
    t = time.perf_counter()
    for f in CHECKS.values():
        f()
    assert time.perf_counter() - t < 2.0


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
