"""The command line: verify's table, JSON and exit codes; derive; list; bad usage exits 2."""

from __future__ import annotations

import dataclasses

import json
import subprocess
import sys

import pytest

from symrnn.cli import main
from symrnn.claims import registry


def test_verify_prints_a_table_and_a_summary_and_exits_zero(capsys):
    assert main(["verify", "--only", "eq6", "eq13", "xsech2-bound"]) == 0
    out = capsys.readouterr().out
    assert "eq13" in out and "proved (1-D) · proved (n-D)" in out
    assert "3 claims, 6 readings: 6 proved, 0 refuted, 0 unknown" in out
    assert "every reading reached its recorded verdict" in out


def test_verify_shows_every_reading_and_counts_readings(capsys):
    assert main(["verify", "--only", "vanish-explode", "eq4a/1d"]) == 0
    out = capsys.readouterr().out
    assert "proved (uniform) · refuted (pointwise)" in out
    assert "2 claims, 5 readings: 3 proved, 2 refuted, 0 unknown" in out
    assert "principal readings (the claim's status): 2 proved, 0 refuted" in out


def test_verify_readings_prints_each_statement(capsys):
    assert main(["verify", "--readings", "--only", "secondary-terms-small/worst-case"]) == 0
    out = capsys.readouterr().out
    assert "refuted  secondary-terms-small/worst-case" in out
    assert "strictly below eq (6)'s supremum |U|" in out


def test_verify_only_rejects_an_unknown_reading_id_with_the_claims_readings(capsys):
    assert main(["verify", "--only", "four-gates/typo"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "four-gates/bound" in err


def test_verify_json_has_claims_with_id_status_method_seconds_evidence(capsys):
    assert main(["verify", "--json", "--only", "eq9", "--no-empirical"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == 2
    (row,) = data["claims"]
    assert row["id"] == "eq9" and row["status"] == "proved"
    assert {"method", "seconds", "evidence", "readings", "principal_reading"} <= set(row)
    assert [x["id"] for x in row["readings"]] == ["eq9/1d", "eq9/nd"]


def test_verify_exits_one_when_a_reading_misses_its_recorded_verdict(monkeypatch, capsys):
    claim = registry.get_claim("eq6")
    wrong = dataclasses.replace(claim.readings[1], expected="refuted")
    monkeypatch.setitem(registry._BY_ID, "eq6",
                        dataclasses.replace(claim, readings=(claim.readings[0], wrong)))
    assert main(["verify", "--only", "eq6"]) == 1
    out = capsys.readouterr().out
    assert "NOT as expected: eq6/nd" in out and "proved (n-D) [expected refuted]" in out


def test_derive_prints_the_jacobian_and_its_term_split(capsys):
    assert main(["derive", "lstm"]) == 0
    out = capsys.readouterr().out
    assert "diag(f_t)" in out and "[main     ] f_t" in out


def test_derive_latex_prints_latex(capsys):
    assert main(["derive", "rnn", "--latex"]) == 0
    assert r"\operatorname{diag}" in capsys.readouterr().out


def test_list_lists_cells_and_claims(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "gru_torch" in out and "xsech2-bound" in out
    assert "vanish-explode/pointwise" not in out


def test_list_readings_lists_every_reading_id(capsys):
    from symrnn import reading_ids

    assert main(["list", "--readings"]) == 0
    out = capsys.readouterr().out
    assert all(rid in out for rid in reading_ids())


def test_derive_an_unknown_cell_prints_one_line_and_exits_two():
    out = subprocess.run([sys.executable, "-m", "symrnn", "derive", "nosuchcell"],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "known cells: rnn, relu_rnn, lstm" in lines[0]


@pytest.mark.parametrize("argv", [["verify", "--only", "nope"]])
def test_an_unknown_claim_id_exits_two(argv, capsys):
    assert main(argv) == 2
    assert "unknown claim id 'nope'" in capsys.readouterr().err


def test_verify_coq_marks_claims_whose_coq_proof_was_checked(capsys):
    import os
    import shutil

    if shutil.which("coqc") is None:
        if os.environ.get("CI"):
            pytest.fail("coqc is missing in CI: .ci/run must install coq (see .ci/apt-packages.txt)")
        pytest.skip("coqc not installed (run .ci/run, or apt-get install coq libcoq-interval)")
    assert main(["verify", "--json", "--coq", "--no-empirical", "--only", "eq6", "eq1"]) == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)["claims"]}
    assert rows["eq6"]["evidence"]["coq"] == "checked"
    assert rows["eq1"]["evidence"]["coq"] == "not exported"
    # per reading: eq6's 1-D and n-D readings each have their own checked theorems
    assert {r["id"]: r["coq"] for r in rows["eq6"]["readings"]} == {"eq6/1d": "checked",
                                                                    "eq6/nd": "checked"}
    assert rows["eq1"]["readings"][0]["coq"] == "not exported"


# --- issue 16: --version, clean help, budgets, Ctrl-C, atomic outputs ------------------------

import os  # noqa: E402
import signal  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import symrnn  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out == f"symrnn {symrnn.__version__}\n"


@pytest.mark.parametrize("argv", [[], ["verify"], ["analyze"], ["flow"], ["docs"], ["export", "coq"]])
def test_help_is_plain_text_without_rest_markup(argv, capsys):
    with pytest.raises(SystemExit):
        main([*argv, "--help"])
    text = capsys.readouterr().out
    assert "``" not in text and ":func:" not in text and ":math:" not in text
    if argv in (["verify"], ["analyze"], ["flow"], ["docs"], ["export", "coq"]):
        assert "--quiet" in text


def test_derive_names_the_article_only_for_the_articles_cells(capsys):
    main(["derive", "janet"])
    janet = capsys.readouterr().out
    main(["derive", "gru"])
    gru = capsys.readouterr().out
    assert "the article analyses" not in janet and "split into its terms" in janet
    assert "The derivative the article analyses" in gru


def test_verify_past_its_timeout_exits_two_with_one_line(capsys):
    assert main(["verify", "--only", "eq13", "--timeout", "0.01"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "verify took longer" in err and "--timeout=0.01 s" in err


def test_analyze_past_its_timeout_exits_two_with_one_line(capsys):
    code = main(["analyze", str(ROOT / "examples/cells/lstm_cpath.toml"), "--timeout", "0.01"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--timeout=0.01 s" in err


@pytest.mark.parametrize("argv", [["verify", "--timeout", "0"], ["analyze", "x", "--timeout", "-1"]])
def test_a_bad_timeout_is_a_usage_error(argv, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2 and "seconds > 0" in capsys.readouterr().err


def test_ctrl_c_during_a_measurement_prints_one_line_exits_130_and_writes_nothing(tmp_path):
    out = tmp_path / "flow"
    proc = subprocess.Popen([sys.executable, "-m", "symrnn", "flow", "--cells", "lstm",
                             "--T", "100000", "--n", "16", "--seeds", "2", "--out", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    time.sleep(8)  # well into the measurement (importing takes a few seconds)
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert stderr == "symrnn: interrupted (Ctrl-C); nothing was written\n" and stdout == ""
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("argv", [["docs", "--out", "{f}", "--no-pdf"], ["export", "coq", "{f}"]])
def test_out_at_an_existing_file_exits_two_before_any_work(argv, tmp_path, capsys):
    f = tmp_path / "taken"
    f.write_text("mine")
    start = time.perf_counter()
    assert main([a.replace("{f}", str(f)) for a in argv]) == 2
    assert "is an existing file" in capsys.readouterr().err
    assert time.perf_counter() - start < 5 and f.read_text() == "mine"


def test_an_interrupted_docs_run_leaves_neither_directory_nor_markdown(tmp_path, capsys,
                                                                        monkeypatch):
    from symrnn.docs import _build

    def interrupted(out_dir, **kwargs):
        Path(out_dir, "report.tex").write_text("half")
        Path(kwargs["markdown"]).write_text("half")
        raise KeyboardInterrupt

    monkeypatch.setattr(_build, "build_docs", interrupted)  # the command imports it on use
    code = main(["docs", "--out", str(tmp_path / "d"), "--markdown", str(tmp_path / "r.md")])
    assert code == 130 and "interrupted" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def test_docs_writes_into_place_and_links_figures_from_the_final_directory(tmp_path, capsys,
                                                                           monkeypatch):
    from symrnn.docs import _build
    from symrnn.docs._build import BuildResult

    seen = {}

    def build(out_dir, **kwargs):
        seen.update(kwargs)
        Path(out_dir, "report.tex").write_text("tex")
        Path(kwargs["markdown"]).write_text("md")
        return BuildResult(str(Path(out_dir, "report.tex")), None, kwargs["markdown"], ())

    monkeypatch.setattr(_build, "build_docs", build)
    assert main(["docs", "--out", str(tmp_path / "d"), "--no-pdf", "--markdown",
                 str(tmp_path / "r.md")]) == 0
    assert seen["link_dir"] == str((tmp_path / "d").absolute())
    assert (tmp_path / "d" / "report.tex").read_text() == "tex"
    assert (tmp_path / "r.md").read_text() == "md"
    assert sorted(os.listdir(tmp_path)) == ["d", "r.md"]
    assert capsys.readouterr().out.splitlines() == [f"wrote {tmp_path / 'd' / 'report.tex'}",
                                                    f"wrote {tmp_path / 'r.md'}"]


def test_an_interrupted_export_leaves_nothing(tmp_path, capsys, monkeypatch):
    from symrnn.coq import _export

    real = _export.export_coq

    def interrupted(directory, *args, **kwargs):
        real(directory, *args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(_export, "export_coq", interrupted)
    assert main(["export", "coq", str(tmp_path / "coq")]) == 130
    assert os.listdir(tmp_path) == []


def _children(pid: int) -> list[int]:
    """The process ids whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry))
    return out


@pytest.mark.parametrize("argv", [["verify", "--jobs", "2"], ["docs", "--out", "{tmp}/d", "--no-pdf"]])
def test_ctrl_c_at_a_terminal_reaches_the_workers_too_and_still_prints_one_line(argv, tmp_path):
    # a terminal's Ctrl-C goes to the whole process group: worker processes included
    proc = subprocess.Popen([sys.executable, "-m", "symrnn",
                             *[a.replace("{tmp}", str(tmp_path)) for a in argv]],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True)
    # wait for the worker processes (no fixed sleep: a quiet machine finishes verify in seconds)
    deadline = time.monotonic() + 120
    while not _children(proc.pid):
        assert proc.poll() is None, "finished before any worker process started"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    assert proc.poll() is None
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and stdout == ""
    assert stderr == "symrnn: interrupted (Ctrl-C); nothing was written\n"
    assert os.listdir(tmp_path) == []


def test_summary_says_one_claim_and_one_reading_in_the_singular(capsys):
    assert main(["verify", "--only", "eq1"]) == 0
    assert "1 claim, 1 reading: 1 proved, 0 refuted, 0 unknown" in capsys.readouterr().out
