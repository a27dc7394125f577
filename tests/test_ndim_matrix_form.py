"""Matrix forms: one per block of every catalog cell, printable, with a path normal form."""

from __future__ import annotations

import pytest
import sympy

from symrnn import UnknownCellError, cell_names, get_cell
from symrnn._errors import InvalidArgumentError
from symrnn.ndim import (FORM_KEYS, D, I, M, Path, Plus, Times, block_form, matrix_form,
                         paths_equal)

U, V = sympy.symbols("U V")
a, b, c = sympy.symbols("a b c")


class TestForms:
    def test_every_catalog_cell_has_forms_for_each_state_block_and_the_article_path(self):
        assert set(FORM_KEYS) == set(cell_names())
        for cell in cell_names():
            states = get_cell(cell).state_names
            expected = {f"{o}/{i}" for o in states for i in states} | {"article"}
            assert set(FORM_KEYS[cell]) == expected

    def test_eq6_prints_as_papers_write_it(self):
        assert str(matrix_form("rnn")) == "dh_t/dh_{t-1} = diag(1 - h_t**2) U"
        assert matrix_form("rnn").latex() == (
            r"\frac{\partial h_{t}}{\partial h_{t-1}} = "
            r"\operatorname{diag}\left(1 - h_{t}^{2}\right) U")

    def test_lstm_article_form_groups_the_secondary_terms_before_the_column_factor(self):
        text = str(matrix_form("lstm", "article"))
        assert text.startswith("dc_t/dc_{t-1} = diag(f_t) + (diag(c_{t-1}*f_t*(1 - f_t)) U_f")
        assert text.endswith("diag(o_{t-1}*(1 - tanh(c_{t-1})**2))")
        assert r"\left(" in matrix_form("lstm", "article").latex()

    @pytest.mark.parametrize("cell", cell_names())
    def test_paper_form_equals_the_derived_chains_of_symrnn_derivation(self, cell):
        for key in FORM_KEYS[cell]:
            ok, report = paths_equal(matrix_form(cell, key).form.paths(),
                                     block_form(cell, key).form.paths(),
                                     get_cell(cell).matrix_symbols)
            assert ok, (cell, key, report)


class TestPaths:
    def test_product_joins_node_expressions_across_the_seam(self):
        (p,) = Times(D(a), M(U), D(b), M(V), D(c)).paths()
        assert p == Path((a, b, c), ((U, False), (V, False)))

    def test_product_distributes_over_sums(self):
        paths = Times(D(a), Plus(I, M(U, True))).paths()
        assert paths == (Path((a,)), Path((a, sympy.S.One), ((U, True),)))

    def test_a_transposed_factor_is_a_different_path_and_not_equal(self):
        ok, report = paths_equal(M(U).paths(), M(U, True).paths(), frozenset({U}))
        assert not ok and set(report) == {"U", "U^T"}

    def test_a_diagonal_on_the_wrong_side_is_not_equal(self):
        ok, _ = paths_equal(Times(D(a), M(U)).paths(), Times(M(U), D(a)).paths(),
                            frozenset({U}))
        assert not ok


@pytest.mark.parametrize("cell, key, error, match", [
    ("lstmx", "article", UnknownCellError, "cell='lstmx'"),
    ("rnn", "c/c", InvalidArgumentError, "key='c/c'"),
    ("lstm", "h", InvalidArgumentError, "use one of"),
])
def test_bad_block_requests_name_the_input_and_the_fix(cell, key, error, match):
    with pytest.raises(error, match=match):
        matrix_form(cell, key)
