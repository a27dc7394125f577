"""The n-D proof scripts and the benchmark run in a subprocess and print their verdicts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from symrnn.claims import get_claim, get_reading
from symrnn.ndim import CHECKS_ND, MATRIX_FORM_CHECKS, NEW_CLAIMS

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = {
    "ndim_matrix_forms.py": [f"matrix-form-{c}: proved" for c in MATRIX_FORM_CHECKS],
    "ndim_claims.py": [f"{k}: {get_reading(k).expected}" for k in CHECKS_ND],
    "ndim_pascanu.py": [f"{r.id}: {r.expected}" for c in NEW_CLAIMS
                        for r in get_claim(c["id"]).readings],
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_proof_script_prints_each_verdict_and_exits_zero(script):
    args = [sys.executable, str(ROOT / "proofs" / script)]
    if script == "ndim_matrix_forms.py":
        args.append("3")
    out = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    for verdict in SCRIPTS[script]:
        assert verdict in lines


def test_quick_benchmark_reports_every_section():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_ndim.py"), "--quick"],
                         capture_output=True, text=True, cwd=ROOT, timeout=180, check=True)
    text = out.stdout
    assert text.startswith("## n-dimensional (issue 5)")
    for heading in ("### Dimension-free proofs", "### Entrywise check", "### Naive SymPy baseline",
                    "### All n-D checks"):
        assert heading in text
    assert "| 1 |" in text and "x |" in text
