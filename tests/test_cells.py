"""The catalog: names, gates and parameters as in the article; clear errors otherwise."""

from __future__ import annotations

import pytest
import sympy

from symrnn import ARTICLE_CELLS, SymrnnError, UnknownCellError, get_cell


@pytest.mark.parametrize("cell, gates, params", [
    ("rnn", [], ["W", "U", "b"]),
    ("lstm", ["f_t", "i_t", "o_t", "chat_t"],
     ["W_f", "U_f", "b_f", "W_i", "U_i", "b_i", "W_o", "U_o", "b_o", "W_c", "U_c", "b_c"]),
    ("gru", ["z_t", "r_t", "hhat_t"], ["W_z", "U_z", "b_z", "W_r", "U_r", "b_r", "W_h", "U_h", "b_h"]),
    ("mgu", ["r_t", "hhat_t"], ["W_r", "U_r", "b_r", "W_h", "U_h", "b_h"]),
    ("variant", ["z_t", "r_t", "chat_t"], ["W_z", "U_z", "b_z", "W_r", "U_r", "b_r", "W_h", "U_h", "b_c"]),
    ("gru_torch", ["z_t", "r_t", "n_t"],
     ["W_z", "U_z", "b_z", "W_r", "U_r", "b_r", "W_h", "U_h", "b_h", "bu_h"]),
])
def test_each_cell_names_its_gates_and_parameters_as_the_article(cell, gates, params):
    c = get_cell(cell)
    assert [str(g) for g in c.gates] == gates
    assert [p.name for p in c.params] == params


@pytest.mark.parametrize("cell, states", [("rnn", ["h"]), ("lstm", ["h", "c"]),
                                          ("gru", ["h"]), ("variant", ["h", "c"])])
def test_states_are_ordered_h_then_c(cell, states):
    assert list(get_cell(cell).state_names) == states


@pytest.mark.parametrize("cell", ARTICLE_CELLS)
def test_every_definition_is_defined_before_use(cell):
    c = get_cell(cell)
    known = {c.x, *c.param_symbols, *(s.prev for s in c.states)}
    for s, e in c.definitions:
        assert e.free_symbols <= known, (s, e.free_symbols - known)
        known.add(s)


def test_gru_applies_reset_before_the_matrix_product():
    c = get_cell("gru")
    h_hat = c.definition(sympy.Symbol("hhat_t"))
    assert h_hat.has(sympy.Symbol("U_h") * sympy.Symbol("r_t") * sympy.Symbol("h_{t-1}"))


def test_gru_torch_applies_reset_after_the_matrix_product():
    c = get_cell("gru_torch")
    n = c.definition(sympy.Symbol("n_t"))
    assert n.has(sympy.Symbol("r_t") * (sympy.Symbol("U_h") * sympy.Symbol("h_{t-1}")
                                        + sympy.Symbol("bu_h")))


def test_expanded_writes_a_state_out_in_inputs_states_and_parameters():
    c = get_cell("lstm")
    h = c.expanded(sympy.Symbol("h_t"))
    assert not h.free_symbols & set(c.gates)


@pytest.mark.parametrize("bad", ["nosuchcell", "", None, 3])
def test_an_unknown_cell_lists_the_known_cells(bad):
    with pytest.raises(UnknownCellError) as info:
        get_cell(bad)
    assert isinstance(info.value, SymrnnError)
    assert "lstm" in str(info.value) and "known cells" in str(info.value)
