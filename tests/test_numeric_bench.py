"""benchmarks/bench_numeric.py runs and reports every measurement it promises (smoke run).

The performance targets themselves are not asserted here: timings on a shared machine are
too noisy for a pass/fail test. The recorded numbers live in docs/benchmarks.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from optional import require

from symrnn.numeric import CELL_NAMES

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_numeric.py"


def test_quick_benchmark_reports_ratios_and_bptt_times_for_every_cell() -> None:
    require("torch", "the torch row is part of the report")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"], capture_output=True, text=True, timeout=120, check=True
    )
    text = run.stdout
    assert text.startswith("## Numeric (issues 3 and 15)")
    ratios = re.findall(r"^\| `?[\w( =),.:`]+`?[\w, ]* \| [\d.]+ \[[\d.]+\] \| ([\d.]+) \|$", text,
                        flags=re.M)
    assert len(ratios) == 8 and float(ratios[0]) == 1.0  # step, 3 jacobians, torch, fd, 2 floors
    assert all(float(r) > 0 for r in ratios)
    fd_ratio = re.search(r"finite differences cost ratio: ([\d.]+)", text)
    assert fd_ratio is not None and float(fd_ratio.group(1)) > 0
    cells = re.findall(r"^\| (\w+) \| ([\d.]+) \|$", text, flags=re.M)
    assert [c for c, _ in cells] == list(CELL_NAMES)
    torch_ratio = re.search(r"PyTorch `vmap\(jacrev\)` / `jacobian\(structured=True\)`: ([\d.]+)x", text)
    assert torch_ratio is not None and float(torch_ratio.group(1)) > 0
    assert re.search(r"largest \|difference\| between the two Jacobians (\d\.\de-\d+)", text)
