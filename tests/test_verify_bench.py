"""The verify benchmark runs and reports every reading, serial and pooled (a smoke test:
timings are recorded in docs/benchmarks.md, never asserted)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from symrnn import READINGS

ROOT = Path(__file__).resolve().parents[1]


def test_bench_verify_reports_all_readings_serial_and_pooled():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_verify.py"),
                          "--skip-naive", "--repeats", "1"], capture_output=True, text=True,
                         cwd=ROOT, timeout=600, check=True).stdout
    assert re.search(rf"all {len(READINGS)} readings\) as a cold process", out)
    assert "`--jobs 1`" in out and "`--jobs 2`" in out and "load average" in out
