"""symrnn.numeric argument validation: one table of bad inputs (mirrors _validate).

Every row is a call that must raise a :class:`~symrnn.SymrnnError` subclass whose message
names the offending argument and, for shapes, the expected and the received shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pytest
from numeric_strategies import numpy_errors_raise  # noqa: F401

from symrnn import InvalidArgumentError, ShapeError, SymrnnError, UnknownCellError
from symrnn.numeric import bptt, init_params, jacobian, jacobian_product, step, unroll

M, N = 2, 3
LSTM = init_params("lstm", M, N, 0)
GRU = init_params("gru", M, N, 0)
X = np.zeros(M)
H = np.zeros(N)
HC = (np.zeros(N), np.zeros(N))
XS = np.zeros((4, M))


def without(params: dict, name: str) -> dict:
    return {k: v for k, v in params.items() if k != name}


def replaced(params: dict, name: str, value: object) -> dict:
    return {**params, name: value}


nan_x = np.array([0.0, np.nan])
inf_u = np.full((N, N), np.inf)

BAD_CALLS: list[tuple[str, Callable[[], object], type, str]] = [
    ("unknown cell", lambda: step("lstm2", LSTM, X, HC), UnknownCellError, r"cell='lstm2'.*catalog.*'lstm'"),
    ("cell not a string", lambda: jacobian(3, LSTM, X, HC), UnknownCellError, r"cell=3"),
    ("missing parameter", lambda: step("lstm", without(LSTM, "W_f"), X, HC), InvalidArgumentError,
     r"missing \['W_f'\]"),
    ("extra parameter", lambda: step("gru", {**GRU, "b_c": H}, X, H), InvalidArgumentError,
     r"unexpected \['b_c'\]"),
    ("params not a mapping", lambda: step("gru", list(GRU.values()), X, H), InvalidArgumentError,
     r"params of type list is not a mapping"),
    ("recurrent matrix shape", lambda: step("lstm", replaced(LSTM, "U_f", np.zeros((3, 4))), X, HC), ShapeError,
     r"params\['U_f'\] has shape \(3, 4\); expected \(n, n\) = \(3, 3\)"),
    ("input matrix shape", lambda: jacobian("gru", replaced(GRU, "W_z", np.zeros((3, 3))), X, H), ShapeError,
     r"params\['W_z'\] has shape \(3, 3\); expected \(n, m\) = \(3, 2\)"),
    ("bias shape", lambda: step("gru", replaced(GRU, "b_h", np.zeros((3, 1))), X, H), ShapeError,
     r"params\['b_h'\] has shape \(3, 1\); expected \(n,\) = \(3,\)"),
    ("non-finite parameter", lambda: step("gru", replaced(GRU, "U_r", inf_u), X, H), InvalidArgumentError,
     r"params\['U_r'\].*non-finite value inf"),
    ("complex parameter", lambda: step("gru", replaced(GRU, "b_z", H + 1j), X, H), InvalidArgumentError,
     r"params\['b_z'\] has dtype complex128"),
    ("NaN input", lambda: step("gru", GRU, nan_x, H), InvalidArgumentError, r"x of shape \(2,\).*nan at index \(1,\)"),
    ("infinite state", lambda: jacobian("gru", GRU, X, np.array([0, np.inf, 0])), InvalidArgumentError,
     r"state h.*non-finite value inf"),
    ("input rank", lambda: step("gru", GRU, np.zeros((1, 1, M)), H), ShapeError,
     r"x has shape \(1, 1, 2\); expected \(m\)"),
    ("batch mismatch", lambda: step("gru", GRU, np.zeros((5, M)), np.zeros((4, N))), ShapeError,
     r"x has shape \(5, 2\); expected \(B, m\) with batch size B=4"),
    ("state rank", lambda: step("gru", GRU, X, np.zeros((1, 1, N))), ShapeError,
     r"state h has shape \(1, 1, 3\); expected \(n,\) or \(B, n\)"),
    ("lstm state not a pair", lambda: step("lstm", LSTM, X, H), InvalidArgumentError,
     r"state=.*not a tuple \('h', 'c'\)"),
    ("c shape differs from h", lambda: step("lstm", LSTM, X, (H, np.zeros(4))), ShapeError,
     r"state c has shape \(4,\); expected \(3,\)"),
    ("hidden size from state mismatches params", lambda: step("gru", GRU, X, np.zeros(4)), ShapeError,
     r"params\['W_z'\] has shape \(3, 2\); expected \(n, m\) = \(4, 2\)"),
    ("sequence without time axis", lambda: bptt("gru", GRU, X, H), ShapeError,
     r"xs has shape \(2,\); expected \(T, m\)"),
    ("empty sequence", lambda: unroll("gru", GRU, np.zeros((0, M)), H), ShapeError,
     r"xs has shape \(0, 2\); expected \(T, m\) with every size >= 1"),
    ("sequence batch mismatch", lambda: jacobian_product("gru", GRU, np.zeros((4, 2, M)), np.zeros((3, N))),
     ShapeError, r"xs has shape \(4, 2, 2\); expected \(T, B, m\) with batch size B=3"),
    ("cotangent shape", lambda: bptt("gru", GRU, XS, H, np.zeros(4)), ShapeError,
     r"cotangent has shape \(4,\); expected \(3,\)"),
    ("lstm cotangent not a pair", lambda: bptt("lstm", LSTM, XS, HC, H), InvalidArgumentError,
     r"cotangent=.*not a tuple \('h', 'c'\)"),
    ("NaN initial state of a sequence", lambda: unroll("gru", GRU, XS, np.array([0, 0, np.nan])),
     InvalidArgumentError, r"state0 h of shape \(3,\) holds a non-finite value nan"),
    ("unknown scheme", lambda: init_params("lstm", M, N, 0, scheme="he"), InvalidArgumentError,
     r"scheme='he'.*glorot"),
    ("forget bias without forget gate", lambda: init_params("gru", M, N, 0, scheme="forget-bias-1"),
     InvalidArgumentError, r"cell='gru' has no forget gate"),
    ("zero hidden size", lambda: init_params("rnn", M, 0, 0), InvalidArgumentError, r"n=0 must be an integer >= 1"),
    ("fractional input size", lambda: init_params("rnn", 1.5, N, 0), InvalidArgumentError, r"m=1.5"),
    ("bad rng", lambda: init_params("rnn", M, N, "seed"), InvalidArgumentError, r"rng='seed'"),
    ("init unknown cell", lambda: init_params("transformer", M, N, 0), UnknownCellError, r"cell='transformer'"),
]


@pytest.mark.parametrize("call, error, message", [row[1:] for row in BAD_CALLS], ids=[row[0] for row in BAD_CALLS])
def test_bad_input_raises_a_symrnn_error_naming_the_argument(
    call: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error, match=message) as info:
        call()
    assert isinstance(info.value, SymrnnError)


def test_every_shape_error_names_the_expected_and_the_received_shape() -> None:
    for name, call, error, _ in BAD_CALLS:
        if error is ShapeError:
            with pytest.raises(ShapeError) as info:
                call()
            text = str(info.value)
            assert re.search(r"has shape \(.*\); expected", text), (name, text)


def test_valid_calls_accept_lists_and_integer_arrays() -> None:
    params = {k: v.tolist() for k, v in GRU.items()}
    np.testing.assert_array_equal(step("gru", params, [0, 0], [0, 0, 0]), step("gru", GRU, X, H))


def test_a_negative_integer_seed_is_refused_by_init_params():
    with pytest.raises(InvalidArgumentError, match="integer seed >= 0"):
        init_params("rnn", 2, 3, rng=-1)
