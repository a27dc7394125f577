"""Section 1 of the article: the RNN's gradient is itself an RNN, (1)–(3).

Writes the simple RNN, the single-gate GRU and the GRU out over a few steps from a
symbolic h_0 and checks (2) and the unrolled (3) for every parameter with the sound
identity checker; reports the printed (3)'s redundant factor ∂h_{t-2}/∂h_{t-2} as an
erratum; makes ``vanish-explode`` precise (uniform bound versus the pointwise reading,
with exact counterexamples).

Run:  .venv/bin/python proofs/rnn_gradient.py
Exit status is non-zero if a claim misses its expected verdict.
"""

from __future__ import annotations

import sys

from symrnn.claims.script import run_group
from symrnn.claims.unroll import UNROLL_CASES, unrolled

IDS = ["eq1", "eq2", "eq3", "vanish-explode", "vanish-meaning"]


def main() -> int:
    u = unrolled("rnn", 2)
    print("simple RNN written out: h_1 =", u.h[1])
    print("                        h_2 =", u.h[2])
    print("cases checked:", ", ".join(f"{c} over {t} steps" for c, t in UNROLL_CASES))
    return run_group(IDS)


if __name__ == "__main__":
    sys.exit(main())
