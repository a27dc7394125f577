"""symrnn.save_params / load_params: .npz round trips for every cell, and refusals that name
the file and the parameter."""

from __future__ import annotations

import os

import numpy as np
import pytest

import symrnn
from symrnn._errors import InvalidArgumentError, ShapeError, SymrnnError, UnknownCellError
from symrnn.numeric import CELL_NAMES, init_params


@pytest.mark.parametrize("cell", CELL_NAMES)
def test_every_catalog_cell_round_trips(tmp_path, cell: str) -> None:
    params = init_params(cell, m=2, n=3, rng=np.random.default_rng(0))
    path = tmp_path / f"{cell}.npz"
    symrnn.save_params(path, cell, params)
    loaded = symrnn.load_params(path)
    assert loaded.cell == cell and list(loaded.params) == list(params)
    assert all(np.array_equal(loaded.params[k], params[k]) for k in params)
    assert (loaded.m, loaded.n) == (2, 3)
    assert os.listdir(tmp_path) == [f"{cell}.npz"]  # no temporary file left behind


def test_a_user_cell_is_supplied_by_object(tmp_path) -> None:
    import sympy

    x, h_prev, W, U, b = sympy.symbols("x h_prev W U b")
    cell = symrnn.define_cell("elman", states=["h"], updates={"h": sympy.tanh(W * x + U * h_prev + b)},
                              params={"W": "W", "U": "U", "b": "b"})
    p = init_params(cell, 1, 2, rng=0)
    symrnn.save_params(tmp_path / "e.npz", cell, p)
    with pytest.raises(UnknownCellError, match="elman"):
        symrnn.load_params(tmp_path / "e.npz")
    w = symrnn.load_params(tmp_path / "e.npz", cell=cell)
    assert w.cell is cell and np.array_equal(w.params["U"], p["U"])


def test_a_plain_numpy_savez_file_loads(tmp_path) -> None:
    np.savez(tmp_path / "g.npz", __cell__="gru", **init_params("gru", 2, 2, rng=1))
    assert symrnn.load_params(tmp_path / "g.npz").cell == "gru"


def _write(path, **arrays) -> None:
    np.savez(path, **arrays)


RNN = {"W": np.zeros((2, 1)), "U": np.eye(2), "b": np.zeros(2)}

BAD = [
    ({"__cell__": "rnn", "W": RNN["W"], "U": RNN["U"]}, {}, InvalidArgumentError, r"missing \['b'\]"),
    ({"__cell__": "rnn", **RNN, "V": np.eye(2)}, {}, InvalidArgumentError, r"unexpected \['V'\]"),
    ({"__cell__": "rnn", **RNN, "U": np.eye(3)}, {}, ShapeError, r"params\['U'\] has shape \(3, 3\)"),
    ({"__cell__": "rnn", **RNN, "b": np.array([0.0, np.nan])}, {}, InvalidArgumentError,
     r"params\['b'\].*non-finite"),
    (RNN, {}, InvalidArgumentError, "does not name its cell"),
    ({"__cell__": "rnn", **RNN}, {"cell": "lstm"}, InvalidArgumentError, "cell 'rnn', not 'lstm'"),
    ({"__cell__": "nope", **RNN}, {}, UnknownCellError, "cell='nope'"),
    ({"__cell__": np.array(["rnn", "lstm"]), **RNN}, {}, InvalidArgumentError, "one cell name"),
]


@pytest.mark.parametrize("arrays, kwargs, error, text", BAD)
def test_a_bad_file_is_refused_naming_the_file_and_the_problem(tmp_path, arrays, kwargs, error,
                                                                 text) -> None:
    path = tmp_path / "bad.npz"
    _write(path, **arrays)
    with pytest.raises(error, match=text) as info:
        symrnn.load_params(path, **kwargs)
    assert str(path) in str(info.value)


def test_files_that_are_not_plain_npz_are_refused(tmp_path) -> None:
    (tmp_path / "text.npz").write_text("not a zip")
    with pytest.raises(InvalidArgumentError, match="not a readable .npz"):
        symrnn.load_params(tmp_path / "text.npz")
    np.savez(tmp_path / "obj.npz", __cell__="rnn", W=np.array([{"a": 1}], dtype=object))
    with pytest.raises(InvalidArgumentError, match="not a readable .npz"):  # pickles never load
        symrnn.load_params(tmp_path / "obj.npz")
    with pytest.raises(InvalidArgumentError, match="no such file"):
        symrnn.load_params(tmp_path / "missing.npz")


def test_save_refuses_bad_parameters_and_paths_before_writing(tmp_path) -> None:
    with pytest.raises(SymrnnError, match=r"params\['U'\]"):
        symrnn.save_params(tmp_path / "x.npz", "rnn", {**RNN, "U": np.ones((2, 3))})
    with pytest.raises(InvalidArgumentError, match="must end in .npz"):
        symrnn.save_params(tmp_path / "x.bin", "rnn", RNN)
    assert os.listdir(tmp_path) == []


def test_weights_unpack_into_the_numeric_api(tmp_path) -> None:
    symrnn.save_params(tmp_path / "r.npz", symrnn.Weights("rnn", RNN))
    cell, params = symrnn.load_params(tmp_path / "r.npz")
    np.testing.assert_array_equal(symrnn.jacobian(cell, params, np.zeros(1), np.zeros(2)), np.eye(2))


def test_save_is_whole_or_absent(tmp_path, monkeypatch) -> None:

    params = symrnn.init_params("rnn", 3, 2, rng=0)
    (tmp_path / "d.npz").mkdir()
    with pytest.raises(symrnn.OutputPathError, match="is a directory"):
        symrnn.save_params(tmp_path / "d.npz", "rnn", params)
    symrnn.save_params(tmp_path / "old.npz", "rnn", params)
    before = (tmp_path / "old.npz").read_bytes()

    def broken(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(np, "savez", broken)
    with pytest.raises(KeyboardInterrupt):
        symrnn.save_params(tmp_path / "old.npz", "rnn", params)
    # the earlier file is as it was, and no temporary file is left beside it
    assert sorted(os.listdir(tmp_path)) == ["d.npz", "old.npz"]
    assert (tmp_path / "old.npz").read_bytes() == before
