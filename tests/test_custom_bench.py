"""The custom-cell benchmark runs and meets its target (issue 6: LSTM-size cell < 5 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_custom_meets_target():
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_custom.py")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "target < 5.0 s: met" in run.stdout
