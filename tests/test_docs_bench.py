"""benchmarks/bench_docs.py runs and reports the numbers it promises (smoke run: no
figures, no PDF). The targets are not asserted: timings on a shared machine are noisy; the
recorded run is in docs/benchmarks.md."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_docs.py"


def test_quick_benchmark_reports_the_no_pdf_time_and_sizes() -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--quick"], capture_output=True,
                         text=True, timeout=120, check=True)
    text = run.stdout
    assert text.startswith("## Docs (issues 8, 13)")
    assert re.search(r"\| `symrnn docs --no-pdf --markdown` .* \| [\d.]+ s \(target < 10 s: "
                     r"(met|NOT met)\) \|", text)
    assert re.search(r"\| report\.tex, report\.md \| \d+ KiB, \d+ KiB \|", text)
