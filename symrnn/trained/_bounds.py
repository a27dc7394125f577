r"""The article's one-step bounds on a trained model's own matrices, beside measurements.

:func:`check_weights` runs the model along input sequences (given, or random of its input
size), measures every one-step Jacobian :math:`J_t = \partial s_t/\partial s_{t-1}` and, for
each reading that applies to the cell, evaluates its bound on the model's matrices and
compares. Norms are spectral; every weight norm is a rigorous enclosure (:mod:`._norms`), so a
bound's value is an upper value of its formula. Each bound is labelled:

* **certified** — proved for this model's hidden size :math:`n` (the proof is in ``why``);
  a measured value above it would be a bug, and :attr:`BoundCheck.ok` says it is not;
* **not certified** — the article's 1-D bound read with spectral norms, which the n-D
  analysis refutes for :math:`n \ge 2` (shown for comparison: the measurement may exceed it).

Per cell (:math:`\gamma = \sup|\phi'|`, :math:`g^* = \sup_c |(1-\tanh^2 c)c| < 0.4478`,
:math:`\psi(k) = 1` for :math:`k \le 1` and :math:`(1+k)^2/(4k)` above):

``rnn``, ``relu_rnn`` (eq 5, 6)
    ``pascanu-norm-bound``: :math:`\|J_t\| \le \gamma\|U\|`, :math:`\gamma = 1`
    (:math:`\|\mathrm{diag}(\phi')U\| \le \max|\phi'|\,\|U\|`). Certified.
    ``pascanu-vanishing-sufficient``: :math:`\frac1T \ln\|J_T\cdots J_1\| \le \ln(\gamma\|U\|)`
    (submultiplicativity), so :math:`\gamma\|U\| < 1` makes every gradient vanish
    geometrically; whether the condition holds for the model is decided rigorously.
``lstm`` (eq 8–10), on the c-path :math:`P_t = \partial c_t/\partial c_{t-1}` with
:math:`h_{t-1} = o_{t-1}\tanh c_{t-1}` (steps :math:`t \ge 2`, which know :math:`o_{t-1}`)
    ``forget-dominant`` (reading ``forget-dominant/pointwise`` for :math:`n = 1`,
    ``forget-dominant/nd`` above): :math:`\|P_t - \mathrm{diag}(f_t)\| \le \epsilon(U) =
    (g^*/4)\|U_f\| + \|U_i\|/4 + \|U_c\|`. Certified for :math:`n = 1` only: for
    :math:`n \ge 2` the row factor :math:`c_{t-1}[k]` of eq (9) meets the column factor
    :math:`1 - \tanh^2 c_{t-1}[l]` of another coordinate and the term is unbounded
    (claims ``four-gates``, ``forget-dominant``: refuted in n-D).
    ``forget-dominant-nd``: :math:`\|P_t - \mathrm{diag}(f_t)\| \le
    (\|c_{t-1}\|_\infty/4)\|U_f\| + \|U_i\|/4 + \|U_c\|`, evaluated at each step's
    :math:`c_{t-1}`. Certified for every :math:`n`: :math:`P_t - \mathrm{diag}(f_t) =
    [\mathrm{diag}(c_{t-1} f(1-f))U_f + \mathrm{diag}(\hat c\, i(1-i))U_i +
    \mathrm{diag}(i(1-\hat c^2))U_c]\,\mathrm{diag}(o_{t-1}(1-\tanh^2 c_{t-1}))` (eq 8 in
    n-D, proved), with diagonal factors bounded by :math:`\|c_{t-1}\|_\infty/4`, 1/4, 1 and 1.
``gru`` (eq 11, 13), along trajectories with :math:`\|h\|_\infty \le 1` (every trajectory
from such an :math:`h_0`: ``gru-h-bounded``, proved in n-D)
    ``gru-bound`` (article, 1-D): :math:`\|J_t - \mathrm{diag}(1-z_t)\| \le \|U_z\|/2 +
    \psi(\|U_r\|)\|U_h\|`. Certified for :math:`n = 1` only: in n-D
    :math:`\|\mathrm{diag}(r) + \mathrm{diag}(r(1-r)h)U_r\|` can exceed
    :math:`\psi(\|U_r\|)` (:math:`r = (1, 1/2)`, :math:`h_2 = 1`, :math:`U_r = e_2 e_1^\top`:
    norm 1.04 > 1 = ψ(1)).
    ``gru-bound-nd``: :math:`\|J_t - \mathrm{diag}(1-z_t)\| \le \|U_z\|/2 +
    \|U_h\|(1 + \|U_r\|/4)`. Certified: :math:`J_t - \mathrm{diag}(1-z) =
    \mathrm{diag}(z(1-z)(\hat h - h_{t-1}))U_z + \mathrm{diag}(z(1-\hat h^2))U_h[\mathrm{diag}(r)
    + \mathrm{diag}(r(1-r)h_{t-1})U_r]`, diagonal factors at most 1/2, 1, 1 and 1/4.
``gru_torch`` (PyTorch's GRU: :math:`h_t = (1-z)\circ n + z\circ h_{t-1}`,
:math:`n = \tanh(W_h x + b_h + r\circ u)`, :math:`u = U_h h_{t-1} + b^u_h`), with
:math:`\|h\|_\infty \le 1` as above
    ``gru-bound-nd``: :math:`\|J_t - \mathrm{diag}(z_t)\| \le \|U_z\|/2 + \|U_h\| +
    (\|U_h\|_\infty + \|b^u_h\|_\infty)\|U_r\|/4`. Certified: :math:`J_t - \mathrm{diag}(z) =
    \mathrm{diag}(z(1-z)(h_{t-1} - n))U_z + \mathrm{diag}((1-z)(1-n^2))[\mathrm{diag}(r)U_h +
    \mathrm{diag}(r(1-r)u)U_r]` and :math:`|u_k| \le \|U_h\|_\infty + \|b^u_h\|_\infty`.

Every cell also gets the measured :math:`\|J_t\|` along the inputs (median and maximum), with
or without a reading. Measurements are float64 (relative error about :math:`10^{-15}`);
a certified bound is judged held when the measurement is at most the bound times
:math:`1 + 10^{-12}`.

>>> import numpy as np
>>> p = {"W": np.zeros((2, 1)), "U": np.array([[0.5, 0.2], [0.0, 0.4]]), "b": np.zeros(2)}
>>> r = check_weights("rnn", p, T=20, sequences=2, seed=0)
>>> [(c.name, c.certified, c.ok) for c in r.checks]
[('pascanu-norm-bound', True, True), ('pascanu-vanishing-sufficient', True, True)]
>>> r.checks[1].holds
'yes'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from flint import arb
from numpy.typing import NDArray

from .._errors import InvalidArgumentError, ShapeError
from ..cells import Cell
from ..numeric import check_params, check_size, jacobian, kernel, unroll
from ..verify.arb import working_precision
from ._model import Weights
from ._norms import inf_norm_upper, spectral_enclosure, upper_float

__all__ = ["BoundCheck", "WeightsReport", "check_weights", "READINGS", "TOLERANCE"]

Array = NDArray[np.float64]

#: Relative slack for comparing a float64 measurement with a rigorous bound.
TOLERANCE = 1e-12

#: The readings evaluated per cell (see the module docstring).
READINGS: dict[str, tuple[str, ...]] = {
    "rnn": ("pascanu-norm-bound", "pascanu-vanishing-sufficient"),
    "relu_rnn": ("pascanu-norm-bound", "pascanu-vanishing-sufficient"),
    "lstm": ("forget-dominant", "forget-dominant-nd"),
    "gru": ("gru-bound", "gru-bound-nd"),
    "gru_torch": ("gru-bound-nd",),
}


@dataclass(frozen=True)
class BoundCheck:
    """One bound evaluated on the model, next to the measurement of what it bounds.

    Attributes:
        name: the bound's id (see the module docstring).
        readings: the readings of the registry (``symrnn verify``) it evaluates or whose
            proved statements its proof rests on, e.g. ``("pascanu-norm-bound/spectral",)``.
        quantity: what is bounded, e.g. ``"||J_t||_2"``.
        formula: the bound, in the model's norms.
        bound: an upper value of the formula on this model (for a bound that depends on the
            state, its largest value along the inputs).
        certified: proved for this model's hidden size (else the 1-D reading, for comparison).
        why: the proof in one sentence, or why it is not certified.
        measured: the largest measured value of the quantity along the inputs.
        margin: the smallest ``bound - measured`` over the measured points (each step against
            its own bound when the bound depends on the state); negative: exceeded there.
        condition: for a sufficient condition, the condition (e.g. ``gamma ||U||_2 < 1``).
        holds: ``"yes"``, ``"no"`` or ``"undecided"`` for the condition on this model.
    """

    name: str
    readings: tuple[str, ...]
    quantity: str
    formula: str
    bound: float
    certified: bool
    why: str
    measured: float
    margin: float
    condition: str | None = None
    holds: str | None = None

    @property
    def exceeded(self) -> bool:
        """The measurement lies above the bound somewhere (beyond float64 rounding)."""
        return self.margin < -TOLERANCE * max(1.0, abs(self.bound))

    @property
    def ok(self) -> bool:
        """A certified bound that the measurement respects (True for uncertified rows that
        were not exceeded, False for any exceeded row)."""
        return not self.exceeded

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "readings": list(self.readings), "quantity": self.quantity,
                "formula": self.formula, "bound": _finite(self.bound),
                "certified": self.certified, "why": self.why,
                "measured": _finite(self.measured), "margin": _finite(self.margin),
                "exceeded": self.exceeded, "condition": self.condition, "holds": self.holds}


def _finite(v: float) -> float | None:
    return float(v) if math.isfinite(v) else None


@dataclass(frozen=True)
class WeightsReport:
    """What :func:`check_weights` found (see the module docstring).

    Attributes:
        cell, n, m: the model.
        T, sequences: the measurement: ``sequences`` runs of ``T`` steps.
        norms: rigorous ``(lo, hi)`` enclosures of the spectral norm of every recurrent
            matrix ``U_*``.
        jacobian_norms: ``(sequences, T)`` measured :math:`\\|J_t\\|_2` along the inputs.
        checks: the bounds, one :class:`BoundCheck` each.
    """

    cell: str
    n: int
    m: int
    T: int
    sequences: int
    norms: dict[str, tuple[float, float]]
    jacobian_norms: Array
    checks: tuple[BoundCheck, ...]
    inputs: str = field(default="")

    @property
    def violations(self) -> tuple[BoundCheck, ...]:
        """Certified bounds the measurement exceeded: always empty unless symrnn has a bug."""
        return tuple(c for c in self.checks if c.certified and c.exceeded)

    def to_json(self) -> dict[str, Any]:
        j = self.jacobian_norms
        return {
            "kind": "bounds on trained weights (certified bounds) beside measurements "
                    "(empirical)",
            "cell": self.cell, "n": self.n, "m": self.m, "T": self.T,
            "sequences": self.sequences, "inputs": self.inputs,
            "spectral_norms": {k: {"lo": lo, "hi": hi} for k, (lo, hi) in self.norms.items()},
            "jacobian_norm": {"median": float(np.median(j)), "max": float(np.max(j))},
            "checks": [c.to_json() for c in self.checks],
            "violations": [c.name for c in self.violations],
        }

    def __str__(self) -> str:
        lines = [f"{self.cell}: n={self.n}, m={self.m}; measured along {self.sequences} "
                 f"sequence(s) of {self.T} steps ({self.inputs})"]
        for name, (lo, hi) in self.norms.items():
            lines.append(f"  ||{name}||_2 in [{lo:.6g}, {hi:.6g}]")
        j = self.jacobian_norms
        lines.append(f"  measured ||J_t||_2: median {np.median(j):.4g}, max {np.max(j):.4g}")
        for c in self.checks:
            label = "certified upper bound" if c.certified else "NOT a bound for this n"
            lines.append(f"  {c.name} [{', '.join(c.readings)}]: {c.quantity} <= {c.formula}")
            lines.append(f"      = {c.bound:.6g} ({label}); measured max {c.measured:.6g}"
                         + ("  EXCEEDED" if c.exceeded else "  (under it)"))
            if c.condition:
                lines.append(f"      condition {c.condition}: {c.holds}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from html import escape

        rows = "".join(
            f"<tr><td>{escape(c.name)}</td><td>{escape(c.quantity)} &le; "
            f"{escape(c.formula)}</td><td>{c.bound:.6g}</td><td>"
            f"{'certified upper bound' if c.certified else 'not a bound for this n'}</td>"
            f"<td>{c.measured:.6g}</td><td>{'EXCEEDED' if c.exceeded else 'under it'}</td>"
            f"<td>{escape(c.holds or '')}</td></tr>" for c in self.checks)
        return (f"<p><b>{escape(self.cell)}</b>, n = {self.n}: measured "
                f"‖J<sub>t</sub>‖<sub>2</sub> median {np.median(self.jacobian_norms):.4g}, "
                f"max {np.max(self.jacobian_norms):.4g}</p><table><tr><th>bound</th>"
                "<th>statement</th><th>value</th><th>status</th><th>measured max</th>"
                f"<th></th><th>condition holds</th></tr>{rows}</table>")


def _split(state: Any) -> tuple[Array, ...]:
    return state if isinstance(state, tuple) else (state,)


def _inputs(inputs: Any, m: int, T: int, sequences: int, seed: int) -> tuple[Array, str]:
    if inputs is None:
        rng = np.random.default_rng([seed, 15])
        return rng.standard_normal((T, sequences, m)), "x_t ~ N(0, I_m), zero initial state"
    try:
        xs = np.asarray(inputs, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise InvalidArgumentError(f"inputs cannot be read as a float array: {exc}") from None
    xs = xs[:, None, :] if xs.ndim == 2 else xs
    if xs.ndim != 3 or 0 in xs.shape or xs.shape[2] != m:
        raise ShapeError(f"inputs has shape {np.shape(inputs)}; expected (T, m) or (T, R, m) "
                         f"with m = {m}, the model's input size, and T, R >= 1")
    if not np.all(np.isfinite(xs)):
        raise InvalidArgumentError("inputs holds NaN or infinite values")
    return xs, "given inputs, zero initial state"


def check_weights(
    cell: str | Cell | Weights,
    params: Mapping[str, Any] | None = None,
    inputs: Any = None,
    *,
    T: int = 200,
    sequences: int = 4,
    seed: int = 0,
) -> WeightsReport:
    """Evaluate the readings' bounds on a model's matrices and measure along its inputs.

    >>> import symrnn                                              # doctest: +SKIP
    >>> report = symrnn.check_weights(symrnn.from_torch(lstm))     # doctest: +SKIP
    >>> print(report)                                              # doctest: +SKIP

    Arguments:
        cell: the model's cell (a catalog name or a :class:`~symrnn.cells.Cell`), or a
            :class:`Weights` (then ``params`` is omitted).
        params: the model's parameters.
        inputs: ``(T, m)`` or ``(T, R, m)`` sequences (time first); default ``sequences``
            random :math:`N(0, I_m)` sequences of length ``T``. The initial state is zero.
        T, sequences, seed: the random inputs' length, count and seed.

    Returns:
        A :class:`WeightsReport`; ``print`` it for a table, ``.to_json()`` for data.
    """
    if isinstance(cell, Weights):
        if params is not None:
            raise InvalidArgumentError("pass either Weights or (cell, params), not both")
        cell, params = cell
    if params is None:
        raise InvalidArgumentError("check_weights needs the parameters: check_weights(cell, "
                                   "params) or check_weights(weights)")
    k = kernel(cell)
    p, m, n = check_params(cell, params)
    if inputs is None:
        T, sequences = check_size("T", T), check_size("sequences", sequences)
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InvalidArgumentError(f"seed={seed!r} must be an integer >= 0")
    xs, described = _inputs(inputs, m, T, sequences, int(seed))
    T, runs = xs.shape[0], xs.shape[1]
    zero = tuple(np.zeros((runs, n)) for _ in k.state_names)
    traj = _split(unroll(cell, p, xs, zero if len(zero) > 1 else zero[0]))  # each (T + 1, R, n)
    jacs = np.stack([cast(Array, jacobian(cell, p, xs[t], _pack(tuple(s[t] for s in traj))))
                     for t in range(T)])  # (T, R, S, S): J_{t+1}
    jnorm = np.linalg.norm(jacs, ord=2, axis=(2, 3)).T  # (R, T)
    norms = {name: spectral_enclosure(v) for name, v in p.items()
             if name.startswith("U") and v.ndim == 2}
    hi = {name: enc[1] for name, enc in norms.items()}
    readings = READINGS.get(k.name, ()) if k.cell is _catalog(k.name) else ()
    checks: list[BoundCheck] = []
    for reading in readings:
        checks.append(_CHECKS[reading](k.name, p, xs, traj, jacs, hi, n))
    return WeightsReport(k.name, n, m, T, runs, norms, jnorm, tuple(checks), described)


def _catalog(name: str) -> Cell | None:
    from ..cells import CATALOG

    return CATALOG.get(name)


def _pack(state: tuple[Array, ...]) -> Any:
    return state if len(state) > 1 else state[0]


def _arb_up(*terms: arb) -> float:
    return upper_float(sum(terms, arb(0)))


def _a(v: float) -> arb:
    return arb(float(v))


# --- rnn, relu_rnn ------------------------------------------------------------------------

def _pascanu_norm(cell: str, p: dict, xs: Array, traj: tuple, jacs: Array, hi: dict,
                  n: int) -> BoundCheck:
    measured = np.linalg.norm(jacs, ord=2, axis=(2, 3))
    bound = hi["U"]  # gamma = 1 for tanh and for relu
    phi = "tanh" if cell == "rnn" else "relu"
    return BoundCheck(
        "pascanu-norm-bound", ("pascanu-norm-bound/spectral",), "||J_t||_2",
        "gamma ||U||_2, gamma = 1",
        bound, True,
        f"J_t = diag({phi}'(a_t)) U and |{phi}'| <= 1, so ||J_t||_2 <= ||U||_2 (every n)",
        float(measured.max()), float(bound - measured.max()))


def _pascanu_vanishing(cell: str, p: dict, xs: Array, traj: tuple, jacs: Array, hi: dict,
                       n: int) -> BoundCheck:
    lo_u, hi_u = spectral_enclosure(p["U"])
    T = jacs.shape[0]
    rates = _product_rates(jacs)  # (R,): (1/T) ln ||J_T ... J_1||_2
    with working_precision(128):
        bound = upper_float(_a(hi_u).log()) if hi_u > 0 else -math.inf
    holds = "yes" if hi_u < 1 else ("no" if lo_u >= 1 else "undecided")
    worst = float(np.max(rates))
    return BoundCheck(
        "pascanu-vanishing-sufficient", ("pascanu-vanishing-sufficient/spectral",),
        f"(1/T) ln ||J_T ... J_1||_2 (T = {T})", "ln(gamma ||U||_2)", bound, True,
        "submultiplicativity: ||J_T ... J_1||_2 <= prod ||J_t||_2 <= (gamma ||U||_2)^T",
        worst, (bound - worst) if math.isfinite(bound) else (0.0 if worst == -math.inf else -math.inf),
        condition="gamma ||U||_2 < 1 (every gradient vanishes geometrically)", holds=holds)


def _product_rates(jacs: Array) -> Array:
    """(1/T) ln ||J_T ... J_1||_2 per sequence, renormalised each step (no under/overflow)."""
    T, R, S, _ = jacs.shape
    prod = np.broadcast_to(np.eye(S), (R, S, S)).copy()
    logs = np.zeros(R)
    for t in range(T):
        prod = jacs[t] @ prod
        scale = np.linalg.norm(prod, ord=2, axis=(1, 2))
        zero = scale == 0
        logs += np.log(np.where(zero, 1.0, scale))
        logs[zero] = -np.inf
        prod = prod / np.where(zero, 1.0, scale)[:, None, None]
    return logs / T


# --- lstm ---------------------------------------------------------------------------------

def _lstm_path(p: dict, xs: Array, traj: tuple, jacs: Array) -> tuple[Array, Array]:
    """||P_t - diag(f_t)||_2 and ||c_{t-1}||_inf for steps t = 2..T: ``(R, T - 1)`` each."""
    hs, cs = traj
    n = hs.shape[-1]
    fwd = kernel("lstm").forward
    out, cmax = [], []
    for t in range(2, xs.shape[0] + 1):
        o_prev = fwd(p, xs[t - 2], (hs[t - 2], cs[t - 2]))[1]["o"]  # o_{t-1}
        g = o_prev * (1 - np.tanh(cs[t - 1]) ** 2)  # d h_{t-1} / d c_{t-1}, o_{t-1} held
        dc_dh = jacs[t - 1][:, n:, :n]  # dc_t/dh_{t-1}
        out.append(np.linalg.norm(dc_dh * g[:, None, :], ord=2, axis=(1, 2)))
        cmax.append(np.max(np.abs(cs[t - 1]), axis=-1))
    return np.array(out).T, np.array(cmax).T


def _forget_dominant(cell: str, p: dict, xs: Array, traj: tuple, jacs: Array, hi: dict,
                     n: int) -> BoundCheck:
    from ..bounds import xsech2_supremum

    with working_precision(128):
        gstar = xsech2_supremum().value
        bound = _arb_up(gstar / 4 * _a(hi["U_f"]), _a(hi["U_i"]) / 4, _a(hi["U_c"]))
    measured, _ = _lstm_path(p, xs, traj, jacs)
    worst = float(measured.max()) if measured.size else 0.0
    why = ("n = 1: |(1 - tanh^2 c) c| <= g* squeezes eq (9) (forget-dominant, proved in 1-D)"
           if n == 1 else
           "n >= 2: not a bound: eq (9)'s c_{t-1}[k] and 1 - tanh^2 c_{t-1}[l] are different "
           "coordinates (four-gates, forget-dominant refuted in n-D); see forget-dominant-nd")
    reading = "forget-dominant/pointwise" if n == 1 else "forget-dominant/nd"
    return BoundCheck("forget-dominant", (reading,),
                      "||dc_t/dc_{t-1} - diag(f_t)||_2 (c-path, t >= 2)",
                      "eps(U) = (g*/4)||U_f||_2 + ||U_i||_2/4 + ||U_c||_2", bound, n == 1, why,
                      worst, bound - worst)


def _forget_dominant_nd(cell: str, p: dict, xs: Array, traj: tuple, jacs: Array, hi: dict,
                        n: int) -> BoundCheck:
    measured, cmax = _lstm_path(p, xs, traj, jacs)
    with working_precision(128):
        rest = _a(hi["U_i"]) / 4 + _a(hi["U_c"])
        per_step = np.vectorize(lambda c: _arb_up(_a(c) / 4 * _a(hi["U_f"]), rest))(cmax) \
            if cmax.size else np.zeros(0)
    bound = float(per_step.max()) if per_step.size else 0.0
    margin = float(np.min(per_step - measured)) if measured.size else 0.0
    return BoundCheck(
        "forget-dominant-nd", ("eq8/nd", "eq10a/nd", "eq10b/nd"),
        "||dc_t/dc_{t-1} - diag(f_t)||_2 (c-path, t >= 2)",
        "(||c_{t-1}||_inf/4)||U_f||_2 + ||U_i||_2/4 + ||U_c||_2, at each step", bound, True,
        "eq (8) in n-D: [diag(c f(1-f)) U_f + diag(chat i(1-i)) U_i + diag(i(1-chat^2)) U_c] "
        "diag(o_{t-1}(1 - tanh^2 c_{t-1})); diagonal factors <= ||c||_inf/4, 1/4, 1 and 1",
        float(measured.max()) if measured.size else 0.0, margin)


# --- gru, gru_torch -----------------------------------------------------------------------

def _gru_deviation(cell: str, p: dict, xs: Array, traj: tuple, jacs: Array) -> Array:
    """||J_t - diag(main_t)||_2, ``(R, T)``: main = 1 - z (eq 11), z (PyTorch)."""
    (hs,) = traj
    fwd = kernel(cell).forward
    out = []
    for t in range(xs.shape[0]):
        z = fwd(p, xs[t], (hs[t],))[1]["z"]
        main = 1 - z if cell == "gru" else z
        dev = jacs[t].copy()
        idx = np.arange(dev.shape[-1])
        dev[:, idx, idx] -= main
        out.append(np.linalg.norm(dev, ord=2, axis=(1, 2)))
    return np.array(out).T


def _bounded_h(traj: tuple) -> bool:
    return bool(np.max(np.abs(traj[0])) <= 1.0)


def _psi_upper(k_hi: float) -> arb:
    """psi(k) <= psi(k_hi) for k <= k_hi: psi is 1 on [0, 1] and (1 + k)^2/(4k) >= 1,
    increasing, above."""
    k = _a(k_hi)
    return arb(1) if k_hi <= 1 else (1 + k) ** 2 / (4 * k)


def _gru_bound(cell: str, p: dict, xs: Array, traj: tuple, jacs: Array, hi: dict,
               n: int) -> BoundCheck:
    with working_precision(128):
        bound = _arb_up(_a(hi["U_z"]) / 2, _psi_upper(hi["U_r"]) * _a(hi["U_h"]))
    measured = _gru_deviation(cell, p, xs, traj, jacs)
    worst = float(measured.max())
    why = ("n = 1 with |h_{t-1}| <= 1: the 1-D term suprema (gru-less-stable)" if n == 1 else
           "n >= 2: not a bound: ||diag(r) + diag(r(1-r)h) U_r||_2 can exceed psi(||U_r||_2) "
           "(r = (1, 1/2), h_2 = 1, U_r = e_2 e_1^T: 1.04 > psi(1) = 1); see gru-bound-nd")
    return BoundCheck("gru-bound", ("gru-less-stable/term-by-term",), "||J_t - diag(1 - z_t)||_2",
                      "||U_z||_2/2 + psi(||U_r||_2)||U_h||_2", bound,
                      n == 1 and _bounded_h(traj), why, worst, bound - worst)


def _gru_bound_nd(cell: str, p: dict, xs: Array, traj: tuple, jacs: Array, hi: dict,
                  n: int) -> BoundCheck:
    with working_precision(128):
        if cell == "gru":
            bound = _arb_up(_a(hi["U_z"]) / 2, _a(hi["U_h"]) * (1 + _a(hi["U_r"]) / 4))
            formula = "||U_z||_2/2 + ||U_h||_2 (1 + ||U_r||_2/4)"
            quantity = "||J_t - diag(1 - z_t)||_2"
            why = ("J_t - diag(1-z) = diag(z(1-z)(hhat - h)) U_z + diag(z(1-hhat^2)) U_h "
                   "[diag(r) + diag(r(1-r)h) U_r], |h| <= 1: factors <= 1/2, 1, 1, 1/4")
        else:
            u_inf = _a(inf_norm_upper(p["U_h"])) + _a(inf_norm_upper(p["bu_h"]))
            bound = _arb_up(_a(hi["U_z"]) / 2, _a(hi["U_h"]), u_inf * _a(hi["U_r"]) / 4)
            formula = "||U_z||_2/2 + ||U_h||_2 + (||U_h||_inf + ||bu_h||_inf)||U_r||_2/4"
            quantity = "||J_t - diag(z_t)||_2"
            why = ("J_t - diag(z) = diag(z(1-z)(h - n)) U_z + diag((1-z)(1-n^2)) [diag(r) U_h "
                   "+ diag(r(1-r)u) U_r], u = U_h h + bu_h, |h| <= 1 so |u_k| <= ||U_h||_inf + "
                   "||bu_h||_inf")
    measured = _gru_deviation(cell, p, xs, traj, jacs)
    worst = float(measured.max())
    certified = _bounded_h(traj)
    if not certified:
        why = "not certified here: the trajectory left ||h||_inf <= 1 (" + why + ")"
    readings = ("eq13/nd", "gru-h-bounded/nd") if cell == "gru" else ("gru-h-bounded/nd",)
    return BoundCheck("gru-bound-nd", readings, quantity, formula, bound, certified, why, worst, bound - worst)


_CHECKS = {
    "pascanu-norm-bound": _pascanu_norm,
    "pascanu-vanishing-sufficient": _pascanu_vanishing,
    "forget-dominant": _forget_dominant,
    "forget-dominant-nd": _forget_dominant_nd,
    "gru-bound": _gru_bound,
    "gru-bound-nd": _gru_bound_nd,
}
