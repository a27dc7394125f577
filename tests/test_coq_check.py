"""The Coq export checked by coqc: everything checks, a false bound does not.

These tests need ``coqc`` with Coquelicot and Interval. Without it they skip — except
under CI (``CI`` set), where a missing coqc is a failure, not a skip.
"""

from __future__ import annotations

import os

import pytest

from symrnn.coq import check_coq, coqc_available, export_coq


@pytest.fixture(autouse=True)
def _require_coq():
    if not coqc_available():
        if os.environ.get("CI"):
            pytest.fail("CI is set but coqc/make are missing: install coq, libcoq-interval, "
                        "libcoq-coquelicot (.ci/apt-packages.txt)")
        pytest.skip("coqc not installed")


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    if not coqc_available():
        return None
    d = str(tmp_path_factory.mktemp("coq"))
    return export_coq(d), check_coq(d, timeout=240)


def test_whole_export_checks_within_two_minutes(checked):
    export, result = checked
    assert result.ok, result.errors
    assert set(result.files) == {"Defs.v"} | {f"{g.stem}.v" for g in export.groups}
    assert result.seconds < 120


def test_deliberately_false_xsech2_bound_fails_to_check(tmp_path):
    export_coq(str(tmp_path), article_bound="0.447")
    result = check_coq(str(tmp_path), timeout=240)
    assert not result.ok
    assert result.files["Xsech2.v"] == "failed"
    assert "Xsech2.v" in result.errors and "Error" in result.errors["Xsech2.v"]
    assert result.files["Jacobians.v"] == "checked"


def test_deliberately_wrong_eq4a_fails_to_check(tmp_path):
    import sympy

    from symrnn.activations import sigmoid
    from symrnn.claims.article import x_sym

    wrong = (sympy.tanh(x_sym), 2 * sigmoid(2 * x_sym) + 1)
    export_coq(str(tmp_path), identities={"eq4a": wrong})
    result = check_coq(str(tmp_path), timeout=240)
    assert result.files["Formulas.v"] == "failed"
    assert "Error" in result.errors["Formulas.v"]
    assert result.files["Jacobians.v"] == "checked" and result.files["Xsech2.v"] == "checked"


def test_status_with_check_marks_exported_claims_checked():
    from symrnn.coq import coq_status

    st = coq_status(check=True)
    assert st["xsech2-bound"] == "checked" and st["gru-h-bounded"] == "checked"
    for cid in ("eq4a", "eq4b", "relu-unbounded", "clip-prevents-explosion", "forget-dominant"):
        assert st[cid] == "checked", cid
    assert st["lstm-c-unbounded"] == "not exported"
    assert "failed" not in st.values()


def test_benchmark_script_runs_quick():
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_coq.py"
    proc = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "## Coq (issue 9)" in proc.stdout and "Whole export" in proc.stdout
