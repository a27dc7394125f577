"""Cell files: the examples load; hostile or broken files are rejected with file:line, run nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

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
