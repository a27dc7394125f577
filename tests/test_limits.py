"""The shared command-line mechanisms: size budgets measured before expanding, wall-clock
budgets, atomic outputs, progress on a terminal only, Ctrl-C held while renaming."""

from __future__ import annotations

import doctest
import importlib
import io
import os
import signal
import time

import pytest
import sympy

from symrnn import LimitError, OutputPathError, TimeLimitError, check_identity
from symrnn._atomic import AtomicDir, AtomicFile
from symrnn._interrupt import deferred_interrupts
from symrnn._limits import (
    CELL_LIMITS,
    IDENTITY_LIMITS,
    check_expression,
    check_literal_text,
    expanded_terms,
    expression_size,
    parse_number,
)
from symrnn._progress import Activity, Progress
from symrnn._timeout import time_limit

x, y, z = sympy.symbols("x y z")


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("name", ["_limits", "_timeout", "_atomic", "_progress", "_interrupt"])
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"symrnn.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# --- sizes, estimated without expanding ------------------------------------------------


@pytest.mark.parametrize("expr", [
    (x + y + 1)**5, (x + 1)**3 * (y - 2)**2 + x*y, ((x + y)**2 + z)**3, (x + 2*y - z)**4,
])
def test_the_term_estimate_is_never_below_the_expanded_count(expr):
    assert expression_size(expr).terms >= len(sympy.Add.make_args(sympy.expand(expr)))


@pytest.mark.parametrize("expr", [(x + y + 1)**7, x**3 * (y + 1)**4, ((x + 1)**2 + y)**3])
def test_the_degree_estimate_is_the_expanded_degree(expr):
    assert expression_size(expr).degree == sympy.Poly(sympy.expand(expr), x, y).total_degree()


def test_a_flat_sum_is_one_level_deep_and_a_nested_call_chain_is_not():
    assert expression_size(sympy.Add(*sympy.symbols("a0:200"))).depth == 2
    e = sympy.Symbol("s", real=True)
    for _ in range(7):
        e = sympy.tanh(e)
    assert (expression_size(e).depth, expression_size(e).calls) == (8, 7)


def test_a_shared_subtree_counts_at_every_use_but_is_measured_once():
    e = x
    for _ in range(60):  # a tree of 2**60 nodes, a DAG of 61
        e = sympy.Mul(e, e + 1, evaluate=False)
    start = time.perf_counter()
    size = expression_size(e)
    assert size.nodes > 2**60 and time.perf_counter() - start < 5


def test_expanded_terms_is_the_multinomial_count():
    assert expanded_terms(3, 2400) == 2402 * 2401 // 2
    assert expanded_terms(2, 10) == 11 and expanded_terms(1, 10**9) == 1


@pytest.mark.parametrize("expr, words", [
    ((x + y + 1)**2400, "max_terms=200000"),
    (x**10_001, "max_degree=10000"),
    (sympy.Rational(10**70, 3) * x, "max_digits=60"),
    (sympy.Float("1e-300") * x, "max_exponent=100"),
])
def test_an_identity_side_over_a_limit_is_refused_with_one_line_naming_it(expr, words):
    with pytest.raises(LimitError) as info:
        check_expression(expr, "lhs", IDENTITY_LIMITS)
    assert words in str(info.value) and "\n" not in str(info.value)
    assert str(info.value).startswith("lhs: ")


@pytest.mark.parametrize("text, words", [
    ("1e999999999", "max_exponent=100"), ("1e101", "max_exponent=100"),
    ("1" * 61, "max_digits=60"), ("0." + "3" * 61, "max_digits=60"),
])
def test_a_literal_over_a_limit_is_refused_from_its_text(text, words):
    start = time.perf_counter()
    with pytest.raises(LimitError, match=words):
        check_literal_text(text, "updates.h", CELL_LIMITS)
    assert time.perf_counter() - start < 1


@pytest.mark.parametrize("text", ["0.5", "1e-3", "1e100", "1_000.25", "12345678901234567890"])
def test_a_literal_within_the_limits_passes(text):
    check_literal_text(text, "updates.h", CELL_LIMITS)


def test_parse_number_is_exact_and_sized_before_it_is_built():
    assert parse_number("9/20", "bound") == sympy.Rational(9, 20)
    assert parse_number("0.1", "bound") * 10 == 1
    with pytest.raises(LimitError, match="max_exponent"):
        parse_number("1e99999999", "bound")
    with pytest.raises(LimitError, match="max_digits"):
        parse_number(10**400, "bound")


# --- wall-clock budgets ------------------------------------------------------------------


def test_a_block_past_its_budget_raises_a_one_line_time_limit_error():
    with pytest.raises(TimeLimitError) as info:
        with time_limit(0.1, "the test", "--timeout"):
            time.sleep(5)
    assert "--timeout=0.1 s" in str(info.value) and "\n" not in str(info.value)


def test_a_swallowed_time_limit_error_is_raised_again_on_leaving():
    with pytest.raises(TimeLimitError):
        with time_limit(0.1, "swallow"):
            deadline = time.monotonic() + 1
            while time.monotonic() < deadline:
                try:
                    time.sleep(0.01)
                except Exception:  # noqa: BLE001 - what a careless library would do
                    pass


def test_an_inner_budget_cannot_extend_an_outer_one_and_finished_ones_never_fire():
    with pytest.raises(TimeLimitError, match="outer"):
        with time_limit(0.2, "outer"):
            with time_limit(30, "inner"):
                time.sleep(3)
    with time_limit(1, "outer"):
        with time_limit(0.05, "inner"):
            pass
        time.sleep(0.2)  # the inner budget is gone: nothing fires
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "5", True])
def test_a_bad_budget_is_refused(bad):
    with pytest.raises(Exception, match="seconds > 0"):
        time_limit(bad, "x")


# --- atomic outputs ----------------------------------------------------------------------


def test_an_existing_file_is_refused_before_any_work(tmp_path):
    (tmp_path / "out").write_text("mine")
    with pytest.raises(OutputPathError, match="existing file"):
        AtomicDir(tmp_path / "out")
    assert (tmp_path / "out").read_text() == "mine"


def test_an_unwritable_directory_is_refused_before_any_work(tmp_path, monkeypatch):
    import tempfile

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", denied)
    with pytest.raises(OutputPathError, match="Permission denied"):
        AtomicDir(tmp_path / "a" / "b")
    assert list(tmp_path.iterdir()) == []  # the parents it made are gone again


def test_a_failed_or_interrupted_block_leaves_nothing(tmp_path):
    for error in (RuntimeError, KeyboardInterrupt):
        with pytest.raises(error):
            with AtomicDir(tmp_path / "deep" / "out") as out:
                (out.tmp / "half.csv").write_text("1,2")
                raise error
    assert list(tmp_path.iterdir()) == []


def test_a_second_run_replaces_the_outputs_and_keeps_other_files(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    (target / "figures").mkdir()
    (target / "figures" / "old.png").write_text("old")
    with AtomicDir(target) as out:
        (out.tmp / "figures").mkdir()
        (out.tmp / "figures" / "new.png").write_text("new")
        (out.tmp / "report.tex").write_text("tex")
    assert sorted(p.name for p in target.iterdir()) == ["figures", "notes.txt", "report.tex"]
    assert [p.name for p in (target / "figures").iterdir()] == ["new.png"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_new_output_directory_gets_the_usual_permissions_not_the_temporary_ones(tmp_path):
    reference = tmp_path / "made-by-mkdir"
    reference.mkdir()
    with AtomicDir(tmp_path / "out") as out:
        (out.tmp / "a.txt").write_text("a")
    with AtomicFile(tmp_path / "b.txt") as f:
        f.tmp.write_text("b")
    assert (tmp_path / "out").stat().st_mode & 0o777 == reference.stat().st_mode & 0o777
    assert (tmp_path / "b.txt").stat().st_mode & 0o666 == (tmp_path / "out" / "a.txt").stat(
    ).st_mode & 0o666


def test_an_atomic_file_appears_whole_or_not_at_all(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt):
        with AtomicFile(target) as f:
            f.tmp.write_text("half")
            raise KeyboardInterrupt
    assert target.read_text() == "old" and sorted(os.listdir(tmp_path)) == ["report.md"]
    with AtomicFile(target) as f:
        f.tmp.write_text("new")
    assert target.read_text() == "new" and sorted(os.listdir(tmp_path)) == ["report.md"]


def test_ctrl_c_while_renaming_takes_effect_after_the_renaming():
    with pytest.raises(KeyboardInterrupt):
        with deferred_interrupts():
            os.kill(os.getpid(), signal.SIGINT)
            done = True
    assert done


# --- progress ----------------------------------------------------------------------------


def test_activity_draws_on_a_terminal_after_its_delay_and_erases_its_line():
    tty = _Tty()
    with Activity("symrnn docs", stream=tty, delay=0.05) as act:
        act.step("claims")
        time.sleep(0.4)
    text = tty.getvalue()
    assert "symrnn docs: claims … 0 s" in text and text.endswith("\r")


@pytest.mark.parametrize("stream, quiet", [(io.StringIO(), False), (_Tty(), True)])
def test_activity_is_silent_off_a_terminal_or_when_quiet(stream, quiet):
    with Activity("symrnn docs", stream=stream, quiet=quiet, delay=0.0):
        time.sleep(0.2)
    assert stream.getvalue() == ""


def test_progress_bar_is_silent_when_quiet():
    tty = _Tty()
    bar = Progress(4, "x", stream=tty, quiet=True)
    bar.update(2), bar.close()
    assert tty.getvalue() == ""


def test_a_time_limit_error_raised_where_python_cannot_propagate_it_is_not_printed(capsys):
    import gc

    class Slow:
        def __del__(self):
            time.sleep(0.3)  # the alarm fires in here: Python would print "Exception ignored"

    with pytest.raises(TimeLimitError):
        with time_limit(0.1, "finalizer"):
            Slow()
            gc.collect()
            time.sleep(2)
    assert "Exception ignored" not in capsys.readouterr().err


def test_activity_without_a_ticker_draws_only_on_step_and_starts_no_thread():
    import threading

    tty = _Tty()
    before = threading.active_count()
    with Activity("symrnn verify", stream=tty, delay=0.0, tick=False) as act:
        assert threading.active_count() == before
        act.step("checking eq13")
    assert "symrnn verify: checking eq13 … 0 s" in tty.getvalue()


def test_bench_limits_refuses_every_hostile_input_of_the_issue():
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_limits.py"
    run = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    rows = run.stdout.splitlines()[1:-1]
    assert len(rows) == 10 and all("LimitError" in r or "rejected" in r for r in rows)


def test_an_exponent_of_many_fractions_is_decided_without_combining_them():
    # 74 nodes, within every limit; over one denominator the exponent has 12 * 3**11 terms
    # (this took minutes before the normal forms sized it first). timeout: a hang guard.
    xs, ys = sympy.symbols("x0:12"), sympy.symbols("y0:12")
    S = sympy.Add(*[1 / (xs[i] + ys[i] + 1) for i in range(12)])
    assert check_identity(sympy.exp(S), 2 * sympy.exp(S), timeout=60).refuted
    assert check_identity(sympy.exp(S) * sympy.exp(-S), 1, timeout=60).proved
    assert check_identity(sympy.exp(S) * sympy.exp(-S), 2, timeout=60).refuted
    x, y, z, w = sympy.symbols("x y z w")
    big = (x + y + z + w + 1) ** 16  # 4845 monomials, each an atom of the exp normal form
    assert check_identity(sympy.exp(big), sympy.exp(big + 1), timeout=60).refuted
    assert check_identity(sympy.exp((x + 1) ** 3), sympy.exp(sympy.expand((x + 1) ** 3)),
                          timeout=60).proved
