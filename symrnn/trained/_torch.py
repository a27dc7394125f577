r"""PyTorch's recurrent layers as catalog cells: :func:`from_torch`.

PyTorch stacks a layer's gates in one matrix, in its own order, and splits every bias in two;
symrnn names each gate's matrices as the article does. The mapping, for layer ``k`` (suffix
``_l{k}``, and ``_reverse`` for the backward direction of a bidirectional layer):

==================  =====================================  ==================================
torch layer         torch rows (``weight_ih``, ``_hh``)     symrnn cell and parameters
==================  =====================================  ==================================
``RNN`` (tanh)      one block                               ``rnn``: ``W, U``, ``b = b_ih + b_hh``
``RNN`` (relu)      one block                               ``relu_rnn``: the same
``LSTM``            ``[i, f, g, o]``                        ``lstm``: ``W_i, W_f, W_c, W_o`` (and
                                                            ``U_*``), ``b_* = b_ih + b_hh``
``GRU``             ``[r, z, n]``                           ``gru_torch``: ``W_r, W_z, W_h``,
                                                            ``b_r, b_z`` summed, ``b_h = b_in``,
                                                            ``bu_h = b_hn``
==================  =====================================  ==================================

(torch's LSTM candidate ``g`` is the article's :math:`\hat c_t`; its GRU keeps the old state
with :math:`z` and applies :math:`r` after :math:`U_h`: the catalog's ``gru_torch``, not eq
(11).) The ``*Cell`` modules use the same rows without the ``_l{k}`` suffix. ``bias=False``
gives zero biases; ``proj_size > 0`` (an LSTM whose output is projected, :math:`h_t = W_{hr}(o_t
\circ \tanh c_t)`) is not a catalog cell and is refused.

Every array is checked against the layer's sizes before it is split, so a wrong mapping is
refused naming the torch parameter (a missing gate shows as a row count that is not the
layer's, a transposed matrix as swapped sizes) instead of running silently with gates
swapped. PyTorch is needed only to read modules and ``.pt`` files: a mapping of plain arrays
under torch's names is read without it.

>>> import numpy as np
>>> sd = {"weight_ih_l0": np.ones((8, 3)), "weight_hh_l0": np.zeros((8, 2)),
...       "bias_ih_l0": np.zeros(8), "bias_hh_l0": np.ones(8)}
>>> cell, p = from_torch(sd)          # 8 = 4 * 2 rows: an LSTM with n = 2
>>> cell, p["W_f"].shape, p["b_f"].tolist()
('lstm', (2, 3), [1.0, 1.0])
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError, ShapeError
from ._model import Weights, weights

__all__ = ["from_torch", "TORCH_GATES"]

Array = NDArray[np.float64]

#: Per torch layer kind: the symrnn cell and the gate suffix of each block of rows, in
#: torch's order (for the GRU, the third block's recurrent bias becomes ``bu_h``).
TORCH_GATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "RNN_TANH": ("rnn", ("",)),
    "RNN_RELU": ("relu_rnn", ("",)),
    "LSTM": ("lstm", ("i", "f", "c", "o")),
    "GRU": ("gru_torch", ("r", "z", "h")),
}
_BY_CELL = {"rnn": "RNN_TANH", "relu_rnn": "RNN_RELU", "lstm": "LSTM", "gru_torch": "GRU"}
_KEY = re.compile(r"^(?P<prefix>.*?)(?P<kind>weight_ih|weight_hh|bias_ih|bias_hh|weight_hr)"
                  r"(?P<layer>_l\d+)?(?P<rev>_reverse)?$")


def _torch() -> Any:
    try:
        import torch
    except ImportError:
        raise InvalidArgumentError(
            "reading a PyTorch module or .pt file needs PyTorch: pip install 'symrnn[torch]' "
            "(or save the weights with symrnn.save_params / np.savez and use load_params)"
        ) from None
    return torch


def _array(name: str, value: object) -> Array:
    if hasattr(value, "detach"):  # a torch tensor: to float64 on the CPU, exactly
        value = value.detach().cpu().double().numpy()  # type: ignore[attr-defined]
    try:
        a = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InvalidArgumentError(f"{name} cannot be read as a float array: {exc}") from None
    if not np.all(np.isfinite(a)):
        raise InvalidArgumentError(f"{name} holds a non-finite value (NaN or infinity); the "
                                   "model's weights must be finite")
    return a


def _module_kind(module: Any) -> tuple[str | None, dict[str, Any]]:
    """(torch layer kind, attributes) of an ``nn.RNN/LSTM/GRU`` or ``*Cell`` module."""
    name = type(module).__name__
    if name in ("RNN", "LSTM", "GRU") and hasattr(module, "mode"):
        attrs = {"num_layers": module.num_layers, "bidirectional": module.bidirectional,
                 "proj_size": getattr(module, "proj_size", 0)}
        return module.mode, attrs
    if name == "RNNCell":
        return ("RNN_RELU" if module.nonlinearity == "relu" else "RNN_TANH"), {}
    if name in ("LSTMCell", "GRUCell"):
        return name[:-4], {}
    raise InvalidArgumentError(
        f"module of type {name} is not a PyTorch recurrent layer; from_torch reads nn.RNN, "
        "nn.LSTM, nn.GRU and nn.RNNCell, nn.LSTMCell, nn.GRUCell (pass a submodule, e.g. "
        "model.rnn, or its state_dict() with prefix=)")


def _load(path: Path) -> Mapping[str, Any]:
    torch = _torch()
    if not path.exists():
        raise InvalidArgumentError(f"{path}: no such file")
    try:
        obj = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # torch raises many types on foreign or pickled-module files
        raise InvalidArgumentError(
            f"{path} could not be read as a PyTorch state dict ({type(exc).__name__}: "
            f"{str(exc).splitlines()[0] if str(exc) else ''}); save model.state_dict() with "
            "torch.save, not the whole module") from None
    if isinstance(obj, Mapping):
        for key in ("state_dict", "model_state_dict", "model"):  # common checkpoint layouts
            if key in obj and isinstance(obj[key], Mapping):
                return obj[key]
        return obj
    raise InvalidArgumentError(f"{path} holds a {type(obj).__name__}, not a state dict; save "
                               "model.state_dict() with torch.save")


def _prefix(keys: list[str], prefix: str | None) -> str:
    found = sorted({m["prefix"] for k in keys if (m := _KEY.match(k)) and m["kind"] == "weight_ih"})
    if prefix is not None:
        if prefix not in found:
            raise InvalidArgumentError(
                f"prefix={prefix!r} matches no recurrent layer; the state dict has "
                f"{', '.join(repr(f) for f in found) or 'none (no weight_ih* key)'}")
        return prefix
    if len(found) == 1:
        return found[0]
    if not found:
        raise InvalidArgumentError(
            "the state dict holds no recurrent layer (no key ending in weight_ih_l0 or "
            f"weight_ih); its keys start {sorted(keys)[:5]}")
    raise InvalidArgumentError(
        f"the state dict holds several recurrent layers, under prefixes {found}; pick one "
        "with prefix=, e.g. from_torch(sd, prefix=" + repr(found[0]) + ")")


def _kind_from_rows(rows: int, n: int, cell: str | None, where: str) -> str:
    if cell is not None:
        if cell not in _BY_CELL:
            raise InvalidArgumentError(
                f"cell={cell!r} is not a PyTorch layer's cell; use one of "
                f"{sorted(_BY_CELL)} (torch's GRU is gru_torch: reset after U_h, z keeps "
                "the old state; not eq (11)'s gru)")
        return _BY_CELL[cell]
    gates = {4: "LSTM", 3: "GRU"}.get(rows // n if rows % n == 0 else -1)
    if gates is not None:
        return gates
    if rows == n:
        raise InvalidArgumentError(
            f"{where} has {n} rows: a plain RNN, whose nonlinearity a state dict does not "
            "record; pass cell='rnn' (tanh) or cell='relu_rnn'")
    raise ShapeError(f"{where} has {rows} rows for hidden size {n}: not 1, 3 or 4 gate "
                     "blocks (RNN, GRU, LSTM)")


def from_torch(
    source: Any,
    layer: int = 0,
    *,
    reverse: bool = False,
    cell: str | None = None,
    prefix: str | None = None,
) -> Weights:
    """The catalog cell and parameters of one layer of a PyTorch recurrent network.

    >>> import torch                                            # doctest: +SKIP
    >>> cell, params = from_torch(torch.nn.LSTM(3, 8))          # doctest: +SKIP
    >>> cell                                                    # doctest: +SKIP
    'lstm'

    Arguments:
        source: an ``nn.RNN``/``nn.LSTM``/``nn.GRU`` or ``nn.RNNCell``/``LSTMCell``/``GRUCell``
            module; its ``state_dict()`` (a mapping of tensors or arrays under torch's names,
            possibly with a prefix such as ``"rnn."`` from a larger model); or the path of a
            ``.pt`` file holding such a state dict.
        layer: which layer of a stacked network (``num_layers > 1``); layer ``k > 0`` takes
            the outputs of layer ``k - 1`` as its inputs.
        reverse: the backward direction of a bidirectional layer (it runs over the reversed
            sequence).
        cell: the cell when the source cannot say: ``"rnn"`` or ``"relu_rnn"`` for a plain
            RNN's state dict (the nonlinearity is not stored); otherwise a check.
        prefix: the key prefix of the layer in a larger state dict (found automatically when
            there is one recurrent layer).

    Returns:
        :class:`Weights` ``(cell, params)``: ``"rnn"``, ``"relu_rnn"``, ``"lstm"`` or
        ``"gru_torch"``, and float64 arrays under the catalog's names.

    Raises:
        SymrnnError: naming the torch parameter for a missing key or a wrong shape, and for
            what is not a catalog cell (``proj_size > 0``) or not a recurrent layer.
    """
    kind: str | None = None
    attrs: dict[str, Any] = {}
    if isinstance(source, (str, os.PathLike)):
        state = _load(Path(source))
    elif isinstance(source, Mapping):
        state = source
    elif hasattr(source, "state_dict") and callable(source.state_dict):
        kind, attrs = _module_kind(source)
        state = source.state_dict()
    else:
        raise InvalidArgumentError(
            f"source of type {type(source).__name__} is neither a PyTorch module, a state dict "
            "nor a path to a .pt file")
    if isinstance(layer, bool) or not isinstance(layer, (int, np.integer)) or layer < 0:
        raise InvalidArgumentError(f"layer={layer!r} must be an integer >= 0")
    if attrs.get("proj_size"):
        raise InvalidArgumentError(
            f"proj_size={attrs['proj_size']}: an LSTM with a projected output h_t = W_hr(o_t ∘ "
            "tanh c_t) is not a catalog cell; train with proj_size=0 or define the cell with "
            "symrnn.define_cell")
    if attrs and layer >= attrs["num_layers"]:
        raise InvalidArgumentError(f"layer={layer} but the module has num_layers="
                                   f"{attrs['num_layers']}; use layer in 0..{attrs['num_layers'] - 1}")
    if attrs and reverse and not attrs["bidirectional"]:
        raise InvalidArgumentError("reverse=True but the module is not bidirectional")

    keys = [str(k) for k in state]
    base = _prefix(keys, prefix)
    stacked = f"{base}weight_ih_l0" in state
    if not stacked and layer:
        raise InvalidArgumentError(f"layer={layer}: a *Cell module has one layer; use layer=0")
    if not stacked and reverse:
        raise InvalidArgumentError("reverse=True: a *Cell module has one direction")
    tail = (f"_l{layer}" if stacked else "") + ("_reverse" if reverse else "")
    if any(f"{base}weight_hr{tail}" == k for k in keys):
        raise InvalidArgumentError(
            f"{base}weight_hr{tail} is present: an LSTM with proj_size > 0 is not a catalog "
            "cell; train with proj_size=0 or define the cell with symrnn.define_cell")

    def maybe(kind_: str) -> Array | None:
        key = f"{base}{kind_}{tail}"
        return _array(key, state[key]) if key in state else None

    def need(kind_: str) -> Array:
        value = maybe(kind_)
        if value is None:
            near = sorted(k for k in keys if k.startswith(f"{base}{kind_}"))
            raise InvalidArgumentError(
                f"{base}{kind_}{tail} is missing from the state dict"
                + (f" (it has {', '.join(near)}: pick layer=/reverse= accordingly)" if near
                   else ""))
        return value

    w_ih, w_hh = need("weight_ih"), need("weight_hh")
    for key, a in ((f"{base}weight_ih{tail}", w_ih), (f"{base}weight_hh{tail}", w_hh)):
        if a.ndim != 2:
            raise ShapeError(f"{key} has shape {a.shape}; expected a matrix (gates * n, size)")
    n = w_hh.shape[1]
    kind = kind or _kind_from_rows(w_hh.shape[0], n, cell, f"{base}weight_hh{tail}")
    name, gates = TORCH_GATES[kind]
    if cell is not None and _BY_CELL.get(cell) != kind:
        raise InvalidArgumentError(f"cell={cell!r} does not match the module, a torch {kind} "
                                   f"(symrnn cell {name!r})")
    rows = len(gates) * n
    m = w_ih.shape[1]
    for key, a, cols in ((f"{base}weight_ih{tail}", w_ih, m), (f"{base}weight_hh{tail}", w_hh, n)):
        if a.shape != (rows, cols):
            raise ShapeError(
                f"{key} has shape {a.shape}; a torch {kind} layer with hidden size n={n} needs "
                f"({len(gates)} * n, {'input size' if cols == m else 'n'}) = {(rows, cols)} "
                f"({len(gates)} gate block(s) of n rows{', ' + str(list(gates)) if len(gates) > 1 else ''})")
    b_ih, b_hh = maybe("bias_ih"), maybe("bias_hh")
    if (b_ih is None) != (b_hh is None):
        missing = "bias_hh" if b_hh is None else "bias_ih"
        raise InvalidArgumentError(f"{base}{missing}{tail} is missing while its partner is "
                                   "present; a layer has both biases or neither (bias=False)")
    if b_ih is None or b_hh is None:
        b_ih = b_hh = np.zeros(rows)
    for key, a in ((f"{base}bias_ih{tail}", b_ih), (f"{base}bias_hh{tail}", b_hh)):
        if a.shape != (rows,):
            raise ShapeError(f"{key} has shape {a.shape}; expected ({len(gates)} * n,) = "
                             f"({rows},) for hidden size n={n}")

    params: dict[str, Array] = {}
    for g, suffix in enumerate(gates):
        s = slice(g * n, (g + 1) * n)
        tag = f"_{suffix}" if suffix else ""
        params["W" + tag] = w_ih[s].copy()
        params["U" + tag] = w_hh[s].copy()
        if kind == "GRU" and suffix == "h":  # n = tanh(W_in x + b_in + r ∘ (W_hn h + b_hn))
            params["b_h"], params["bu_h"] = b_ih[s].copy(), b_hh[s].copy()
        else:
            params["b" + tag] = b_ih[s] + b_hh[s]
    return weights(name, params)
