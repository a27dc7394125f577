"""symrnn.from_torch against PyTorch itself: forward states, per-step Jacobians, products
and BPTT gradients from torch.autograd (float64, < 1e-12), and refusal of wrong mappings.

PyTorch is an optional dependency of symrnn; the test extra installs it on Python 3.11 (the
CPU wheel), so these tests run in CI.
"""

from __future__ import annotations

import numpy as np
import pytest
from optional import require

import symrnn
from symrnn._errors import InvalidArgumentError, ShapeError, SymrnnError

torch = require("torch", "the importer tests compare with torch's own forward and autograd")
TOL = 1e-12
M, N, B, T = 3, 5, 2, 6


def _seeded(module):
    torch.manual_seed(0)
    for p in module.parameters():  # away from init so every gate matters
        torch.nn.init.uniform_(p, -0.9, 0.9)
    return module.double()


MODULES = {
    "RNN tanh": lambda: torch.nn.RNN(M, N),
    "RNN relu": lambda: torch.nn.RNN(M, N, nonlinearity="relu"),
    "LSTM": lambda: torch.nn.LSTM(M, N),
    "GRU": lambda: torch.nn.GRU(M, N),
    "RNNCell tanh": lambda: torch.nn.RNNCell(M, N),
    "RNNCell relu": lambda: torch.nn.RNNCell(M, N, nonlinearity="relu"),
    "LSTMCell": lambda: torch.nn.LSTMCell(M, N),
    "GRUCell": lambda: torch.nn.GRUCell(M, N),
}
CELLS = {"RNN tanh": "rnn", "RNN relu": "relu_rnn", "LSTM": "lstm", "GRU": "gru_torch",
         "RNNCell tanh": "rnn", "RNNCell relu": "relu_rnn", "LSTMCell": "lstm",
         "GRUCell": "gru_torch"}


def torch_step(module, x, state):
    """One step of the torch module; state is h or (h, c), batched (B, n)."""
    if isinstance(module, torch.nn.modules.rnn.RNNCellBase):
        out = module(x, state if len(state) > 1 else state[0])
        return out if isinstance(out, tuple) else (out,)
    if isinstance(module, torch.nn.LSTM):
        _, (h, c) = module(x[None], (state[0][None], state[1][None]))
        return h[0], c[0]
    _, h = module(x[None], state[0][None])
    return (h[0],)


def _state(kind: str, rng: np.random.Generator) -> tuple:
    count = 2 if "LSTM" in kind else 1
    return tuple(rng.uniform(-0.8, 0.8, (B, N)) for _ in range(count))


def _pack(s: tuple):
    return s if len(s) > 1 else s[0]


@pytest.mark.parametrize("kind", MODULES)
class TestRoundTrip:
    def test_cell_name_and_forward_states_match_torch(self, kind: str) -> None:
        module = _seeded(MODULES[kind]())
        cell, params = symrnn.from_torch(module)
        assert cell == CELLS[kind]
        rng = np.random.default_rng(1)
        xs = rng.normal(size=(T, B, M))
        state = _state(kind, rng)
        ours = tuple(np.asarray(s) for s in state)
        theirs = tuple(torch.tensor(s) for s in state)
        with torch.no_grad():
            for x in xs:
                ours = _split(symrnn.step(cell, params, x, _pack(ours)))
                theirs = torch_step(module, torch.tensor(x), theirs)
        for a, b in zip(ours, theirs):
            np.testing.assert_allclose(a, b.numpy(), rtol=0, atol=TOL)

    def test_step_jacobian_matches_torch_autograd(self, kind: str) -> None:
        module = _seeded(MODULES[kind]())
        cell, params = symrnn.from_torch(module)
        rng = np.random.default_rng(2)
        x = rng.normal(size=M)
        state = tuple(s[0] for s in _state(kind, rng))
        flat = torch.tensor(np.concatenate(state))

        def f(v):
            parts = tuple(v[k * N:(k + 1) * N][None] for k in range(len(state)))
            return torch.cat([s[0] for s in torch_step(module, torch.tensor(x)[None], parts)])

        want = torch.autograd.functional.jacobian(f, flat).numpy()
        got = symrnn.jacobian(cell, params, x, _pack(state))
        np.testing.assert_allclose(got, want, rtol=0, atol=TOL)
        blocks = symrnn.jacobian(cell, params, x, _pack(state), structured=True)
        np.testing.assert_allclose(blocks.dense(), want, rtol=0, atol=TOL)

    def test_sequence_product_and_bptt_match_torch_autograd(self, kind: str) -> None:
        module = _seeded(MODULES[kind]())
        cell, params = symrnn.from_torch(module)
        rng = np.random.default_rng(3)
        xs = rng.normal(size=(T, M))
        state = tuple(s[0] for s in _state(kind, rng))
        k = len(state)

        def run(v, named=None):
            parts = tuple(v[j * N:(j + 1) * N][None] for j in range(k))
            mod = module if named is None else named
            for x in xs:
                parts = torch_step(mod, torch.tensor(x)[None], parts)
            return torch.cat([s[0] for s in parts])

        flat = torch.tensor(np.concatenate(state))
        want = torch.autograd.functional.jacobian(run, flat).numpy()
        got = symrnn.jacobian_product(cell, params, xs, _pack(state))
        np.testing.assert_allclose(got, want, rtol=0, atol=TOL * max(1.0, np.abs(want).max()))

        # BPTT: L = sum(h_T); torch's parameter gradients mapped back by the same rows
        module.zero_grad()
        run(flat.clone())[:N].sum().backward()
        result = symrnn.bptt(cell, params, xs, _pack(state))
        grads = {name: p.grad.numpy() for name, p in module.named_parameters()}
        mapped = symrnn.from_torch({name: g for name, g in grads.items()}, cell=_plain(cell))
        for name, g in result.grad_params.items():
            if name == "b_h" and cell == "gru_torch" or name == "bu_h":
                continue  # split biases: b_h <- bias_ih rows, bu_h <- bias_hh rows (below)
            if name.startswith("b"):  # b = b_ih + b_hh: each receives the full gradient
                np.testing.assert_allclose(2 * g, mapped.params[name], rtol=0, atol=TOL)
            else:
                np.testing.assert_allclose(g, mapped.params[name], rtol=0, atol=TOL)
        if cell == "gru_torch":
            np.testing.assert_allclose(result.grad_params["b_h"], mapped.params["b_h"], atol=TOL)
            np.testing.assert_allclose(result.grad_params["bu_h"], mapped.params["bu_h"], atol=TOL)


def _split(s):
    return s if isinstance(s, tuple) else (s,)


def _plain(cell: str) -> str | None:
    return cell if cell in ("rnn", "relu_rnn") else None


class TestLayersAndDirections:
    def test_layer_one_of_a_stacked_lstm_takes_layer_zeros_outputs(self) -> None:
        module = _seeded(torch.nn.LSTM(M, N, num_layers=2))
        xs = np.random.default_rng(4).normal(size=(T, B, M))
        with torch.no_grad():
            out, _ = module(torch.tensor(xs))
        zero = (np.zeros((B, N)), np.zeros((B, N)))
        cell0, p0 = symrnn.from_torch(module, layer=0)
        cell1, p1 = symrnn.from_torch(module, layer=1)
        h0, _ = symrnn.unroll(cell0, p0, xs, zero)
        h1, _ = symrnn.unroll(cell1, p1, h0[1:], zero)
        np.testing.assert_allclose(h1[1:], out.numpy(), rtol=0, atol=TOL)

    def test_reverse_direction_runs_over_the_reversed_sequence(self) -> None:
        module = _seeded(torch.nn.GRU(M, N, bidirectional=True))
        xs = np.random.default_rng(5).normal(size=(T, B, M))
        with torch.no_grad():
            out, _ = module(torch.tensor(xs))
        cell, p = symrnn.from_torch(module, reverse=True)
        hs = symrnn.unroll(cell, p, xs[::-1], np.zeros((B, N)))
        np.testing.assert_allclose(hs[1:][::-1], out.numpy()[..., N:], rtol=0, atol=TOL)

    def test_bias_false_gives_zero_biases(self) -> None:
        cell, p = symrnn.from_torch(_seeded(torch.nn.LSTM(M, N, bias=False)))
        assert cell == "lstm" and all(not p[b].any() for b in ("b_f", "b_i", "b_o", "b_c"))

    def test_lstm_gate_rows_are_i_f_g_o(self) -> None:
        module = _seeded(torch.nn.LSTM(M, N))
        w = module.weight_ih_l0.detach().numpy()
        _, p = symrnn.from_torch(module)
        for k, name in enumerate(("W_i", "W_f", "W_c", "W_o")):
            np.testing.assert_array_equal(p[name], w[k * N:(k + 1) * N])

    def test_a_naive_mapping_in_symrnns_order_is_far_off(self) -> None:
        # the silent error the importer prevents: torch rows read as f, i, o, c
        module = _seeded(torch.nn.LSTM(M, N))
        _, good = symrnn.from_torch(module)
        sd = {k: v.detach().numpy() for k, v in module.state_dict().items()}
        naive = {}
        for k, g in enumerate("fioc"):
            rows = slice(k * N, (k + 1) * N)
            naive[f"W_{g}"], naive[f"U_{g}"] = sd["weight_ih_l0"][rows], sd["weight_hh_l0"][rows]
            naive[f"b_{g}"] = sd["bias_ih_l0"][rows] + sd["bias_hh_l0"][rows]
        x, s = np.ones(M), (np.full(N, 0.5), np.full(N, 0.5))
        assert np.max(np.abs(symrnn.step("lstm", good, x, s)[1] - symrnn.step("lstm", naive, x, s)[1])) > 0.05


class TestSources:
    def test_state_dict_with_a_prefix_from_a_larger_model(self) -> None:
        class Model(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.rnn = torch.nn.GRU(M, N)
                self.head = torch.nn.Linear(N, 1)

        model = Model().double()
        cell, p = symrnn.from_torch(model.state_dict())
        assert cell == "gru_torch"
        _, direct = symrnn.from_torch(model.rnn)
        assert all(np.array_equal(p[k], direct[k]) for k in p)

    def test_module_with_several_recurrent_layers_needs_a_prefix(self) -> None:
        class Two(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.a, self.b = torch.nn.GRU(M, N), torch.nn.LSTM(M, N)

        sd = Two().state_dict()
        with pytest.raises(InvalidArgumentError, match=r"several recurrent layers.*'a\.'.*'b\.'"):
            symrnn.from_torch(sd)
        assert symrnn.from_torch(sd, prefix="b.").cell == "lstm"

    def test_pt_file_round_trip(self, tmp_path) -> None:
        module = _seeded(torch.nn.LSTM(M, N))
        torch.save(module.state_dict(), tmp_path / "m.pt")
        cell, p = symrnn.from_torch(tmp_path / "m.pt")
        _, direct = symrnn.from_torch(module)
        assert cell == "lstm" and all(np.array_equal(p[k], direct[k]) for k in p)

    def test_a_pickled_whole_module_is_refused_with_the_fix(self, tmp_path) -> None:
        torch.save(torch.nn.LSTM(M, N), tmp_path / "whole.pt")
        with pytest.raises(InvalidArgumentError, match="save model.state_dict"):
            symrnn.from_torch(tmp_path / "whole.pt")

    def test_float32_weights_are_converted_exactly(self) -> None:
        module = torch.nn.GRU(M, N)  # float32
        _, p = symrnn.from_torch(module)
        assert p["W_r"].dtype == np.float64
        np.testing.assert_array_equal(p["W_r"], module.weight_ih_l0.detach().numpy()[:N])


BAD = [
    # (state dict edit, keyword arguments, error type, text naming the parameter)
    (lambda sd: sd.update(weight_ih_l0=sd["weight_ih_l0"][: 3 * N]), {}, ShapeError,
     r"weight_ih_l0 has shape \(15, 3\); a torch LSTM"),
    (lambda sd: sd.update(weight_hh_l0=sd["weight_hh_l0"].T), {}, ShapeError, "weight_hh_l0"),
    (lambda sd: sd.update(weight_ih_l0=sd["weight_ih_l0"].T), {}, ShapeError,
     r"weight_ih_l0 has shape \(3, 20\)"),
    (lambda sd: sd.pop("bias_hh_l0"), {}, InvalidArgumentError, "bias_hh_l0 is missing"),
    (lambda sd: sd.pop("weight_hh_l0"), {}, InvalidArgumentError, "weight_hh_l0 is missing"),
    (lambda sd: sd.update(bias_ih_l0=sd["bias_ih_l0"][:-1]), {}, ShapeError, "bias_ih_l0"),
    (lambda sd: sd.update(bias_ih_l0=sd["bias_ih_l0"] * np.nan), {}, InvalidArgumentError,
     "non-finite"),
    (lambda sd: None, {"layer": 1}, InvalidArgumentError, "weight_ih_l1 is missing"),
    (lambda sd: None, {"cell": "gru"}, InvalidArgumentError, "gru_torch"),
    (lambda sd: None, {"cell": "rnn"}, ShapeError, r"torch RNN_TANH layer"),
    (lambda sd: sd.update(weight_hr_l0=np.zeros((N, 2))), {}, InvalidArgumentError, "proj_size"),
]


@pytest.mark.parametrize("edit, kwargs, error, text", BAD)
def test_a_wrong_mapping_is_refused_naming_the_parameter(edit, kwargs, error, text) -> None:
    sd = {k: v.detach().numpy().copy() for k, v in _seeded(torch.nn.LSTM(M, N)).state_dict().items()}
    edit(sd)
    with pytest.raises(error, match=text):
        symrnn.from_torch(sd, **kwargs)


@pytest.mark.parametrize("module, text", [
    (lambda: torch.nn.LSTM(M, N, proj_size=2), "proj_size=2"),
    (lambda: torch.nn.Linear(M, N), "not a PyTorch recurrent layer"),
])
def test_modules_that_are_not_catalog_cells_are_refused(module, text) -> None:
    with pytest.raises(SymrnnError, match=text):
        symrnn.from_torch(module())


def test_a_plain_rnn_state_dict_asks_for_its_nonlinearity() -> None:
    sd = torch.nn.RNN(M, N).state_dict()
    with pytest.raises(InvalidArgumentError, match="cell='rnn'.*relu_rnn"):
        symrnn.from_torch(sd)
    assert symrnn.from_torch(sd, cell="relu_rnn").cell == "relu_rnn"


def test_layer_and_direction_out_of_range_are_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="num_layers=1"):
        symrnn.from_torch(torch.nn.GRU(M, N), layer=1)
    with pytest.raises(InvalidArgumentError, match="not bidirectional"):
        symrnn.from_torch(torch.nn.GRU(M, N), reverse=True)
