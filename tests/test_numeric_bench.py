"""benchmarks/bench_numeric.py runs and reports every measurement it promises (smoke run).

The performance targets themselves are not asserted here: timings on a shared machine are
too noisy for a pass/fail test. The recorded numbers live in docs/benchmarks.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_numeric.py"


def test_quick_benchmark_reports_ratios_and_bptt_times_for_every_cell() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True, timeout=120, check=True
    )
    text = run.stdout
    assert text.startswith("## Numeric (issue 3)")
    ratios = re.findall(r"^\| `?[\w( =),:`]+`? \| [\d.]+ \[[\d.]+\] \| ([\d.]+) \|$", text, flags=re.M)
    assert len(ratios) == 6 and float(ratios[0]) == 1.0
    assert all(float(r) > 0 for r in ratios)
    fd_ratio = re.search(r"finite differences cost ratio: ([\d.]+)", text)
    assert fd_ratio is not None and float(fd_ratio.group(1)) > 0
    cells = re.findall(r"^\| (\w+) \| ([\d.]+) \|$", text, flags=re.M)
    assert [c for c, _ in cells] == ["rnn", "relu_rnn", "lstm", "gru", "mgu", "variant", "gru_torch"]
