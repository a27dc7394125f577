"""Cell files: the examples load; hostile or broken files are rejected with file:line, run nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sympy

from symrnn import LimitError
from symrnn.cells import get_cell
from symrnn.custom import CellFileError, load_cell, loads_cell, parse_expression
from symrnn.derivation import derive

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples" / "cells").glob("*.toml"))

HEAD = """[cell]
name = "evil"
states = ["h"]

[params]
input_matrix = ["W"]
recurrent_matrix = ["U"]
vector = ["b"]

[updates]
"""


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_files_load(path):
    assert load_cell(path).definitions


def test_variant_file_has_the_catalog_variants_jacobian():
    assert derive(load_cell(ROOT / "examples/cells/variant.toml")).matrix == \
        derive(get_cell("variant")).matrix


HOSTILE = [
    "__import__('os').system('touch pwned')",
    "h_prev.__class__",
    "(lambda: 0)()",
    "[c for c in h_prev]",
    "h_prev[0]",
    "__builtins__",
    "tanh(h_prev, key=1)",
    "open('pwned', 'w')",
    "'touch pwned'",
    "tanh(*h_prev)",
    "h_prev if b else b",
    "(h := b)",
    "9**9**9",
    "h_prev**(h_prev)",
]


@pytest.mark.parametrize("expr", HOSTILE)
def test_hostile_expression_is_rejected_and_runs_nothing(expr, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = HEAD + f'h = "tanh(W*x + U*h_prev + b) + {expr.replace(chr(34), chr(39))}"\n'
    with pytest.raises(CellFileError) as info:
        loads_cell(text, "evil.toml")
    assert str(info.value).startswith("evil.toml:11: updates.h:")
    assert "rejected" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_cli_on_pwned_file_exits_2_with_one_line_and_creates_nothing(tmp_path):
    cell = tmp_path / "evil.toml"
    cell.write_text(HEAD + "h = \"__import__('os').system('touch pwned')\"\n")
    run = subprocess.run([sys.executable, "-m", "symrnn.custom.cli", str(cell)],
                         capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "attribute access" in run.stderr
    assert not (tmp_path / "pwned").exists()


def test_parse_expression_builds_exact_numbers():
    assert str(parse_expression("0.1*h_prev")) == "h_prev/10"


@pytest.mark.parametrize("text, field, line, words", [
    (HEAD + 'h = "tanh(W*x + U*h_prev + q)"\n', "updates.h", 11, "unknown symbol(s) q"),
    (HEAD.replace('vector = ["b"]', 'vector = ["b", "v"]') + 'h = "tanh(W*x + U*h_prev + b)"\n',
     "params.v", 8, "used nowhere"),
    (HEAD.replace("[updates]\n", '[gates]\nf = "sigmoid(f)"\n[updates]\n')
     + 'h = "tanh(W*x + U*h_prev + b)"\n', "gates.f", 11, "in terms of itself"),
    (HEAD.replace('states = ["h"]', 'states = ["h", "c"]') + 'h = "tanh(W*x + U*h_prev + b)"\n',
     "updates.c", 10, "has no update"),
    (HEAD + 'h = "tanh(U*W*x + b)"\n', "updates.h", 11, "multiplies the matrices"),
    (HEAD + 'h = "abs(h_prev)"\n', "updates.h", 11, "not a whitelisted function"),
    (HEAD + "h = 3\n", "updates.h", 11, "must be a string"),
    (HEAD + "[extra]\n", "extra", 11, "unknown section"),
    (HEAD + 'h = "tanh(\n', "", 11, "invalid TOML"),
])
def test_bad_file_names_field_and_line(text, field, line, words):
    with pytest.raises(CellFileError) as info:
        loads_cell(text, "c.toml")
    assert info.value.line == line and info.value.field == field
    assert str(info.value).startswith(f"c.toml:{line}") and words in str(info.value)


def test_missing_file_is_a_cell_file_error(tmp_path):
    with pytest.raises(CellFileError, match="cannot read"):
        load_cell(tmp_path / "absent.toml")


# --- issue 16: literals, size limits, friction ---------------------------------------------

SIMPLE = HEAD.replace('input_matrix = ["W"]\n', "").replace('recurrent_matrix = ["U"]\n', "")


def _cell(update: str) -> str:
    return SIMPLE + f'h = "{update}"\n'


@pytest.mark.parametrize("literal, value", [("0x10", 16), ("0o17", 15), ("1_000", 1000),
                                            ("2.5e-3", sympy.Rational(1, 400))])
def test_python_number_literals_are_read_exactly(literal, value):
    assert parse_expression(f"{literal}*h_prev") == value * sympy.Symbol("h_prev")


@pytest.mark.parametrize("update, words", [
    ("tanh(h_prev + 1e999999999)", "max_exponent=100"),
    ("tanh(h_prev + 1e9999999)", "max_exponent=100"),
    ("tanh(h_prev + 1e101)", "max_exponent=100"),
    ("tanh(h_prev + 0." + "1" * 61 + ")", "max_digits=60"),
    ("tanh(h_prev + " + "9" * 70 + ")", "max_digits=60"),
    ("b*((h_prev+1)**16+1)**16", "max_degree=32"),
    ("tanh(tanh(tanh(tanh(tanh(h_prev + b)))))", "max_calls=4"),
    ("b*(h_prev + " + "(1 + " * 61 + "h_prev" + ")" * 62, "max_depth=60"),
])
def test_an_expression_over_a_limit_is_refused_in_one_line_before_it_is_built(update, words):
    import time

    start = time.perf_counter()
    with pytest.raises(LimitError) as info:
        loads_cell(_cell(update), "c.toml")
    message = str(info.value)
    assert message.startswith("c.toml:9: updates.h:") and words in message and "\n" not in message
    assert time.perf_counter() - start < 5


def test_exponents_nested_through_gates_are_counted_written_out():
    text = SIMPLE.replace("[updates]\n", '[gates]\ng = "(h_prev+1)**16"\nk = "g**16"\n[updates]\n')
    with pytest.raises(LimitError, match="gates.k: degree once expanded 256.*written out"):
        loads_cell(text + 'h = "b*k"\n', "c.toml")


def test_a_flat_sum_of_many_terms_is_not_deep():
    terms = " + ".join(f"{k}*h_prev" for k in range(1, 120))
    cell = loads_cell(_cell(f"b*tanh({terms})"), "c.toml")
    assert cell.definitions


def test_too_many_gates_are_refused():
    gates = "".join(f'g{k} = "sigmoid(b*h_prev)"\n' for k in range(64))
    text = SIMPLE.replace("[updates]\n", "[gates]\n" + gates + "[updates]\n")
    with pytest.raises(LimitError, match="max_definitions=64"):
        loads_cell(text + 'h = "g0*h_prev"\n', "c.toml")


def test_a_utf8_byte_order_mark_is_ignored(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + (ROOT / "examples/cells/variant.toml").read_bytes())
    assert load_cell(path).definitions == load_cell(ROOT / "examples/cells/variant.toml").definitions
    assert loads_cell("\ufeff" + _cell("tanh(b*h_prev)")).definitions


def test_a_parameter_declared_under_two_kinds_is_named_with_both_kinds():
    text = HEAD.replace('vector = ["b"]', 'vector = ["b", "U"]') + 'h = "tanh(U*h_prev + b)"\n'
    with pytest.raises(CellFileError) as info:
        loads_cell(text, "c.toml")
    assert "'U' is declared twice, under recurrent_matrix and vector" in str(info.value)
    assert info.value.field == "params.U"


def test_cli_refuses_an_over_limit_file_in_one_line_with_exit_2(tmp_path):
    cell = tmp_path / "big.toml"
    cell.write_text(_cell("tanh(h_prev + 1e999999999)"))
    run = subprocess.run([sys.executable, "-m", "symrnn", "analyze", str(cell)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "max_exponent=100" in run.stderr
