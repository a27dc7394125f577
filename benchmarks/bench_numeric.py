"""Benchmark of symrnn.numeric against the issue-3 performance targets.

Measures, in one run on this machine:

1. ``jacobian`` against ``step`` for the LSTM at n = 64, m = 64, batch 1024 (target: the
   Jacobian costs at most 3x a step on the same batch), with a fresh result array, with
   a reused ``out=`` buffer, and with ``structured=True`` (the blocks, the diagonal ones as
   vectors); in the same run, the same batched Jacobian by PyTorch's
   ``torch.func.vmap(torch.func.jacrev(step))`` in float64 on one thread, and the largest
   difference between the two (if PyTorch is installed);
2. the cost of ``jacobian`` against float64 central finite differences (2 * 2n batched
   ``step`` calls, one per state coordinate and sign) on the same batch, and the largest
   difference between the two results;
3. ``bptt`` over T = 1000 steps at n = m = 128, batch 1, for every catalog cell (target:
   < 1 s; the article's cells run hand-written code, the others the compiled tape).

BLAS runs single-threaded (``OPENBLAS_NUM_THREADS=1`` unless already set) and times are CPU
seconds of this process (``time.process_time``, which counts the kernel's page zeroing too),
the minimum over interleaved repeats with the median beside it: other processes share the
machine, and wall-clock ratios under load mostly measure the load. Run::

    .venv/bin/python benchmarks/bench_numeric.py            # full sizes, Markdown report
    .venv/bin/python benchmarks/bench_numeric.py --quick    # tiny sizes, a smoke test
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before numpy loads its BLAS

import numpy as np  # noqa: E402

from symrnn.numeric import CELL_NAMES, bptt, init_params, jacobian, state_names, step  # noqa: E402


def timings(functions: dict[str, Callable[[], object]], repeats: int) -> dict[str, list[float]]:
    """Seconds per call of each function, interleaved so that load spikes hit all alike."""
    for f in functions.values():
        f()  # warm-up: compilation, caches, page allocation
    out: dict[str, list[float]] = {k: [] for k in functions}
    for _ in range(repeats):
        for name, f in functions.items():
            start = time.process_time()
            f()
            out[name].append(time.process_time() - start)
    return out


def finite_difference_jacobian(cell: str, params: dict, x: np.ndarray, state: tuple) -> np.ndarray:
    """Central differences in float64, one batched ``step`` pair per state coordinate."""
    batch, n = state[0].shape
    size = n * len(state)
    flat = np.concatenate(state, axis=1)
    out = np.empty((batch, size, size))
    eps = 1e-6
    for j in range(size):
        values = []
        for sign in (1.0, -1.0):
            moved = flat.copy()
            moved[:, j] += sign * eps
            parts = tuple(np.ascontiguousarray(moved[:, k * n : (k + 1) * n]) for k in range(len(state)))
            new = step(cell, params, x, parts if len(parts) > 1 else parts[0])
            values.append(np.concatenate(new if isinstance(new, tuple) else (new,), axis=1))
        out[:, :, j] = (values[0] - values[1]) / (2 * eps)
    return out


def torch_jacobian(params: dict, x: np.ndarray, state: tuple) -> Callable[[], object] | None:
    """``torch.func.vmap(jacrev(step))`` for the same LSTM step and batch, float64, CPU, one
    thread; None without PyTorch. The step is eq (7) with the same weights."""
    try:
        import torch
        from torch.func import jacrev, vmap
    except ImportError:
        return None
    torch.set_num_threads(1)
    p = {k: torch.tensor(v) for k, v in params.items()}
    xt = torch.tensor(x)
    s0 = torch.tensor(np.concatenate(state, axis=1))
    n = state[0].shape[1]

    def lstm_step(s: "torch.Tensor", xi: "torch.Tensor") -> "torch.Tensor":
        h, c = s[:n], s[n:]
        pre = {g: p[f"W_{g}"] @ xi + p[f"U_{g}"] @ h + p[f"b_{g}"] for g in "fioc"}
        f, i, o = (torch.sigmoid(pre[g]) for g in "fio")
        c_new = f * c + i * torch.tanh(pre["c"])
        return torch.cat([o * torch.tanh(c_new), c_new])

    batched = vmap(jacrev(lstm_step), in_dims=(0, 0))
    return lambda: batched(s0, xt)


def bench_jacobian(n: int, m: int, batch: int, repeats: int) -> dict[str, float]:
    rng = np.random.default_rng(0)
    params = init_params("lstm", m, n, rng, scheme="forget-bias-1")
    x = rng.uniform(-1, 1, (batch, m))
    state = (rng.uniform(-1, 1, (batch, n)), rng.uniform(-2, 2, (batch, n)))
    buffer = np.empty((batch, 2 * n, 2 * n))
    torch_fn = torch_jacobian(params, x, state)
    t = timings(
        {
            "step": lambda: step("lstm", params, x, state),
            "jacobian": lambda: jacobian("lstm", params, x, state),
            "jacobian_out": lambda: jacobian("lstm", params, x, state, out=buffer),
            "structured": lambda: jacobian("lstm", params, x, state, structured=True),
            **({"torch": torch_fn} if torch_fn is not None else {}),
            # the floor set by memory: producing the result's bytes, with no arithmetic
            "fresh_zeros": lambda: np.zeros(buffer.shape)[:, :, :: 2 * n].fill(1.0),
            "buffer_fill": lambda: buffer.fill(0.0),
        },
        repeats,
    )
    fd = timings({"fd": lambda: finite_difference_jacobian("lstm", params, x, state)}, 2)
    diff = np.max(np.abs(jacobian("lstm", params, x, state) - finite_difference_jacobian("lstm", params, x, state)))
    result = {f"{k}_min": min(v) for k, v in {**t, **fd}.items()}
    result.update({f"{k}_median": statistics.median(v) for k, v in {**t, **fd}.items()})
    result["fd_max_abs_diff"] = float(diff)
    if torch_fn is not None:
        ours = jacobian("lstm", params, x, state)
        result["torch_max_abs_diff"] = float(np.max(np.abs(torch_fn().numpy() - ours)))
        blocks = jacobian("lstm", params, x, state, structured=True)
        result["structured_max_abs_diff"] = float(np.max(np.abs(blocks.dense() - ours)))
    return result


def bench_sweep(sizes: tuple[int, ...], batch: int, repeats: int) -> dict[int, tuple[float, ...]]:
    """Ratios jacobian/step (new array, out buffer, structured) for the LSTM at m = n."""
    out = {}
    for n in sizes:
        t = bench_jacobian_only(n, n, batch, repeats)
        out[n] = (t["jacobian"] / t["step"], t["jacobian_out"] / t["step"],
                  t["structured"] / t["step"])
    return out


def bench_jacobian_only(n: int, m: int, batch: int, repeats: int) -> dict[str, float]:
    rng = np.random.default_rng(2)
    params = init_params("lstm", m, n, rng)
    x = rng.uniform(-1, 1, (batch, m))
    state = (rng.uniform(-1, 1, (batch, n)), rng.uniform(-2, 2, (batch, n)))
    buffer = np.empty((batch, 2 * n, 2 * n))
    t = timings(
        {
            "step": lambda: step("lstm", params, x, state),
            "jacobian": lambda: jacobian("lstm", params, x, state),
            "jacobian_out": lambda: jacobian("lstm", params, x, state, out=buffer),
            "structured": lambda: jacobian("lstm", params, x, state, structured=True),
        },
        repeats,
    )
    return {k: min(v) for k, v in t.items()}


def bench_bptt(t_steps: int, n: int, m: int, repeats: int) -> dict[str, float]:
    rng = np.random.default_rng(1)
    out = {}
    for cell in CELL_NAMES:
        params = init_params(cell, m, n, rng, scheme="orthogonal")
        xs = rng.uniform(-1, 1, (t_steps, m))
        s0 = tuple(np.zeros(n) for _ in state_names(cell))
        packed = s0 if len(s0) > 1 else s0[0]
        out[cell] = min(timings({cell: lambda: bptt(cell, params, xs, packed)}, repeats)[cell])
    return out


def report(quick: bool) -> str:
    n, m, batch, reps = (8, 8, 16, 3) if quick else (64, 64, 1024, 15)
    t_steps, bn = (20, 8) if quick else (1000, 128)
    jac = bench_jacobian(n, m, batch, reps)
    bp = bench_bptt(t_steps, bn, bn, 2 if quick else 5)
    sweep = bench_sweep((4, 8) if quick else (8, 16, 32, 64, 128), batch, reps)
    ms = 1e3
    lines = [
        "## Numeric (issues 3 and 15)",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"numpy {np.__version__}, OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}; "
        f"`benchmarks/bench_numeric.py`{' --quick' if quick else ''}; CPU time, minimum over "
        f"{reps} interleaved repeats (median in brackets).",
        "",
        f"### `jacobian` vs `step`: lstm, n = {n}, m = {m}, batch {batch} (target: ratio <= 3)",
        "",
        "| call | time (ms) | ratio to `step` |",
        "|---|---|---|",
    ]
    for key, label in (("step", "`step`"), ("jacobian", "`jacobian` (new array)"),
                       ("jacobian_out", "`jacobian(out=buffer)`"),
                       ("structured", "`jacobian(structured=True)`"),
                       ("torch", "`torch.func.vmap(jacrev(step))`, float64, 1 thread"),
                       ("fd", "float64 central differences"),
                       ("fresh_zeros", "memory floor: touch a new (B, 2n, 2n) array"),
                       ("buffer_fill", "memory floor: fill the buffer with 0")):
        lines.append(
            f"| {label} | {jac[key + '_min'] * ms:.2f} [{jac[key + '_median'] * ms:.2f}] | "
            f"{jac[key + '_min'] / jac['step_min']:.2f} |"
        )
    lines += [
        "",
        f"jacobian / finite differences cost ratio: {jac['jacobian_min'] / jac['fd_min']:.4f} "
        f"(finite differences are {jac['fd_min'] / jac['jacobian_min']:.0f}x slower; largest "
        f"|difference| between them {jac['fd_max_abs_diff']:.1e}, the finite-difference error).",
        "",
        *([f"PyTorch `vmap(jacrev)` / `jacobian(structured=True)`: "
           f"{jac['torch_min'] / jac['structured_min']:.1f}x; / `jacobian` (new array): "
           f"{jac['torch_min'] / jac['jacobian_min']:.1f}x (largest |difference| between the two "
           f"Jacobians {jac['torch_max_abs_diff']:.1e}; structured vs dense "
           f"{jac['structured_max_abs_diff']:.1e}).", ""] if "torch_min" in jac else []),
        f"Ratio `jacobian` / `step` against the hidden size (lstm, m = n, batch {batch}):",
        "",
        "| n | new array | out= buffer | structured |",
        "|---|---|---|---|",
        *(f"| {k} | {a:.2f} | {b:.2f} | {c:.2f} |" for k, (a, b, c) in sweep.items()),
        "",
        f"### `bptt`: T = {t_steps}, n = m = {bn}, batch 1 (target: < 1 s)",
        "",
        "| cell | time (s) |",
        "|---|---|",
    ]
    lines += [f"| {cell} | {sec:.3f} |" for cell, sec in bp.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes (smoke test)")
    print(report(parser.parse_args().quick), end="")


if __name__ == "__main__":
    main()
