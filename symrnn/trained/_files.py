"""Weights and input sequences from files, for the command line.

* :func:`load_weights`: a ``.npz`` of parameters (:func:`symrnn.load_params`) or a PyTorch
  ``.pt``/``.pth`` state dict (:func:`symrnn.from_torch`, needs PyTorch);
* :func:`load_inputs`: a ``.npy`` array, or a ``.npz`` holding one array (or one named
  ``inputs``), of shape ``(T, m)`` or ``(T, R, m)``: time first.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError
from ._model import Weights
from ._npz import load_params
from ._torch import from_torch

__all__ = ["load_weights", "load_inputs", "TORCH_SUFFIXES"]

TORCH_SUFFIXES = (".pt", ".pth")


def load_weights(path: str | os.PathLike[str], cell: str | None = None, layer: int = 0,
                 reverse: bool = False) -> Weights:
    """The model in ``path``: ``.npz`` (symrnn's layout) or ``.pt``/``.pth`` (PyTorch).

    ``cell`` names the cell where the file cannot (a plain RNN's state dict: ``rnn`` or
    ``relu_rnn``; an ``.npz`` without ``__cell__``); ``layer`` and ``reverse`` pick a layer
    and direction of a PyTorch network.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".npz":
        if layer or reverse:
            raise InvalidArgumentError(f"{p}: --layer and --reverse apply to PyTorch files only")
        return load_params(p, cell)
    if suffix in TORCH_SUFFIXES:
        return from_torch(p, layer, reverse=reverse, cell=cell)
    raise InvalidArgumentError(f"{p}: unknown weights format {suffix or '(no suffix)'!r}; use a "
                               ".npz (symrnn.save_params) or a PyTorch .pt/.pth state dict")


def load_inputs(path: str | os.PathLike[str]) -> NDArray[np.float64]:
    """Input sequences from ``.npy`` or ``.npz``, as float64 (shape checked by the caller)."""
    p = Path(path)
    try:
        if p.suffix.lower() == ".npy":
            return np.asarray(np.load(p, allow_pickle=False), dtype=np.float64)
        if p.suffix.lower() == ".npz":
            with np.load(p, allow_pickle=False) as data:
                names = list(data.files)
                key = "inputs" if "inputs" in names else (names[0] if len(names) == 1 else None)
                if key is None:
                    raise InvalidArgumentError(
                        f"{p} holds {len(names)} arrays ({', '.join(names[:5])}); name the "
                        "sequences 'inputs' or store one array")
                return np.asarray(data[key], dtype=np.float64)
    except FileNotFoundError:
        raise InvalidArgumentError(f"{p}: no such file") from None
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise InvalidArgumentError(f"{p} is not a readable array file ({type(exc).__name__}: "
                                   f"{exc})") from None
    raise InvalidArgumentError(f"{p}: inputs must be a .npy or .npz file of shape (T, m) or "
                               "(T, R, m)")
