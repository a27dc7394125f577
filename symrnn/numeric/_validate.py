"""Argument validation for :mod:`symrnn.numeric`, in Hypothesis' style.

Each ``check_*`` function tests one rule and raises a :class:`~symrnn.SymrnnError` subclass
whose message names the argument (``name=value`` or its shape), the rule broken and the fix.
They return the normalised value (float64 arrays, a tuple state) so callers use what was
checked. No ``assert`` guards user input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError, ShapeError, UnknownCellError

if TYPE_CHECKING:
    from ._params import ParamSpec

__all__ = [
    "check_cell",
    "check_size",
    "check_array",
    "check_state",
    "check_input",
    "check_params",
    "check_out",
]

Array = NDArray[np.float64]


def check_cell(cell: object, names: Sequence[str]) -> str:
    """``cell`` must be one of the catalog ``names``."""
    if not isinstance(cell, str) or cell not in names:
        raise UnknownCellError(
            f"cell={cell!r} is not in the catalog; use one of {tuple(names)}"
        )
    return cell


def check_size(name: str, value: object) -> int:
    """A size (``m``, ``n``) must be an integer >= 1."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
        raise InvalidArgumentError(f"{name}={value!r} must be an integer >= 1")
    return int(value)


def check_array(name: str, value: object) -> Array:
    """``value`` must be a real, finite array; returned as float64."""
    try:
        array = np.asarray(value)
    except Exception as exc:  # ragged nested lists and the like
        raise InvalidArgumentError(f"{name} cannot be read as an array: {exc}") from None
    if array.dtype.kind not in "biuf":
        raise InvalidArgumentError(
            f"{name} has dtype {array.dtype}; expected real numbers (float64 is used)"
        )
    array = array.astype(np.float64, copy=False)
    if not np.all(np.isfinite(array)):
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(array))[0])
        raise InvalidArgumentError(
            f"{name} of shape {array.shape} holds a non-finite value {float(array[bad])} at index "
            f"{bad}; NaN and infinity are not valid inputs"
        )
    return array


def check_state(
    cell: str, names: tuple[str, ...], state: object, label: str = "state"
) -> tuple[Array, ...]:
    """The state of ``cell``: ``h`` of shape ``(n,)`` or ``(B, n)``, or for two-state cells the
    tuple ``(h, c)`` of equal shapes. Returns a tuple of arrays. ``label`` names the argument
    in messages (``"state"``, ``"state0"``, ``"cotangent"``)."""
    if len(names) == 1:
        if isinstance(state, tuple) and len(state) == 1:
            state = state[0]
        parts: Iterable[object] = (state,)
    else:
        if not isinstance(state, (tuple, list)) or len(state) != len(names):
            raise InvalidArgumentError(
                f"{label}={_brief(state)} is not a tuple {names}; cell={cell!r} carries "
                f"{len(names)} states: pass ({', '.join(names)})"
            )
        parts = state
    arrays = tuple(check_array(f"{label} {k}", s) for k, s in zip(names, parts))
    h = arrays[0]
    if h.ndim not in (1, 2) or h.shape[-1] == 0 or (h.ndim == 2 and h.shape[0] == 0):
        raise ShapeError(
            f"{label} h has shape {h.shape}; expected (n,) or (B, n) with n >= 1 and B >= 1"
        )
    for k, a in zip(names[1:], arrays[1:]):
        if a.shape != h.shape:
            raise ShapeError(
                f"{label} {k} has shape {a.shape}; expected {h.shape}, the shape of {label} h"
            )
    return arrays


def check_input(name: str, x: object, state_shape: tuple[int, ...], leading: int = 0) -> Array:
    """Input ``x`` of shape ``(m,)`` next to a state ``(n,)``, or ``(B, m)`` next to ``(B, n)``.

    ``leading`` extra axes come first (a sequence ``xs`` has ``leading=1``: shape ``(T, ...)``).
    """
    x = check_array(name, x)
    batch = state_shape[:-1]
    expected = ("T, " * leading) + ("B, " if batch else "") + "m"
    if x.ndim != leading + len(batch) + 1 or x.shape[-1] == 0 or 0 in x.shape[:leading]:
        raise ShapeError(
            f"{name} has shape {x.shape}; expected ({expected}) with every size >= 1 "
            f"next to a state of shape {state_shape}"
        )
    if x.shape[leading:-1] != batch:
        raise ShapeError(
            f"{name} has shape {x.shape}; expected ({expected}) with batch size "
            f"B={batch[0]} taken from the state of shape {state_shape}"
        )
    return x


def check_params(
    cell: str, specs: tuple[ParamSpec, ...], params: object, m: int, n: int,
    sizes_from: str = "the input and state",
) -> dict[str, Array]:
    """``params`` must map exactly the names of ``specs`` to finite arrays of their shapes."""
    if not isinstance(params, Mapping):
        raise InvalidArgumentError(
            f"params of type {type(params).__name__} is not a mapping from names to arrays; "
            f"use init_params({cell!r}, m, n, rng) to build one"
        )
    expected = [s.name for s in specs]
    missing = [k for k in expected if k not in params]
    extra = [k for k in params if k not in expected]
    if missing or extra:
        raise InvalidArgumentError(
            f"params for cell={cell!r} must have exactly the names {expected}; "
            + (f"missing {missing}" if missing else "")
            + ("; " if missing and extra else "")
            + (f"unexpected {extra}" if extra else "")
        )
    out: dict[str, Array] = {}
    for spec in specs:
        value = check_array(f"params[{spec.name!r}]", params[spec.name])
        shape = spec.shape(m, n)
        if value.shape != shape:
            raise ShapeError(
                f"params[{spec.name!r}] has shape {value.shape}; expected {spec.shape_text} = "
                f"{shape} for input size m={m} and hidden size n={n} (taken from {sizes_from})"
            )
        out[spec.name] = value
    return out


def check_out(out: object, shape: tuple[int, ...]) -> None:
    """An output buffer must be a writeable, C-contiguous float64 array of ``shape``."""
    if not isinstance(out, np.ndarray) or out.dtype != np.float64:
        raise InvalidArgumentError(f"out={_brief(out)} must be a float64 numpy array")
    if out.shape != shape:
        raise ShapeError(f"out has shape {out.shape}; expected {shape}, the shape of the result")
    if not out.flags.c_contiguous or not out.flags.writeable:
        raise InvalidArgumentError(
            "out must be C-contiguous and writeable; allocate it with np.empty(shape)"
        )


def _brief(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
