"""symrnn flow: the subcommand, its files and figures, the progress bar and EMPIRICAL."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from symrnn.flow._progress import Progress
from symrnn.flow.claims_empirical import EMPIRICAL
from symrnn.flow.cli import add_parser


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="symrnn")
    add_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["flow", *argv])
    return args.run(args)


def test_flow_writes_csv_json_and_figures(tmp_path, capsys) -> None:
    out = tmp_path / "flow"
    code = _run(["--cells", "rnn", "lstm", "gru", "--T", "25", "--n", "4", "--seeds", "2",
                 "--scales", "1", "2", "--out", str(out)])
    assert code == 0
    text = capsys.readouterr().out
    assert "measurement, not proof" in text and "lstm" in text
    data = json.loads((out / "flow.json").read_text())
    assert data["kind"] == "empirical" and len(data["groups"]) == 6
    assert (out / "flow.csv").read_text().count("\n") == 1 + 6 * 2
    for stem in ("gradient_norms", "rates_vs_scale", "terms", "xsech2"):
        assert (out / f"{stem}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert (out / f"{stem}.pdf").read_bytes()[:5] == b"%PDF-"


def test_no_plots_and_json_to_stdout(tmp_path, capsys) -> None:
    out = tmp_path / "o"
    assert _run(["--cells", "mgu", "--T", "5", "--n", "2", "--seeds", "1", "--out", str(out),
                 "--no-plots", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"]["cells"] == ["mgu"]
    assert sorted(p.name for p in out.iterdir()) == ["flow.csv", "flow.json"]


def test_same_seed_on_the_command_line_gives_the_same_json(capsys) -> None:
    argv = ["--cells", "variant", "--T", "12", "--n", "3", "--seeds", "2", "--seed", "9", "--json"]
    _run(argv)
    first = json.loads(capsys.readouterr().out)
    _run(argv)
    second = json.loads(capsys.readouterr().out)
    first.pop("seconds"), second.pop("seconds")
    assert first == second


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_only_on_a_terminal() -> None:
    quiet, loud = io.StringIO(), _Tty()
    for stream in (quiet, loud):
        bar = Progress(4, "x", stream=stream)
        bar.update(4)
        bar.close()
    assert quiet.getvalue() == ""
    assert "100%" in loud.getvalue()


@pytest.fixture(scope="module")
def evidence() -> dict:
    return {k: f() for k, f in EMPIRICAL.items()}


def test_empirical_covers_the_four_claims_as_strict_json(evidence: dict) -> None:
    assert set(evidence) == {"vanish-explode", "lstm-long-sequences", "gru-less-stable",
                             "vanish-meaning"}
    for cid, data in evidence.items():
        assert data["kind"] == "empirical" and data["claim"] == cid
        assert "verdict" not in data and "status" not in data  # evidence, never a verdict
        json.dumps(data, allow_nan=False)


def test_empirical_is_reproducible(evidence: dict) -> None:
    again = EMPIRICAL["gru-less-stable"]()
    assert again["measured"] == evidence["gru-less-stable"]["measured"]


def test_empirical_measurements_show_what_the_claims_describe(evidence: dict) -> None:
    rows = evidence["vanish-explode"]["measured"]["by_scale"]
    assert rows[0]["share_vanished"] == 1.0 and rows[0]["factor_per_step"] < 1
    assert rows[-1]["factor_per_step"] > 1
    lstm = evidence["lstm-long-sequences"]["measured"]["by_scheme"]
    assert all(r["rate_median"] < 0 for r in lstm)
    meaning = evidence["vanish-meaning"]["measured"]
    assert min(meaning["total_gradient_norm"]) > 0
    assert meaning["share_from_steps_farther_than_d"]["50"] < 1e-3


# --- issue 16: exact zeros, nothing to measure, memory, atomic --out ---------------------------

from symrnn.cli import main  # noqa: E402


def test_an_exactly_vanishing_gradient_prints_rate_minus_inf(capsys) -> None:
    # relu_rnn with n = 2: every unit is off at some step, the product is exactly 0
    assert _run(["--cells", "relu_rnn", "--T", "10", "--n", "2", "--seeds", "1"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.startswith("relu_rnn"))
    assert row.split()[3] == "-inf"


def test_a_scheme_that_applies_to_no_chosen_cell_is_an_error(capsys) -> None:
    assert main(["flow", "--schemes", "forget-bias-1", "--cells", "rnn"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "applies to lstm only" in err


@pytest.mark.parametrize("argv", [["--T", "1000000000"], ["--n", "100000"]])
def test_a_measurement_over_the_memory_budget_is_refused_before_allocating(argv, capsys) -> None:
    assert main(["flow", *argv]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "max_memory=2 GiB" in err


def test_out_at_an_existing_file_is_refused_before_the_measurement(tmp_path, capsys,
                                                                   monkeypatch) -> None:
    from symrnn.flow import _experiment

    (tmp_path / "f").write_text("mine")
    monkeypatch.setattr(_experiment, "measure_flow", lambda *a, **k: pytest.fail("measured anyway"))
    assert main(["flow", "--out", str(tmp_path / "f")]) == 2
    assert "is an existing file" in capsys.readouterr().err
    assert (tmp_path / "f").read_text() == "mine"


def test_an_interrupted_flow_writes_nothing_and_exits_130(tmp_path, capsys, monkeypatch) -> None:
    from symrnn.flow import _plots

    def interrupted(result, out_dir, seed=0):
        with open(f"{out_dir}/gradient_norms.png", "wb") as fh:
            fh.write(b"half")
        raise KeyboardInterrupt

    monkeypatch.setattr(_plots, "plot_all", interrupted)
    code = main(["flow", "--cells", "rnn", "--T", "5", "--n", "2", "--seeds", "1",
                 "--out", str(tmp_path / "o")])
    assert code == 130 and capsys.readouterr().err == "symrnn: interrupted (Ctrl-C); nothing was written\n"
    assert list(tmp_path.iterdir()) == []
