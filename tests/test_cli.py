"""The command line: verify's table, JSON and exit codes; derive; list; bad usage exits 2."""

from __future__ import annotations

import dataclasses

import json
import subprocess
import sys

import pytest

from symrnn.cli import main
from symrnn.claims import registry


def test_verify_prints_a_table_and_a_summary_and_exits_zero(capsys):
    assert main(["verify", "--only", "eq6", "eq13", "xsech2-bound"]) == 0
    out = capsys.readouterr().out
    assert "eq13" in out and "proved (1-D) · proved (n-D)" in out
    assert "3 claims, 6 readings: 6 proved, 0 refuted, 0 unknown" in out
    assert "every reading reached its recorded verdict" in out


def test_verify_shows_every_reading_and_counts_readings(capsys):
    assert main(["verify", "--only", "vanish-explode", "eq4a/1d"]) == 0
    out = capsys.readouterr().out
    assert "proved (uniform) · refuted (pointwise)" in out
    assert "2 claims, 5 readings: 3 proved, 2 refuted, 0 unknown" in out
    assert "principal readings (the claim's status): 2 proved, 0 refuted" in out


def test_verify_readings_prints_each_statement(capsys):
    assert main(["verify", "--readings", "--only", "secondary-terms-small/worst-case"]) == 0
    out = capsys.readouterr().out
    assert "refuted  secondary-terms-small/worst-case" in out
    assert "strictly below eq (6)'s supremum |U|" in out


def test_verify_only_rejects_an_unknown_reading_id_with_the_claims_readings(capsys):
    assert main(["verify", "--only", "four-gates/typo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "four-gates/bound" in err


def test_verify_json_has_claims_with_id_status_method_seconds_evidence(capsys):
    assert main(["verify", "--json", "--only", "eq9", "--no-empirical"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 2
    (row,) = data["claims"]
    assert row["id"] == "eq9" and row["status"] == "proved"
    assert {"method", "seconds", "evidence", "readings", "principal_reading"} <= set(row)
    assert [x["id"] for x in row["readings"]] == ["eq9/1d", "eq9/nd"]


def test_verify_exits_one_when_a_reading_misses_its_recorded_verdict(monkeypatch, capsys):
    claim = registry.get_claim("eq6")
    wrong = dataclasses.replace(claim.readings[1], expected="refuted")
    monkeypatch.setitem(registry._BY_ID, "eq6",
                        dataclasses.replace(claim, readings=(claim.readings[0], wrong)))
    assert main(["verify", "--only", "eq6"]) == 1
    out = capsys.readouterr().out
    assert "NOT as expected: eq6/nd" in out and "proved (n-D) [expected refuted]" in out


def test_derive_prints_the_jacobian_and_its_term_split(capsys):
    assert main(["derive", "lstm"]) == 0
    out = capsys.readouterr().out
    assert "diag(f_t)" in out and "[main     ] f_t" in out


def test_derive_latex_prints_latex(capsys):
    assert main(["derive", "rnn", "--latex"]) == 0
    assert r"\operatorname{diag}" in capsys.readouterr().out


def test_list_lists_cells_and_claims(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "gru_torch" in out and "xsech2-bound" in out
    assert "vanish-explode/pointwise" not in out


def test_list_readings_lists_every_reading_id(capsys):
    from symrnn import reading_ids

    assert main(["list", "--readings"]) == 0
    out = capsys.readouterr().out
    assert all(rid in out for rid in reading_ids())


def test_derive_an_unknown_cell_prints_one_line_and_exits_two():
    out = subprocess.run([sys.executable, "-m", "symrnn", "derive", "nosuchcell"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "known cells: rnn, relu_rnn, lstm" in lines[0]


@pytest.mark.parametrize("argv", [["verify", "--only", "nope"]])
def test_an_unknown_claim_id_exits_two(argv, capsys):
    assert main(argv) == 2
    assert "unknown claim id 'nope'" in capsys.readouterr().err


def test_verify_coq_marks_claims_whose_coq_proof_was_checked(capsys):
    import os
    import shutil

    if shutil.which("coqc") is None:
        if os.environ.get("CI"):
            pytest.fail("coqc is missing in CI: .ci/run must install coq (see .ci/apt-packages.txt)")
        pytest.skip("coqc not installed (run .ci/run, or apt-get install coq libcoq-interval)")
    assert main(["verify", "--json", "--coq", "--no-empirical", "--only", "eq6", "eq1"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["claims"]}
    assert rows["eq6"]["evidence"]["coq"] == "checked"
    assert rows["eq1"]["evidence"]["coq"] == "not exported"
