r"""The cells people actually train, beyond the article's three.

Each is written in the catalog's 1-D convention (a product of one matrix parameter with a
vector is the matrix-vector product; every other product is elementwise), and each runs
through the same analysis as a user's cell (:func:`symrnn.custom.analyze`).

**peephole LSTM** (Gers & Schmidhuber 2000): the gates also see the cell state, through
diagonal ("peephole") weights :math:`p_*`, vectors multiplied elementwise:

.. math::

    f_t = \sigma(W_f x_t + U_f h_{t-1} + p_f \circ c_{t-1} + b_f), \quad
    i_t = \sigma(W_i x_t + U_i h_{t-1} + p_i \circ c_{t-1} + b_i), \\
    \hat c_t = \tanh(W_c x_t + U_c h_{t-1} + b_c), \quad
    c_t = f_t \circ c_{t-1} + i_t \circ \hat c_t, \\
    o_t = \sigma(W_o x_t + U_o h_{t-1} + p_o \circ c_t + b_o), \quad
    h_t = o_t \circ \tanh(c_t).

The output gate peeks at the *new* :math:`c_t`, the other two at :math:`c_{t-1}`
(Gers et al. 2002; Greff et al. 2017's "vanilla" LSTM). Some implementations (TensorFlow 1's
``LSTMCell(use_peepholes=True)``) follow this; others feed :math:`c_{t-1}` to all three.

**CIFG LSTM** (coupled input and forget gate; Greff et al. 2017): the LSTM with
:math:`f_t = 1 - i_t`, so :math:`c_t = (1 - i_t) \circ c_{t-1} + i_t \circ \hat c_t`
(without peepholes here). Greff et al. compute :math:`i_t` and couple the forget gate to
it; other code computes :math:`f_t` and sets :math:`i_t = 1 - f_t`. The two are the same
cell under :math:`\sigma(-a) = 1 - \sigma(a)` (negate :math:`W_i, U_i, b_i`).

**MGU** (minimal gated unit; Zhou et al. 2016): one forget gate, used both inside the
candidate and as the update gate. The published form,

.. math::

    f_t = \sigma(W_f x_t + U_f h_{t-1} + b_f), \quad
    \hat h_t = \tanh(W_h x_t + U_h (f_t \circ h_{t-1}) + b_h), \quad
    h_t = (1 - f_t) \circ h_{t-1} + f_t \circ \hat h_t,

is *exactly* the article's single-gate GRU, eq (12), with :math:`r_t` renamed :math:`f_t`
(``mgu_zhou``; tests check the identity). Two implementations in use differ from it:

* ``mgu_keep`` — RecurrentLayers.jl's ``MGUCell`` code (``src/cells/mgu_cell.jl``) keeps the
  old state with :math:`f_t`, :math:`h_t = f_t \circ h_{t-1} + (1 - f_t) \circ \hat h_t`, with
  the candidate as published (the gate applied *before* the product, :math:`U_h (f_t \circ
  h_{t-1})`); its docstring prints the published orientation, its code computes this one.
  Here the gate that keeps history also scales :math:`h_{t-1}` inside the candidate.
* ``mgu_flax`` — Flax's ``flax.linen.MGUCell`` (default ``reset_gate=True``) keeps the old
  state with :math:`f_t` too, but applies the gate *after* the product, with a recurrent bias
  :math:`b^u_h` inside, as PyTorch's GRU does (``gru_torch``):

  .. math::

      \hat h_t = \tanh(W_h x_t + b_h + f_t \circ (U_h h_{t-1} + b^u_h)), \quad
      h_t = (1 - f_t) \circ \hat h_t + f_t \circ h_{t-1}.

  ``mgu_keep`` and ``mgu_flax`` agree only in 1-D (where :math:`U_h (f h) = f (U_h h)`) and
  with :math:`b^u_h = 0`; for :math:`n \ge 2` their states and Jacobians differ (tests show it).

**minGRU and minLSTM** (Feng et al. 2024, "Were RNNs all we needed?"): gates and candidate
depend on the input only. The paper's sequential form (its §3, eqs for minGRU and minLSTM)
has no activation on the candidate:

.. math::

    \text{minGRU:}\ z_t = \sigma(W_z x_t + b_z),\ \tilde h_t = W_h x_t + b_h,\
        h_t = (1 - z_t) \circ h_{t-1} + z_t \circ \tilde h_t; \\
    \text{minLSTM:}\ f_t = \sigma(W_f x_t + b_f),\ i_t = \sigma(W_i x_t + b_i),\
        \tilde h_t = W_h x_t + b_h,\ h_t = \frac{f_t}{f_t + i_t} \circ h_{t-1}
        + \frac{i_t}{f_t + i_t} \circ \tilde h_t

(``min_gru``, ``min_lstm``). The models people train use the paper's log-space version
(its appendix B.3), which applies :math:`g(a) = a + 1/2` for :math:`a \ge 0`, :math:`\sigma(a)`
otherwise, to the candidate, :math:`\tilde h_t = g(W_h x_t + b_h)`, to keep states positive,
and the sequential step of that code applies :math:`g` as well (the most used public code,
lucidrains/minGRU-pytorch, ``minGRU.py`` and ``minLSTM.py``: ``hidden = g(hidden)`` in the
``seq_len == 1`` branch). These are ``min_gru_g`` and ``min_lstm_g``, with :math:`g` written
in the catalog's functions as :math:`g(a) = \mathrm{relu}(a) + \sigma(-\mathrm{relu}(-a))`
(the same function: :math:`a + \sigma(0)` for :math:`a \ge 0`, :math:`\sigma(a)` below).
The Jacobians are diagonal, carry no weight, and are the same with or without :math:`g`
(:math:`1 - z_t` and :math:`f_t/(f_t + i_t)`); the states are not. minLSTM without the
normalisation (:math:`h_t = f_t \circ h_{t-1} + i_t \circ \tilde h_t`, the paper's first
step) is a common simplification, not in the catalog.

**IndRNN** (Li et al. 2018): each unit has its own scalar recurrent weight, a vector
:math:`u` multiplied elementwise: :math:`h_t = \mathrm{relu}(W x_t + u \circ h_{t-1} + b)`.
Its Jacobian :math:`\mathrm{diag}(\theta(\cdot)\, u)` is diagonal, so unit :math:`j`'s
gradient over :math:`T` steps is :math:`u_j^T` times relu derivatives in :math:`\{0, 1\}`.
The paper keeps that product within :math:`[\epsilon, \gamma]`: for relu it constrains
:math:`|u_j| \le \gamma^{1/T}` (its analysis of backpropagation through time), a :math:`T`-th root that *exceeds* 1 for the
allowed magnification :math:`\gamma > 1` (the authors' code clips to ``MAG ** (1/seq_len)``,
e.g. ``MAG = 2``). :math:`|u_j| \le 1` is a stricter, sufficient condition against
explosion (every per-step factor at most 1), not the paper's constraint. The paper uses
relu; tanh is also used in practice.

**JANET** (van der Westhuizen & Lasenby 2018, "The unreasonable effectiveness of the forget
gate"): an LSTM with the forget gate alone, input gate tied as :math:`1 - f_t`, and a shift
:math:`\beta` in the input gate's pre-activation:

.. math::

    s_t = W_f x_t + U_f h_{t-1} + b_f, \quad f_t = \sigma(s_t), \quad
    \hat c_t = \tanh(W_c x_t + U_c h_{t-1} + b_c), \\
    h_t = c_t = f_t \circ h_{t-1} + (1 - \sigma(s_t - \beta)) \circ \hat c_t

(one state, since :math:`h_t = c_t`).

:math:`\beta` is a fixed hyper-parameter (the paper uses 1), here a vector parameter
``beta``; with :math:`\beta = 0` it is the plain coupled form. Several reimplementations drop
:math:`\beta` and use :math:`1 - f_t` directly.

References
----------
F. A. Gers, J. Schmidhuber, "Recurrent nets that time and count", IJCNN 2000;
F. A. Gers, N. Schraudolph, J. Schmidhuber, "Learning precise timing with LSTM recurrent
networks", JMLR 3 (2002).
K. Greff, R. K. Srivastava, J. Koutník, B. R. Steunebrink, J. Schmidhuber, "LSTM: a search
space odyssey", IEEE TNNLS 28 (2017).
G.-B. Zhou, J. Wu, C.-L. Zhang, Z.-H. Zhou, "Minimal gated unit for recurrent neural
networks", Int. J. Automation and Computing 13 (2016); arXiv:1603.09420.
L. Feng, F. Tung, M. O. Ahmed, Y. Bengio, H. Hajimirsadeghi, "Were RNNs all we needed?",
arXiv:2410.01201 (2024); code: P. Wang (lucidrains), minGRU-pytorch,
https://github.com/lucidrains/minGRU-pytorch (``minGRU.py``, ``minLSTM.py``).
F. Martinuzzi, RecurrentLayers.jl, https://github.com/MartinuzziFrancesco/RecurrentLayers.jl
(``src/cells/mgu_cell.jl``).
Flax authors, ``flax.linen.MGUCell``, https://github.com/google/flax
(``flax/linen/recurrent.py``).
S. Li, W. Li, C. Cook, C. Zhu, Y. Gao, "Independently recurrent neural network (IndRNN)",
CVPR 2018.
J. van der Westhuizen, J. Lasenby, "The unreasonable effectiveness of the forget gate",
arXiv:1804.04849 (2018).
"""

from __future__ import annotations

from sympy import Expr, tanh

from ..activations import relu, sigmoid
from ._base import Cell, Param, State, params_for, prev_sym, t_sym

__all__ = ["EXTENDED", "peephole_lstm", "cifg_lstm", "mgu_zhou", "mgu_keep", "mgu_flax",
           "min_gru", "min_gru_g", "min_lstm", "min_lstm_g", "indrnn", "janet"]

x = t_sym("x")
h_prev, c_prev = prev_sym("h"), prev_sym("c")
h, c = t_sym("h"), t_sym("c")
f, i, o, z = t_sym("f"), t_sym("i"), t_sym("o"), t_sym("z")
c_hat, h_hat, h_tilde = t_sym("chat"), t_sym("hhat"), t_sym("htilde")


def _syms(params: tuple[Param, ...]) -> dict[str, object]:
    return {p.name: p.symbol for p in params}


def _vectors(*names: str) -> tuple[Param, ...]:
    return tuple(Param(n, "bias") for n in names)


def _input_only(*suffixes: str) -> tuple[Param, ...]:
    return tuple(p for p in params_for(*suffixes) if p.kind != "recurrent_matrix")


_p = params_for("f", "i", "o", "c") + _vectors("p_f", "p_i", "p_o")
P = _syms(_p)
peephole_lstm = Cell(
    name="peephole_lstm",
    title="LSTM with peephole connections",
    equation="",
    states=(State("h"), State("c")),
    gates=(f, i, c_hat, o),
    definitions=(
        (f, sigmoid(P["W_f"] * x + P["U_f"] * h_prev + P["p_f"] * c_prev + P["b_f"])),
        (i, sigmoid(P["W_i"] * x + P["U_i"] * h_prev + P["p_i"] * c_prev + P["b_i"])),
        (c_hat, tanh(P["W_c"] * x + P["U_c"] * h_prev + P["b_c"])),
        (c, f * c_prev + i * c_hat),
        (o, sigmoid(P["W_o"] * x + P["U_o"] * h_prev + P["p_o"] * c + P["b_o"])),
        (h, o * tanh(c)),
    ),
    params=_p,
    reference="Gers & Schmidhuber 2000; Gers, Schraudolph & Schmidhuber 2002; Greff et al. 2017.",
    notes="diagonal peepholes p_f, p_i on c_{t-1}, p_o on c_t (Gers et al. 2002); some code "
          "feeds c_{t-1} to the output gate too",
)

_p = params_for("i", "o", "c")
P = _syms(_p)
cifg_lstm = Cell(
    name="cifg_lstm",
    title="CIFG LSTM (coupled input and forget gate)",
    equation="",
    states=(State("h"), State("c")),
    gates=(i, o, c_hat),
    definitions=(
        (i, sigmoid(P["W_i"] * x + P["U_i"] * h_prev + P["b_i"])),
        (o, sigmoid(P["W_o"] * x + P["U_o"] * h_prev + P["b_o"])),
        (c_hat, tanh(P["W_c"] * x + P["U_c"] * h_prev + P["b_c"])),
        (c, (1 - i) * c_prev + i * c_hat),
        (h, o * tanh(c)),
    ),
    params=_p,
    reference="Greff et al. 2017 (CIFG variant).",
    notes="forget gate f_t = 1 - i_t (Greff et al.); computing f_t and setting i_t = 1 - f_t is "
          "the same cell with W_i, U_i, b_i negated",
)

_p = params_for("f", "h")
P = _syms(_p)
mgu_zhou = Cell(
    name="mgu_zhou",
    title="minimal gated unit (published form)",
    equation="",
    states=(State("h"),),
    gates=(f, h_hat),
    definitions=(
        (f, sigmoid(P["W_f"] * x + P["U_f"] * h_prev + P["b_f"])),
        (h_hat, tanh(P["W_h"] * x + P["U_h"] * (f * h_prev) + P["b_h"])),
        (h, (1 - f) * h_prev + f * h_hat),
    ),
    params=_p,
    reference="Zhou et al. 2016, arXiv:1603.09420.",
    notes="identical to the article's eq (12) with r_t renamed f_t: 1 - f_t keeps the old state",
)

mgu_keep = Cell(
    name="mgu_keep",
    title="minimal gated unit (f keeps the old state: RecurrentLayers.jl code)",
    equation="",
    states=(State("h"),),
    gates=(f, h_hat),
    definitions=(
        (f, sigmoid(P["W_f"] * x + P["U_f"] * h_prev + P["b_f"])),
        (h_hat, tanh(P["W_h"] * x + P["U_h"] * (f * h_prev) + P["b_h"])),
        (h, f * h_prev + (1 - f) * h_hat),
    ),
    params=_p,
    reference="Martinuzzi, RecurrentLayers.jl MGUCell code (src/cells/mgu_cell.jl); "
              "Zhou et al. 2016 with f and 1 - f swapped.",
    notes="orientation opposite to eq (12) and to the MGU paper: f_t weights h_{t-1}; gate "
          "applied before U_h, U_h (f_t h_{t-1})",
)

_p = params_for("f", "h") + _vectors("bu_h")
P = _syms(_p)
mgu_flax = Cell(
    name="mgu_flax",
    title="minimal gated unit (Flax: f keeps the old state, gate after U_h)",
    equation="",
    states=(State("h"),),
    gates=(f, h_hat),
    definitions=(
        (f, sigmoid(P["W_f"] * x + P["U_f"] * h_prev + P["b_f"])),
        (h_hat, tanh(P["W_h"] * x + P["b_h"] + f * (P["U_h"] * h_prev + P["bu_h"]))),
        (h, (1 - f) * h_hat + f * h_prev),
    ),
    params=_p,
    reference="Flax authors, flax.linen.MGUCell (reset_gate=True), google/flax "
              "flax/linen/recurrent.py.",
    notes="f_t weights h_{t-1}; the gate multiplies U_h h_{t-1} + bu_h after the product "
          "(reset-after, as gru_torch); equals mgu_keep only in 1-D with bu_h = 0",
)



def _g(a: Expr) -> Expr:
    """minGRU's g(a) = a + 1/2 (a >= 0), sigma(a) (a < 0), as relu(a) + sigma(-relu(-a))."""
    return relu(a) + sigmoid(-relu(-a))


_p = _input_only("z", "h")
P = _syms(_p)
min_gru = Cell(
    name="min_gru",
    title="minGRU (paper's sequential form)",
    equation="",
    states=(State("h"),),
    gates=(z, h_tilde),
    definitions=(
        (z, sigmoid(P["W_z"] * x + P["b_z"])),
        (h_tilde, P["W_h"] * x + P["b_h"]),
        (h, (1 - z) * h_prev + z * h_tilde),
    ),
    params=_p,
    reference="Feng et al. 2024, arXiv:2410.01201 (sequential form, section 3).",
    notes="gates see x_t only; no activation on the candidate (min_gru_g: g(htilde), as trained)",
)

min_gru_g = Cell(
    name="min_gru_g",
    title="minGRU with g on the candidate (as the public code trains it)",
    equation="",
    states=(State("h"),),
    gates=(z, h_tilde),
    definitions=(
        (z, sigmoid(P["W_z"] * x + P["b_z"])),
        (h_tilde, _g(P["W_h"] * x + P["b_h"])),
        (h, (1 - z) * h_prev + z * h_tilde),
    ),
    params=_p,
    reference="Feng et al. 2024, arXiv:2410.01201 (log-space version, appendix B.3); "
              "lucidrains/minGRU-pytorch minGRU.py (sequential step applies g).",
    notes="htilde = g(W_h x + b_h), g(a) = a + 1/2 (a >= 0), sigma(a) (a < 0), written "
          "relu(a) + sigma(-relu(-a)); same Jacobian as min_gru, different states",
)

_p = _input_only("f", "i", "h")
P = _syms(_p)
min_lstm = Cell(
    name="min_lstm",
    title="minLSTM (paper's sequential form, normalised gates)",
    equation="",
    states=(State("h"),),
    gates=(f, i, h_tilde),
    definitions=(
        (f, sigmoid(P["W_f"] * x + P["b_f"])),
        (i, sigmoid(P["W_i"] * x + P["b_i"])),
        (h_tilde, P["W_h"] * x + P["b_h"]),
        (h, f / (f + i) * h_prev + i / (f + i) * h_tilde),
    ),
    params=_p,
    reference="Feng et al. 2024, arXiv:2410.01201 (sequential form, normalised f', i').",
    notes="f' = f/(f+i), i' = i/(f+i); no activation on the candidate (min_lstm_g: with g)",
)

min_lstm_g = Cell(
    name="min_lstm_g",
    title="minLSTM with g on the candidate (as the public code trains it)",
    equation="",
    states=(State("h"),),
    gates=(f, i, h_tilde),
    definitions=(
        (f, sigmoid(P["W_f"] * x + P["b_f"])),
        (i, sigmoid(P["W_i"] * x + P["b_i"])),
        (h_tilde, _g(P["W_h"] * x + P["b_h"])),
        (h, f / (f + i) * h_prev + i / (f + i) * h_tilde),
    ),
    params=_p,
    reference="Feng et al. 2024, arXiv:2410.01201 (log-space version, appendix B.3); "
              "lucidrains/minGRU-pytorch minLSTM.py (sequential step applies g).",
    notes="htilde = g(W_h x + b_h) as in min_gru_g; normalised f', i' as in min_lstm",
)

_p = (Param("W", "input_matrix"), Param("u", "bias"), Param("b", "bias"))
P = _syms(_p)
indrnn = Cell(
    name="indrnn",
    title="IndRNN (elementwise recurrent weight)",
    equation="",
    states=(State("h"),),
    gates=(),
    definitions=((h, relu(P["W"] * x + P["u"] * h_prev + P["b"])),),
    params=_p,
    reference="Li et al. 2018, CVPR.",
    notes="u is a vector: u ∘ h_{t-1} (one recurrent weight per unit); relu as in the paper, "
          "which bounds |u_j| by a T-th root gamma^(1/T) > 1, not by 1",
)

_p = params_for("f", "c") + _vectors("beta")
P = _syms(_p)
s_f, j = t_sym("s"), t_sym("j")
janet = Cell(
    name="janet",
    title="JANET (forget gate only, shifted input gate)",
    equation="",
    states=(State("h"),),
    gates=(s_f, f, j, c_hat),
    definitions=(
        (s_f, P["W_f"] * x + P["U_f"] * h_prev + P["b_f"]),
        (f, sigmoid(s_f)),
        (j, sigmoid(s_f - P["beta"])),
        (c_hat, tanh(P["W_c"] * x + P["U_c"] * h_prev + P["b_c"])),
        (h, f * h_prev + (1 - j) * c_hat),
    ),
    params=_p,
    reference="van der Westhuizen & Lasenby 2018, arXiv:1804.04849.",
    notes="h_t = c_t, so one state; input gate 1 - j_t = 1 - sigma(s_t - beta), beta a fixed "
          "shift (1 in the paper); many reimplementations use 1 - f_t (beta = 0)",
)

#: The extended catalog, by name.
EXTENDED: dict[str, Cell] = {
    cell.name: cell
    for cell in (peephole_lstm, cifg_lstm, mgu_zhou, mgu_keep, mgu_flax, min_gru, min_gru_g,
                 min_lstm, min_lstm_g, indrnn, janet)
}
