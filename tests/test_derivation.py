"""The chain rule in gate notation: every block of every cell's Jacobian equals SymPy's
independent differentiation, the article's term split is as printed, and the chains read
as matrix forms."""

from __future__ import annotations

import pytest
import sympy

from symrnn import ARTICLE_CELLS, article_derivative, check_identity, derive
from symrnn.derivation import Chain, Diag, Mat, split_matvec
from symrnn._errors import InvalidExpressionError

S = sympy.Symbol
DIFFERENTIABLE = [c for c in ARTICLE_CELLS if c != "relu_rnn"]


@pytest.mark.parametrize("cell", DIFFERENTIABLE)
def test_every_block_equals_sympys_diff_of_the_written_out_cell(cell):
    for key, d in derive(cell).derivations.items():
        assert check_identity(d.expand(d.expr), d.direct()).status == "proved", (cell, key)


@pytest.mark.parametrize("cell", DIFFERENTIABLE)
def test_the_article_derivative_equals_sympys_diff(cell):
    d = article_derivative(cell)
    assert check_identity(d.expand(d.expr), d.direct()).status == "proved"


def test_a_wrong_chain_rule_would_be_caught():
    d = article_derivative("lstm")
    wrong = d.expr - d.terms[1].expr            # one secondary term forgotten
    assert check_identity(d.expand(wrong), d.direct()).status == "refuted"


def test_lstm_c_path_splits_as_eq8():
    d = article_derivative("lstm")
    assert [t.label for t in d.terms] == ["f_t", "c_{t-1} ∂f_t/∂c_{t-1}",
                                          "chat_t ∂i_t/∂c_{t-1}", "i_t ∂chat_t/∂c_{t-1}"]
    assert [t.role for t in d.terms] == ["main", "secondary", "secondary", "secondary"]
    assert [t.matrices for t in d.terms] == [(), (S("U_f"),), (S("U_i"),), (S("U_c"),)]
    assert d.substitutions == {S("h_{t-1}"): S("o_{t-1}") * sympy.tanh(S("c_{t-1}"))}


def test_gru_splits_as_eq13_with_main_term_one_minus_z():
    d = article_derivative("gru")
    assert d.main[0].expr == 1 - S("z_t")
    assert len(d.secondary) == 3
    assert {t.matrices[0] for t in d.secondary} == {S("U_z"), S("U_h")}


def test_variant_c_path_uses_h_prev_equals_r_prev_c_prev():
    d = article_derivative("variant")
    assert d.substitutions == {S("h_{t-1}"): S("r_{t-1}") * S("c_{t-1}")}
    assert d.main[0].expr == 1 - S("z_t")


def test_rnn_jacobian_reads_as_diag_one_minus_h_squared_times_u():
    (chain,) = derive("rnn").blocks[("h", "h")]
    assert chain == Chain((Diag(1 - S("h_t") ** 2), Mat(S("U"))))
    assert str(chain) == "diag(1 - h_t**2) U"


def test_lstm_jacobian_has_four_blocks_ordered_h_c():
    jac = derive("lstm")
    assert list(jac.blocks) == [("h", "h"), ("h", "c"), ("c", "h"), ("c", "c")]
    assert jac.blocks[("c", "c")] == (Chain((Diag(S("f_t")),)),)
    assert jac.matrix.shape == (2, 2)


def test_a_product_of_two_matrices_has_no_matrix_form():
    with pytest.raises(InvalidExpressionError, match="one matrix times a vector"):
        split_matvec(S("U") * S("W") * S("h"), frozenset({S("U"), S("W")}))


def test_a_bare_matrix_outside_a_product_is_rejected():
    with pytest.raises(InvalidExpressionError, match="outside a product"):
        split_matvec(S("U") + S("h"), frozenset({S("U")}))
