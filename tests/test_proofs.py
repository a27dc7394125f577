"""Every proof script runs, prints one ``id: status`` line per claim it settles, and
exits 0 (scripts are tested by running them, as mpmath's demos are)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from symrnn.claims import get_reading, reading_ids

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted((ROOT / "proofs").glob("*.py"))


def test_there_are_proof_scripts_for_the_articles_groups():
    names = {p.stem for p in SCRIPTS}
    assert {"formulas", "rnn_gradient", "simple_rnn", "lstm_cell_state", "gru_family"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_a_proof_script_prints_expected_verdict_lines_and_exits_zero(script):
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    verdicts = re.findall(r"^([\w/-]+): (proved|refuted|unknown)$", out.stdout, flags=re.M)
    assert verdicts, "no verdict line"
    for rid, status in verdicts:  # one line per reading (matrix-form lines are not readings)
        if rid in reading_ids():
            assert status == get_reading(rid).expected, rid
    doc = script.read_text(encoding="utf-8")
    assert doc.startswith('"""') and "Run:" in doc
