"""Benchmark: hostile inputs of issue 16 are refused at once; inputs at the limits finish.

Run: ``.venv/bin/python benchmarks/bench_limits.py [--quick]``. Every hostile input of the
issue (each a hang of minutes, or a crash, before the limits) is timed from the call to its
one-line refusal, in a fresh process after the import; then the largest inputs *within* the
limits are timed to their result: a cell of 64 gates and states, a true identity whose
sides expand to about 200 000 terms (``--quick`` skips these two). Target: every refusal
< 1 s.
"""

from __future__ import annotations

import json
import subprocess
import sys

TARGET = 1.0

_CHILD = r"""
import json, sys, time
import sympy
from symrnn import LimitError, SymrnnError, check_identity, prove_xsech2_bound
from symrnn.bounds.certificate import check_certificate
from symrnn.bounds.xsech2 import prove_xsech2_bound as bound_cert
from symrnn.custom import analyze, loads_cell
from symrnn.flow import measure_flow

HEAD = '[cell]\nname = "c"\nstates = ["h"]\n[params]\nvector = ["b"]\n[updates]\n'
x, y = sympy.symbols("x y")
s = sympy.Symbol("s", real=True)
deep = s
for _ in range(300):
    deep = sympy.tanh(deep)
cert = bound_cert("0.45").evidence["certificate"]
CASES = {
    "cell literal 1e999999999": lambda: loads_cell(HEAD + 'h = "tanh(h_prev + 1e999999999)"\n'),
    "cell b*((h_prev+1)**16+1)**16": lambda: loads_cell(HEAD + 'h = "b*((h_prev+1)**16+1)**16"\n'),
    "cell tanh nested 12 deep": lambda: loads_cell(
        HEAD + 'h = "' + "tanh(" * 12 + 'h_prev + b' + ")" * 12 + '"\n'),
    "cell of 500 gates": lambda: loads_cell(HEAD.replace("[updates]", "[gates]\n" + "".join(
        f'g{k} = "sigmoid(b*h_prev)"\n' for k in range(500)) + "[updates]") + 'h = "g0"\n'),
    "identity (x+y+1)**2400": lambda: check_identity((x + y + 1)**2400, (x + y + 2)**2400),
    "identity tanh nested 300 deep": lambda: check_identity(deep, deep + 1),
    "certificate bound 1e99999999": lambda: check_certificate({**cert, "bound": "1e99999999"}),
    "certificate precision 30000000": lambda: check_certificate({**cert, "precision_bits": 30_000_000}),
    "bound '1e99999999'": lambda: prove_xsech2_bound("1e99999999"),
    "flow T=1e9": lambda: measure_flow(["rnn"], T=10**9),
}
out = {}
for name, call in CASES.items():
    t = time.perf_counter()
    try:
        r = call()
        outcome = "rejected: " + r.reasons[0][:60] if hasattr(r, "reasons") else "result"
    except SymrnnError as e:
        outcome = type(e).__name__ + ": " + str(e)[:60]
    out[name] = (time.perf_counter() - t, outcome)
if "--quick" not in sys.argv:
    t = time.perf_counter()
    gates = "".join(f'g{k} = "sigmoid(b*h_prev + b{k})"\n' for k in range(63))
    vec = ", ".join(['"b"'] + [f'"b{k}"' for k in range(63)])
    text = (HEAD.replace('vector = ["b"]', f"vector = [{vec}]")
            .replace("[updates]", "[gates]\n" + gates + "[updates]")
            + 'h = "(' + " + ".join(f"g{k}" for k in range(63)) + ')*h_prev/63"\n')
    a = analyze(loads_cell(text))
    out["within: a cell of 64 gates and states"] = (time.perf_counter() - t,
                                                     f"result: {len(a.terms)} terms")
    t = time.perf_counter()
    z = sympy.Symbol("z")
    p = (x + y + z + 1)**80  # both sides 183 762 terms once expanded, under 200 000
    v = check_identity(p * (x - 1), p * x - p)
    out["within: identity P*(x-1) = P*x - P, P = (x+y+z+1)**80"] = (
        time.perf_counter() - t, "result: " + v.status)
print(json.dumps(out))
"""


def main() -> int:
    run = subprocess.run([sys.executable, "-c", _CHILD, *sys.argv[1:]], capture_output=True,
                         text=True, check=True)
    rows = json.loads(run.stdout)
    worst = 0.0
    print(f"{'input':<48} {'seconds':>8}  outcome")
    for name, (seconds, outcome) in rows.items():
        print(f"{name:<48} {seconds:>8.3f}  {outcome}")
        if not outcome.startswith("result"):
            worst = max(worst, seconds)
    refused = all(not o.startswith("result") for n, (_, o) in rows.items()
                  if not n.startswith("within"))
    met = refused and worst < TARGET
    print(f"slowest refusal {worst:.3f} s; target < {TARGET} s: {'met' if met else 'MISSED'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
