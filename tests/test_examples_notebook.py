"""The example notebook runs: examples/notebooks/trained_lstm.ipynb trains a small PyTorch LSTM,
imports it, checks its Jacobians against torch.autograd, its bounds and its flow.

The notebook is read and validated with nbformat (so Jupyter opens it) and its code cells
are run in order in a fresh interpreter, each cell's last expression displayed as Jupyter
would (``_repr_latex_`` first): no Jupyter kernel is needed. The notebook's own asserts
(symrnn vs torch.autograd < 1e-12, no certified bound exceeded) run with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from optional import require

nbformat = require("nbformat", "the notebook test reads the notebook with it")
require("torch", "the notebook trains a torch LSTM")

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "notebooks" / "trained_lstm.ipynb"

RUNNER = r'''
import ast, sys
import nbformat

nb = nbformat.read(sys.argv[1], as_version=4)
env = {"__name__": "__main__"}
for k, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
    tree = ast.parse(cell.source)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, f"<cell {k}>", "exec"), env)
    if last is not None:
        value = eval(compile(ast.Expression(last.value), f"<cell {k}>", "eval"), env)
        if value is not None:
            shown = getattr(value, "_repr_latex_", None)
            print(f"[cell {k}] " + (shown() if shown else repr(value))[:200])
print("NOTEBOOK OK")
'''


def test_the_notebook_is_valid_and_stored_without_outputs() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    source = "\n".join(c.source for c in code)
    for call in ("symrnn.from_torch", "symrnn.jacobian", "symrnn.check_weights",
                 "symrnn.measure_flow", "torch.autograd"):
        assert call in source


def test_the_notebook_runs_top_to_bottom(tmp_path) -> None:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    run = subprocess.run([sys.executable, "-c", RUNNER, str(NOTEBOOK)], capture_output=True,
                         text=True, cwd=tmp_path, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    out = run.stdout
    assert out.rstrip().endswith("NOTEBOOK OK")
    assert "largest |symrnn - torch.autograd|" in out and "certified upper bound" in out
    assert r"\frac{\partial c_{t}}{\partial c_{t-1}}" in out  # the derivative, shown as LaTeX
