"""Weights in plain ``.npz`` files: :func:`save_params` and :func:`load_params`.

For users without PyTorch (or with weights from any other framework): one array per
parameter, under the cell's parameter names (``W_f``, ``U_f``, ``b_f``, ...; shapes ``(n, m)``,
``(n, n)``, ``(n,)``), and the cell's name under the key ``__cell__``. Files are read with
``allow_pickle=False``: a ``.npz`` runs no code.

>>> import os, tempfile, numpy as np
>>> path = os.path.join(tempfile.mkdtemp(), "rnn.npz")
>>> save_params(path, "rnn", {"W": np.ones((2, 1)), "U": np.eye(2), "b": np.zeros(2)})
>>> cell, params = load_params(path)
>>> cell, params["U"].tolist()
('rnn', [[1.0, 0.0], [0.0, 1.0]])

With NumPy alone, the same file is ``np.savez(path, __cell__="rnn", W=..., U=..., b=...)``.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .._atomic import AtomicFile
from .._errors import InvalidArgumentError, SymrnnError
from ..cells import Cell
from ..numeric import kernel
from ._model import Weights, weights

__all__ = ["save_params", "load_params", "CELL_KEY"]

#: The key under which the cell's name is stored.
CELL_KEY = "__cell__"


def save_params(path: str | os.PathLike[str], cell: str | Cell | Weights,
                params: Mapping[str, object] | None = None) -> None:
    """Write ``params`` of ``cell`` (or a :class:`Weights`) to the ``.npz`` file ``path``.

    The parameters are validated first (names, shapes, finiteness), so a file this writes
    always loads. The file is written next to its final name and renamed into place, so an
    interrupted save leaves no half-written file.
    """
    if isinstance(cell, Weights):
        cell, params = cell
    if params is None:
        raise InvalidArgumentError("save_params needs the parameters: save_params(path, cell, "
                                   "params) or save_params(path, weights)")
    w = weights(cell, params)
    name = kernel(w.cell).name
    target = Path(path)
    if target.suffix != ".npz":
        raise InvalidArgumentError(f"path={str(path)!r} must end in .npz (numpy adds it "
                                   "otherwise, and the file would not be where you asked)")
    arrays: dict[str, Any] = {CELL_KEY: np.array(name), **w.params}
    # written aside and renamed into place (an existing directory or an unwritable place is
    # refused before writing); a file object, so that numpy does not append ".npz" itself
    with AtomicFile(target, "path") as out, open(out.tmp, "wb") as f:
        np.savez(f, **arrays)  # type: ignore[arg-type]  # numpy's stub: allow_pickle


def load_params(path: str | os.PathLike[str], cell: str | Cell | None = None) -> Weights:
    """Read a ``.npz`` file of parameters into a validated :class:`Weights`.

    Arguments:
        path: the file (see the module docstring for its layout).
        cell: the cell, when the file does not name one (or to supply a user
            :class:`~symrnn.cells.Cell` by object: its name must match the file's).

    Raises:
        SymrnnError: naming the file and the problem: unreadable, no cell, a missing or
            unexpected parameter, a wrong shape, a non-finite value.
    """
    source = str(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except FileNotFoundError:
        raise InvalidArgumentError(f"{source}: no such file") from None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise InvalidArgumentError(
            f"{source} is not a readable .npz of plain arrays ({type(exc).__name__}: {exc}); "
            "write it with symrnn.save_params or np.savez") from None
    stored = arrays.pop(CELL_KEY, None)
    name = str(stored) if stored is not None and stored.ndim == 0 else None
    if stored is not None and name is None:
        raise InvalidArgumentError(f"{source}: {CELL_KEY} must hold one cell name, not an array "
                                   f"of shape {stored.shape}")
    if cell is None:
        if name is None:
            raise InvalidArgumentError(f"{source} does not name its cell (no {CELL_KEY} entry); "
                                       "pass cell=, e.g. load_params(path, cell='lstm')")
        cell = name
    try:
        if name is not None and kernel(cell).name != name:
            raise InvalidArgumentError(f"it holds parameters of cell {name!r}, not "
                                       f"{kernel(cell).name!r}; drop cell= or pass the matching "
                                       "cell")
        return weights(cell, arrays)
    except SymrnnError as exc:
        raise type(exc)(f"{source}: {exc}") from None
