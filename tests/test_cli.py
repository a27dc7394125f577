"""The command line: verify's table, JSON and exit codes; derive; list; bad usage exits 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from symrnn.cli import main
from symrnn.claims import registry


def test_verify_prints_a_table_and_a_summary_and_exits_zero(capsys):
    assert main(["verify", "--only", "eq6", "eq13", "xsech2-bound"]) == 0
    out = capsys.readouterr().out
    assert "eq13" in out and "proved" in out
    assert "3 claims: 3 proved" in out
    assert "every claim reached its expected verdict" in out


def test_verify_json_has_claims_with_id_status_method_seconds_evidence(capsys):
    assert main(["verify", "--json", "--only", "eq9", "--no-empirical"]) == 0
    data = json.loads(capsys.readouterr().out)
    (row,) = data["claims"]
    assert row["id"] == "eq9" and row["status"] == "proved"
    assert {"method", "seconds", "evidence"} <= set(row)


def test_verify_exits_one_when_a_claim_misses_its_expected_verdict(monkeypatch, capsys):
    claim = registry.get_claim("eq6")
    monkeypatch.setitem(registry._BY_ID, "eq6",
                        registry.Claim(**{**claim.__dict__, "expected": "refuted"}))
    assert main(["verify", "--only", "eq6"]) == 1
    assert "NOT as expected: eq6" in capsys.readouterr().out


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
