"""The command line for trained models: ``symrnn check-weights FILE`` and
``symrnn flow --weights FILE [--inputs FILE]``, run as a user would (subprocesses)."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from optional import require

import symrnn
from symrnn.numeric import init_params


def symrnn_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "symrnn", *args], capture_output=True, text=True)


@pytest.fixture
def lstm_file(tmp_path):
    path = tmp_path / "lstm.npz"
    symrnn.save_params(path, "lstm", init_params("lstm", 2, 4, rng=0))
    return path


def test_check_weights_prints_bounds_beside_measurements(lstm_file) -> None:
    run = symrnn_cli("check-weights", str(lstm_file), "--T", "30")
    assert run.returncode == 0, run.stderr
    assert "forget-dominant-nd" in run.stdout and "certified upper bound" in run.stdout
    assert "NOT a bound for this n" in run.stdout and "measured ||J_t||_2" in run.stdout


def test_check_weights_json_with_given_inputs(lstm_file, tmp_path) -> None:
    np.save(tmp_path / "xs.npy", np.random.default_rng(0).standard_normal((25, 3, 2)))
    run = symrnn_cli("check-weights", str(lstm_file), "--inputs", str(tmp_path / "xs.npy"), "--json")
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert (data["T"], data["sequences"], data["violations"]) == (25, 3, [])
    assert all(c["measured"] <= c["bound"] for c in data["checks"] if c["certified"])


def test_check_weights_reads_a_pytorch_file(tmp_path) -> None:
    torch = require("torch", "check-weights reads .pt files")
    torch.save(torch.nn.GRU(2, 3).state_dict(), tmp_path / "gru.pt")
    run = symrnn_cli("check-weights", str(tmp_path / "gru.pt"), "--T", "20", "--json")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["cell"] == "gru_torch"


def test_flow_measures_the_given_model_along_given_inputs(lstm_file, tmp_path) -> None:
    np.savez(tmp_path / "xs.npz", inputs=np.random.default_rng(1).standard_normal((40, 2, 2)))
    out = tmp_path / "out"
    run = symrnn_cli("flow", "--weights", str(lstm_file), "--inputs", str(tmp_path / "xs.npz"),
                     "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "weights" in run.stdout and "lstm" in run.stdout and "given" in run.stdout
    data = json.loads((out / "flow.json").read_text())
    assert data["settings"]["T"] == 40 and data["groups"][0]["runs"] == 2
    assert (out / "flow.csv").exists() and (out / "gradient_norms.png").exists()


@pytest.mark.parametrize("args, text", [
    (["check-weights", "missing.npz"], "missing.npz: no such file"),
    (["check-weights", "weights.txt"], "unknown weights format '.txt'"),
    (["flow", "--inputs", "xs.npy"], "give its file with --weights FILE"),
])
def test_bad_usage_is_one_line_on_stderr_and_exit_2(args, text, tmp_path) -> None:
    run = subprocess.run([sys.executable, "-m", "symrnn", *args], capture_output=True, text=True,
                         cwd=tmp_path)
    assert run.returncode == 2 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and text in lines[0], run.stderr


def test_inputs_of_the_wrong_size_are_refused(lstm_file, tmp_path) -> None:
    np.save(tmp_path / "xs.npy", np.zeros((10, 5)))
    run = symrnn_cli("check-weights", str(lstm_file), "--inputs", str(tmp_path / "xs.npy"))
    assert run.returncode == 2 and "m = 2" in run.stderr
