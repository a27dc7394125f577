"""The bound proof scripts run, print one verdict line per reading, and exit 0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from symrnn.claims import get_claim

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = {
    "bounds_xsech2.py": ["xsech2-bound"],
    "bounds_tanh_in_u.py": ["tanh-bounded-in-U", "relu-unbounded", "clip-prevents-explosion"],
    "bounds_terms.py": ["four-gates", "secondary-terms-small", "forget-dominant",
                        "gru-less-stable"],
    "bounds_invariants.py": ["gru-h-bounded", "lstm-c-unbounded"],
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_proof_script_prints_each_verdict_and_exits_zero(script):
    out = subprocess.run([sys.executable, str(ROOT / "proofs" / script)], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    for cid in SCRIPTS[script]:
        for reading in get_claim(cid).readings:
            if not reading.label.startswith("n-D"):
                assert f"{reading.id}: {reading.expected}" in lines
