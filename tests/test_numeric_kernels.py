"""symrnn.numeric for every catalog cell and user cell: one convention, one validation.

The property tests of test_numeric_cells / _jacobian / _bptt already run every catalog cell
against the independent mpmath references; here: user cells (define_cell, TOML) through the
same public functions, the compiled tape against 50-digit differences, the hand-written
article cells against the tape compiled from the same equations, and the validation every
function shares.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy
from numeric_strategies import numpy_errors_raise  # noqa: F401

import symrnn
from symrnn._errors import InvalidArgumentError, ShapeError, SymrnnError, UnknownCellError
from symrnn.cells import ARTICLE_CELLS, CATALOG
from symrnn.custom._mp import fd_jacobian, mp_step
from symrnn.numeric import (CELL_NAMES, HANDWRITTEN, bptt, init_params, jacobian, jacobian_product,
                            kernel, state_names, step, unroll)
from symrnn.numeric._kernels import _compiled_kernel


def _leaky_lstm():
    x, h_prev, c_prev, f, o = sympy.symbols("x h_prev c_prev f o")
    W_f, U_f, b_f, W_o, U_o, b_o, W, b, p = sympy.symbols("W_f U_f b_f W_o U_o b_o W b p")
    return symrnn.define_cell(
        "leaky_lstm", states=["h", "c"],
        gates={"f": symrnn.sigmoid(W_f * x + U_f * h_prev + p * c_prev + b_f),
               "o": symrnn.sigmoid(W_o * x + U_o * h_prev + b_o)},
        updates={"c": f * c_prev + (1 - f) * sympy.tanh(W * x + b), "h": o * sympy.tanh(sympy.Symbol("c"))},
        params={"W_f": "W", "U_f": "U", "b_f": "b", "W_o": "W", "U_o": "U", "b_o": "b",
                "W": "W", "b": "b", "p": "vector"})


class TestUserCells:
    def test_a_user_cell_runs_through_every_public_function(self) -> None:
        cell = _leaky_lstm()
        assert state_names(cell) == ("h", "c")
        p = init_params(cell, m=2, n=3, rng=0)
        rng = np.random.default_rng(1)
        x, state = rng.normal(size=2), (rng.uniform(-1, 1, 3), rng.uniform(-2, 2, 3))
        new = step(cell, p, x, state)
        want = mp_step(cell, p, x, tuple(list(map(float, s)) for s in state))
        for got, ref in zip(new, want):
            np.testing.assert_allclose(got, [float(v) for v in ref], atol=1e-14)
        np.testing.assert_allclose(jacobian(cell, p, x, state), fd_jacobian(cell, p, x, state),
                                   atol=1e-12)
        xs = rng.normal(size=(4, 2))
        g = rng.normal(size=6)
        res = bptt(cell, p, xs, state, (g[:3], g[3:]))
        np.testing.assert_allclose(np.concatenate(res.grad_state0),
                                   g @ jacobian_product(cell, p, xs, state), atol=1e-12)
        assert unroll(cell, p, xs, state)[0].shape == (5, 3)

    def test_bptt_parameter_gradients_of_a_user_cell_match_differences(self) -> None:
        cell = _leaky_lstm()
        p = init_params(cell, 2, 2, rng=3)
        p = {k: v + 0.2 for k, v in p.items()}
        rng = np.random.default_rng(4)
        xs, state = rng.normal(size=(3, 2)), (rng.uniform(-1, 1, 2), rng.uniform(-1, 1, 2))
        res = bptt(cell, p, xs, state)
        for name, value in p.items():
            d = rng.normal(size=value.shape)
            eps = 1e-6
            plus = unroll(cell, {**p, name: value + eps * d}, xs, state)[0][-1].sum()
            minus = unroll(cell, {**p, name: value - eps * d}, xs, state)[0][-1].sum()
            assert np.sum(res.grad_params[name] * d) == pytest.approx((plus - minus) / (2 * eps),
                                                                      abs=1e-7)

    def test_a_toml_cell_and_the_same_cell_by_name_agree(self) -> None:
        text = """
        [cell]
        name = "elman"
        states = ["h"]
        [params]
        input_matrix = ["W"]
        recurrent_matrix = ["U"]
        vector = ["b"]
        [updates]
        h = "tanh(W*x + U*h_prev + b)"
        """
        cell = symrnn.loads_cell(text)
        p = init_params("rnn", 2, 3, rng=0)
        x, h = np.ones(2), np.full(3, 0.1)
        np.testing.assert_allclose(step(cell, p, x, h), step("rnn", p, x, h), atol=1e-15)
        np.testing.assert_allclose(jacobian(cell, p, x, h), jacobian("rnn", p, x, h), atol=1e-15)
        assert not kernel(cell).handwritten and kernel("rnn").handwritten


class TestKernels:
    def test_the_catalog_and_the_handwritten_cells(self) -> None:
        assert CELL_NAMES == tuple(CATALOG) and len(CELL_NAMES) == 18
        assert HANDWRITTEN == ARTICLE_CELLS
        assert all(kernel(c).handwritten == (c in HANDWRITTEN) for c in CELL_NAMES)
        assert kernel(CATALOG["lstm"]) is kernel("lstm")  # the catalog's own object

    @pytest.mark.parametrize("cell", HANDWRITTEN)
    def test_handwritten_cells_equal_the_tape_compiled_from_their_equations(self, cell: str) -> None:
        compiled = _compiled_kernel(CATALOG[cell])
        hand = kernel(cell)
        rng = np.random.default_rng(7)
        p = {k: v + 0.3 * rng.normal(size=v.shape) for k, v in init_params(cell, 2, 3, rng=1).items()}
        x = rng.normal(size=(4, 2))
        state = tuple(rng.uniform(-1, 1, (4, 3)) for _ in state_names(cell))
        d = tuple(rng.normal(size=(4, 3)) for _ in state)
        (a, ca), (b, cb) = hand.forward(p, x, state), compiled.forward(p, x, state)
        for u, v in zip(a, b):
            np.testing.assert_allclose(u, v, atol=1e-15)
        for u, v in zip(hand.backward(p, x, state, ca, d)[0], compiled.backward(p, x, state, cb, d)[0]):
            np.testing.assert_allclose(u, v, atol=1e-14)


class TestBlockJacobian:
    @pytest.mark.parametrize("cell", CELL_NAMES)
    def test_structured_blocks_reassemble_the_dense_jacobian(self, cell: str) -> None:
        rng = np.random.default_rng(2)
        p = init_params(cell, 2, 3, rng=rng)
        state = tuple(rng.uniform(-1, 1, (5, 3)) for _ in state_names(cell))
        packed = state if len(state) > 1 else state[0]
        x = rng.normal(size=(5, 2))
        dense = jacobian(cell, p, x, packed)
        blocks = jacobian(cell, p, x, packed, structured=True)
        np.testing.assert_array_equal(blocks.dense(), dense)
        one = jacobian(cell, p, x[0], tuple(s[0] for s in state) if len(state) > 1 else state[0][0],
                       structured=True)
        np.testing.assert_allclose(one.dense(), dense[0], atol=1e-15)
        for key in blocks.diagonal:  # a diagonal block is a vector and its dense form diagonal
            assert blocks.blocks[key].shape == (5, 3)
            full = blocks.block(*key)
            np.testing.assert_array_equal(full - np.einsum("bi,ij->bij", blocks.blocks[key], np.eye(3)), 0)

    def test_the_lstm_c_blocks_are_diagonal(self) -> None:
        p = init_params("lstm", 2, 4, rng=0)
        blocks = jacobian("lstm", p, np.ones(2), (np.zeros(4), np.ones(4)), structured=True)
        assert blocks.diagonal == {("c", "c"), ("h", "c")}
        f = 1 / (1 + np.exp(-(p["W_f"] @ np.ones(2) + p["b_f"])))
        np.testing.assert_allclose(blocks.blocks[("c", "c")], f, rtol=1e-15)

    def test_structured_rejects_out_and_block_names_a_bad_state(self) -> None:
        p = init_params("rnn", 1, 2, rng=0)
        with pytest.raises(InvalidArgumentError, match="structured=True"):
            jacobian("rnn", p, np.ones(1), np.zeros(2), structured=True, out=np.empty((2, 2)))
        with pytest.raises(InvalidArgumentError, match="'c' is not a state"):
            jacobian("rnn", p, np.ones(1), np.zeros(2), structured=True).block("c", "h")


SAME_RULES = [
    ({"x": [np.nan, 0.0]}, InvalidArgumentError, "non-finite"),
    ({"params": {"extra": np.zeros(2)}}, InvalidArgumentError, r"unexpected \['extra'\]"),
    ({"params": {"U_f": np.zeros((2, 3))}}, ShapeError, r"params\['U_f'\] has shape \(2, 3\)"),
    ({"state": np.zeros(2)}, InvalidArgumentError, r"not a tuple \('h', 'c'\)"),
]


@pytest.mark.parametrize("cell", ["lstm", "peephole_lstm", "user"])
@pytest.mark.parametrize("change, error, text", SAME_RULES)
def test_article_extended_and_user_cells_share_one_validation(cell, change, error, text) -> None:
    c = _leaky_lstm() if cell == "user" else cell
    params = init_params(c, 2, 2, rng=0)
    params = {**params, **change.get("params", {})} if "U_f" in params or "params" not in change \
        else params
    args = {"params": params, "x": np.ones(2), "state": (np.zeros(2), np.zeros(2))}
    args.update({k: v for k, v in change.items() if k != "params"})
    for fn in (step, jacobian):
        with pytest.raises(error, match=text):
            fn(c, args["params"], args["x"], args["state"])


def test_an_unknown_name_or_object_is_refused_with_the_names() -> None:
    for bad in ("lstmm", 3, None):
        with pytest.raises(UnknownCellError, match="min_gru"):
            step(bad, {}, np.ones(1), np.zeros(1))


def test_compile_cell_now_validates_like_numeric() -> None:
    comp = symrnn.compile_cell("min_gru")
    p = init_params("min_gru", 1, 2, rng=0)
    with pytest.raises(SymrnnError, match="non-finite"):
        comp.step(p, np.array([[np.nan]]), (np.zeros((1, 2)),))
    with pytest.raises(SymrnnError, match=r"unexpected \['junk'\]"):
        comp.step({**p, "junk": np.zeros(2)}, np.zeros((1, 1)), (np.zeros((1, 2)),))
