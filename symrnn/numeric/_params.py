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
from ..cells import Cell
from ._validate import check_size

__all__ = ["SCHEMES", "VECTOR_INIT", "ParamSpec", "specs_of", "param_specs", "state_names",
           "init_params"]

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


def specs_of(cell: Cell) -> tuple[ParamSpec, ...]:
    """The parameters of a symbolic cell, in its order (kinds fix the shapes)."""
    return tuple(ParamSpec(p.name, p.kind) for p in cell.params)


def param_specs(cell: str | Cell) -> tuple[ParamSpec, ...]:
    """The parameters of ``cell`` (a catalog name or a :class:`~symrnn.cells.Cell`), in its
    order: for the article's cells, the article's order (``W_f, U_f, b_f, W_i, ...``)."""
    from ._kernels import kernel

    return kernel(cell).param_specs


def state_names(cell: str | Cell) -> tuple[str, ...]:
    """The state tuple's order: ``("h",)``, or ``("h", "c")`` for ``lstm``, ``variant``,
    ``peephole_lstm``, ``cifg_lstm`` (and a user cell's own states)."""
    from ._kernels import kernel

    return kernel(cell).state_names


def _catalog(name: str) -> Cell | None:
    from ..cells import CATALOG

    return CATALOG.get(name)


def _glorot(rng: np.random.Generator, shape: tuple[int, int]) -> NDArray[np.float64]:
    """Glorot/Xavier uniform: U(-a, a) with a = sqrt(6 / (fan_in + fan_out))."""
    limit = np.sqrt(6.0 / (shape[0] + shape[1]))
    return rng.uniform(-limit, limit, size=shape)


def _orthogonal(rng: np.random.Generator, n: int) -> NDArray[np.float64]:
    """A Haar-random orthogonal matrix (QR of a Gaussian, signs fixed by diag(R))."""
    q, r = np.linalg.qr(rng.standard_normal((n, n)))
    return q * np.sign(np.where(np.diag(r) == 0, 1.0, np.diag(r)))


#: Vector parameters that are not biases and start away from 0 (every scheme but "zero"):
#: IndRNN's elementwise recurrent weight u ~ U(0, 1), a stable non-trivial start (Li et al.
#: draw from [0, MAG^(1/T)] for their sequence length T), and JANET's shift beta = 1 (the
#: paper's value). Every other vector (biases, peepholes) starts at 0.
VECTOR_INIT: dict[tuple[str, str], str] = {("indrnn", "u"): "U(0, 1)", ("janet", "beta"): "1"}


def init_params(
    cell: str | Cell,
    m: int,
    n: int,
    rng: np.random.Generator | int | None = None,
    scheme: Scheme = "glorot",
) -> dict[str, NDArray[np.float64]]:
    """Initial parameters of ``cell`` for input size ``m`` and hidden size ``n``.

    Schemes: ``"glorot"`` (every matrix Glorot uniform, biases 0); ``"orthogonal"`` (input
    matrices Glorot, recurrent matrices random orthogonal, biases 0); ``"forget-bias-1"``
    (``"orthogonal"`` with the LSTM forget bias ``b_f = 1``, lstm only); ``"zero"`` (all 0).
    Vector parameters other than biases follow :data:`VECTOR_INIT`.

    Arguments:
        cell: a name in :data:`CELL_NAMES` or a :class:`~symrnn.cells.Cell`.
        m: input size, at least 1.
        n: hidden size, at least 1.
        rng: a ``numpy.random.Generator`` or an integer seed.
        scheme: one of :data:`SCHEMES`.

    Returns:
        A dict from parameter name to a float64 array: ``W_*`` of shape ``(n, m)``, ``U_*`` of
        shape ``(n, n)``, ``b_*`` of shape ``(n,)``.
    """
    from ._kernels import kernel

    k = kernel(cell)
    specs, name = k.param_specs, k.name
    m, n = check_size("m", m), check_size("n", n)
    if scheme not in SCHEMES:
        raise InvalidArgumentError(
            f"scheme={scheme!r} is not an initialisation scheme; use one of {SCHEMES}"
        )
    if scheme == "forget-bias-1" and (name != "lstm" or not k.handwritten):
        raise InvalidArgumentError(
            f"scheme='forget-bias-1' sets the LSTM forget bias b_f, but cell={name!r} has no "
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
        rule = VECTOR_INIT.get((name, spec.name)) if k.cell is _catalog(name) else None
        if scheme == "zero" or (spec.kind == "bias" and rule is None):
            params[spec.name] = np.zeros(shape)
        elif rule == "U(0, 1)":
            params[spec.name] = rng.uniform(0.0, 1.0, size=shape)
        elif rule == "1":
            params[spec.name] = np.ones(shape)
        elif spec.kind == "recurrent_matrix" and scheme in ("orthogonal", "forget-bias-1"):
            params[spec.name] = _orthogonal(rng, n)
        else:
            params[spec.name] = _glorot(rng, shape)  # type: ignore[arg-type]
    if scheme == "forget-bias-1":
        params["b_f"] = np.ones(n)
    return params
