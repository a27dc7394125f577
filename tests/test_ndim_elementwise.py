"""The explicit entrywise check: exact at n <= 16, fast, and failing on wrong forms."""

from __future__ import annotations

import dataclasses

import pytest
import sympy

from symrnn import cell_names
from symrnn._errors import InvalidArgumentError
from symrnn.cells._base import t_sym
from symrnn.ndim import FORM_KEYS, D, M, check_elementwise, find_witness, matrix_form
from symrnn.ndim.elementwise import _fast_matrices, derived_matrix, form_matrix

h, U = t_sym("h"), sympy.Symbol("U")


@pytest.mark.parametrize("cell", cell_names())
@pytest.mark.parametrize("n", [1, 2, 4])
def test_every_block_is_proved_entry_by_entry(cell, n):
    for key in FORM_KEYS[cell]:
        assert check_elementwise(matrix_form(cell, key), n).status == "proved", (cell, key)


def test_lstm_c_path_at_n_16_is_proved():
    assert check_elementwise(matrix_form("lstm", "article"), 16).proved


def test_lstm_all_blocks_at_n_8_are_proved():
    # the time budget is measured by benchmarks/bench_ndim.py, not asserted here
    assert all(check_elementwise(matrix_form("lstm", k), 8).proved for k in FORM_KEYS["lstm"])


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru", "gru_torch", "variant"])
def test_fast_route_agrees_with_sympy_diff_of_the_written_out_cell(cell):
    # the polynomial engine against SymPy's own diff (gates written back) at n = 2
    for key in FORM_KEYS[cell]:
        block = matrix_form(cell, key)
        slow, form = derived_matrix(block, 2), form_matrix(block, 2)
        fast_derived, fast_form = _fast_matrices(block, 2)
        for k in range(2):
            for l in range(2):
                assert sympy.expand(slow[k][l] - form[k][l]) == 0, (cell, key, k, l)
        assert fast_derived == fast_form


@pytest.mark.parametrize("wrong", [
    D(1 - h**2) * M(U, True),     # transposed factor
    M(U) * D(1 - h**2),           # diag on the wrong side
    D(1 - h**2) * M(U) + D(h),    # an extra term
    M(U),                         # a dropped factor
])
def test_a_wrong_rnn_form_is_refuted_at_n_3(wrong):
    v = check_elementwise(dataclasses.replace(matrix_form("rnn"), form=wrong), 3)
    assert v.status == "refuted"
    assert v.evidence["differing_entries"]
    assert "witness" in v.evidence


def test_a_dropped_lstm_term_is_refuted_with_an_arb_witness():
    block = matrix_form("lstm", "article")
    wrong = dataclasses.replace(block, form=block.form.terms[0])
    w = find_witness(wrong, 2)
    assert w is not None and "+/-" in w["derived_minus_form"]


def test_the_true_form_has_no_witness():
    assert find_witness(matrix_form("gru"), 2, points=2) is None


@pytest.mark.parametrize("n", [0, 17, 2.0, True, "8", None])
def test_n_outside_one_to_sixteen_is_rejected_with_the_fix(n):
    with pytest.raises(InvalidArgumentError, match=r"n=.* must be an integer with 1 <= n <= 16"):
        check_elementwise(matrix_form("rnn"), n)
