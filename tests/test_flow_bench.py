"""benchmarks/bench_flow.py runs and reports every number it promises (smoke run, tiny sizes).

The 60 s target is not asserted: timings on a shared machine are too noisy for pass/fail.
The recorded run lives in docs/benchmarks.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_flow.py"


def test_quick_benchmark_reports_time_memory_and_a_rate_row_per_cell() -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True,
                         timeout=120, check=True)
    text = run.stdout
    assert text.startswith("## Gradient flow (issue 7)")
    assert re.search(r"\| wall-clock \| [\d.]+ s", text)
    assert re.search(r"\| peak resident memory of the process \| [\d.]+ GiB", text)
    cells = re.findall(r"^\| (\w+) \| (-?[\d.]+|-inf) \[", text, flags=re.M)
    assert [c for c, _ in cells] == ["rnn", "relu_rnn", "lstm", "gru", "mgu", "variant", "gru_torch"]
