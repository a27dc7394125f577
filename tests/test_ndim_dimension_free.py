"""The dimension-free proof: every cell proved for all n; wrong matrix forms refuted."""

from __future__ import annotations

import dataclasses

import pytest
import sympy

from symrnn import cell_names
from symrnn.cells._base import prev_sym, t_sym
from symrnn.ndim import (MATRIX_FORM_CHECKS, D, M, Path, Plus, generic_entry,
                         matrix_form, paths_equal, prove_block, prove_cell)

U, U_f, U_h, U_r, U_z = (sympy.Symbol(n) for n in ("U", "U_f", "U_h", "U_r", "U_z"))
h, z, r, hh, h1 = t_sym("h"), t_sym("z"), t_sym("r"), t_sym("hhat"), prev_sym("h")


def _with(cell: str, key: str, form):
    return dataclasses.replace(matrix_form(cell, key), form=form)


def _lstm_without(index: int):
    terms = matrix_form("lstm", "article").form.terms
    return _with("lstm", "article", Plus(*(t for k, t in enumerate(terms) if k != index)))


WRONG = {
    "rnn: transposed U": _with("rnn", "h/h", D(1 - h**2) * M(U, True)),
    "rnn: diag on the right": _with("rnn", "h/h", M(U) * D(1 - h**2)),
    "rnn: dropped factor": _with("rnn", "h/h", M(U)),
    "lstm: dropped f_t": _lstm_without(0),
    "lstm: dropped U_c term": _lstm_without(1),
    "gru: reset gate left of U_h": _with("gru", "h/h",
                                         D(1 - z) + D(z * (1 - z) * (hh - h1)) * M(U_z)
                                         + D(z * (1 - hh**2) * r) * M(U_h)
                                         + D(z * (1 - hh**2)) * M(U_h) * D(h1 * r * (1 - r))
                                         * M(U_r)),
    "gru: transposed U_r": _with("gru", "h/h",
                                 D(1 - z) + D(z * (1 - z) * (hh - h1)) * M(U_z)
                                 + D(z * (1 - hh**2)) * M(U_h) * (D(r) + D(h1 * r * (1 - r))
                                                                  * M(U_r, True))),
}


@pytest.mark.parametrize("cell", cell_names())
def test_every_block_of_every_cell_is_proved_for_every_n(cell):
    v = MATRIX_FORM_CHECKS[cell]()
    assert v.status == "proved", v.evidence
    assert all(b["equals_derived_chains"] for b in v.evidence["blocks"].values())


@pytest.mark.parametrize("name", sorted(WRONG))
def test_a_wrong_matrix_form_is_refuted_with_an_exact_witness(name):
    v = prove_block(WRONG[name])
    assert v.status == "refuted"
    w = v.evidence["witness"]
    assert w["n"] == 2 and all("/" in x or x.lstrip("-").isdigit() for x in w["point"].values())
    assert v.evidence["normal_form_difference_by_word"] != {}


def test_generic_entry_of_eq6_is_paths_through_U_only():
    paths = generic_entry(matrix_form("rnn"))
    assert {p.edges for p in paths} == {((U, False),)}
    ok, _ = paths_equal(paths, (Path((1 - h**2, sympy.S.One), ((U, False),)),), frozenset({U}))
    assert ok


def test_the_lstm_c_path_entry_puts_the_column_factor_at_the_column_index():
    c1, o1, f = prev_sym("c"), prev_sym("o"), t_sym("f")
    word = ((U_f, False),)
    paths = tuple(p for p in generic_entry(matrix_form("lstm", "article")) if p.edges == word)
    right = Path((c1 * f * (1 - f), o1 * (1 - sympy.tanh(c1) ** 2)), word)
    swapped = Path((c1 * f * (1 - f) * o1 * (1 - sympy.tanh(c1) ** 2), sympy.S.One), word)
    assert paths_equal(paths, (right,), frozenset({U_f}))[0]
    assert not paths_equal(paths, (swapped,), frozenset({U_f}))[0]


def test_without_a_witness_search_a_wrong_form_is_only_unknown():
    v = prove_block(WRONG["rnn: diag on the right"], witness=False)
    assert v.status == "unknown"


def test_all_cells_are_proved_from_a_cold_cache():
    # the time budget is measured by benchmarks/bench_ndim.py, not asserted here
    from symrnn.ndim import dimension_free

    dimension_free._entry.cache_clear()
    assert all(prove_cell(c).proved for c in cell_names())
