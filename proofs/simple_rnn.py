"""Section 3 of the article: the simple RNN (5) and its Jacobian (6).

Derives ∂h_t/∂h_{t-1} by the chain rule in gate notation, prints it in 1-D and in matrix
form, and checks it against the printed (6). The bound claims of the section
(tanh-bounded-in-U, relu-unbounded, clip-prevents-explosion) are in bounds_tanh_in_u.py.

Run:  .venv/bin/python proofs/simple_rnn.py
Exit status is non-zero if a claim misses its expected verdict.
"""

from __future__ import annotations

import sys

from symrnn import article_derivative, derive
from symrnn.claims.script import run_group

IDS = ["eq5", "eq6/1d"]


def main() -> int:
    print(article_derivative("rnn"))
    print("matrix form:", " + ".join(map(str, derive("rnn").blocks[("h", "h")])))
    return run_group(IDS)


if __name__ == "__main__":
    sys.exit(main())
