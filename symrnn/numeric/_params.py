r"""Parameter and state layout of every catalog cell, and their initialisation.

Names follow the article: ``W_*`` act on the input :math:`x_t` (shape ``(n, m)``), ``U_*`` on
the previous hidden state (shape ``(n, n)``), ``b_*`` are biases (shape ``(n,)``), with ``n``
the hidden size and ``m`` the input size. The simple cells (eq5) use plain ``W, U, b``.

Two deliberate departures from the printed text, both reported as errata elsewhere: the GRU
(eq11) prints its candidate bias as :math:`b_c`, which we name ``b_h`` (the variant, eq14,
keeps ``b_c``); ``gru_torch`` adds the recurrent bias ``bu_h`` of the reset-after convention.

>>> import numpy as np
>>> p = init_params("lstm", m=3, n=2, rng=np.random.default_rng(0), scheme="forget-bias-1")
>>> p["b_f"], p["U_f"].shape, p["W_f"].shape
(array([1., 1.]), (2, 2), (2, 3))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from .._errors import InvalidArgumentError
from ._validate import check_cell, check_size

__all__ = ["CELL_NAMES", "SCHEMES", "ParamSpec", "param_specs", "state_names", "init_params"]

Kind = Literal["input_matrix", "recurrent_matrix", "bias"]
Scheme = Literal["glorot", "orthogonal", "forget-bias-1", "zero"]

SCHEMES: tuple[str, ...] = ("glorot", "orthogonal", "forget-bias-1", "zero")


@dataclass(frozen=True)
class ParamSpec:
    """One parameter: its article name and kind (which fixes its shape)."""

    name: str
    kind: Kind

    def shape(self, m: int, n: int) -> tuple[int, ...]:
        """``(n, m)`` for an input matrix, ``(n, n)`` for a recurrent one, ``(n,)`` for a bias."""
        return {"input_matrix": (n, m), "recurrent_matrix": (n, n), "bias": (n,)}[self.kind]

    @property
    def shape_text(self) -> str:
        return {"input_matrix": "(n, m)", "recurrent_matrix": "(n, n)", "bias": "(n,)"}[self.kind]


def _gate(suffix: str, bias: str | None = None) -> tuple[ParamSpec, ...]:
    return (
        ParamSpec(f"W_{suffix}", "input_matrix"),
        ParamSpec(f"U_{suffix}", "recurrent_matrix"),
        ParamSpec(bias or f"b_{suffix}", "bias"),
    )


_SIMPLE = (ParamSpec("W", "input_matrix"), ParamSpec("U", "recurrent_matrix"), ParamSpec("b", "bias"))

_SPECS: dict[str, tuple[ParamSpec, ...]] = {
    "rnn": _SIMPLE,
    "relu_rnn": _SIMPLE,
    "lstm": _gate("f") + _gate("i") + _gate("o") + _gate("c"),
    "gru": _gate("z") + _gate("r") + _gate("h"),
    "mgu": _gate("r") + _gate("h"),
    "variant": _gate("z") + _gate("r") + _gate("h", bias="b_c"),
    "gru_torch": _gate("z") + _gate("r") + _gate("h") + (ParamSpec("bu_h", "bias"),),
}

_STATES: dict[str, tuple[str, ...]] = {
    name: ("h", "c") if name in ("lstm", "variant") else ("h",) for name in _SPECS
}

CELL_NAMES: tuple[str, ...] = tuple(_SPECS)


def param_specs(cell: str) -> tuple[ParamSpec, ...]:
    """The parameters of ``cell``, in the article's order."""
    return _SPECS[check_cell(cell, CELL_NAMES)]


def state_names(cell: str) -> tuple[str, ...]:
    """``("h",)`` for single-state cells, ``("h", "c")`` for ``lstm`` and ``variant``."""
    return _STATES[check_cell(cell, CELL_NAMES)]


def _glorot(rng: np.random.Generator, shape: tuple[int, int]) -> NDArray[np.float64]:
    """Glorot/Xavier uniform: U(-a, a) with a = sqrt(6 / (fan_in + fan_out))."""
    limit = np.sqrt(6.0 / (shape[0] + shape[1]))
    return rng.uniform(-limit, limit, size=shape)


def _orthogonal(rng: np.random.Generator, n: int) -> NDArray[np.float64]:
    """A Haar-random orthogonal matrix (QR of a Gaussian, signs fixed by diag(R))."""
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.where(np.diag(r) == 0, 1.0, np.diag(r)))


def init_params(
    cell: str,
    m: int,
    n: int,
    rng: np.random.Generator | int | None = None,
    scheme: Scheme = "glorot",
) -> dict[str, NDArray[np.float64]]:
    """Initial parameters of ``cell`` for input size ``m`` and hidden size ``n``.

    Schemes: ``"glorot"`` (every matrix Glorot uniform, biases 0); ``"orthogonal"`` (input
    matrices Glorot, recurrent matrices random orthogonal, biases 0); ``"forget-bias-1"``
    (``"orthogonal"`` with the LSTM forget bias ``b_f = 1``, lstm only); ``"zero"`` (all 0).

    Arguments:
        cell: a name in :data:`CELL_NAMES`.
        m: input size, at least 1.
        n: hidden size, at least 1.
        rng: a ``numpy.random.Generator`` or an integer seed.
        scheme: one of :data:`SCHEMES`.

    Returns:
        A dict from parameter name to a float64 array: ``W_*`` of shape ``(n, m)``, ``U_*`` of
        shape ``(n, n)``, ``b_*`` of shape ``(n,)``.
    """
    specs = param_specs(cell)
    m, n = check_size("m", m), check_size("n", n)
    if scheme not in SCHEMES:
        raise InvalidArgumentError(
            f"scheme={scheme!r} is not an initialisation scheme; use one of {SCHEMES}"
        )
    if scheme == "forget-bias-1" and cell != "lstm":
        raise InvalidArgumentError(
            f"scheme='forget-bias-1' sets the LSTM forget bias b_f, but cell={cell!r} has no "
            "forget gate; use scheme='orthogonal' or 'glorot'"
        )
    if not isinstance(rng, np.random.Generator):
        if rng is not None and (isinstance(rng, bool) or not isinstance(rng, (int, np.integer))
                                or rng < 0):
            raise InvalidArgumentError(
                f"rng={rng!r} is neither a numpy.random.Generator nor an integer seed >= 0"
            )
        rng = np.random.default_rng(rng)
    params: dict[str, NDArray[np.float64]] = {}
    for spec in specs:
        shape = spec.shape(m, n)
        if scheme == "zero" or spec.kind == "bias":
            params[spec.name] = np.zeros(shape)
        elif spec.kind == "recurrent_matrix" and scheme in ("orthogonal", "forget-bias-1"):
            params[spec.name] = _orthogonal(rng, n)
        else:
            params[spec.name] = _glorot(rng, shape)  # type: ignore[arg-type]
    if scheme == "forget-bias-1":
        params["b_f"] = np.ones(n)
    return params
