"""Section 4 of the article: the LSTM (7) and its cell-state derivative (8)–(10).

Derives ∂c_t/∂c_{t-1} with h_{t-1} = o_{t-1} tanh(c_{t-1}) by the chain rule, splits it
into the main term f_t and the three secondary terms as the article does, and checks (8),
(9), (10) against SymPy's independent differentiation of the written-out cell.

Run:  .venv/bin/python proofs/lstm_cell_state.py
Exit status is non-zero if a claim misses its expected verdict.
"""

from __future__ import annotations

import sys

from symrnn import article_derivative
from symrnn.claims.script import run_group

IDS = ["eq7", "eq8", "eq9", "eq10a", "eq10b"]


def main() -> int:
    d = article_derivative("lstm")
    print("with", ", ".join(f"{k} = {v}" for k, v in d.substitutions.items()))
    print(d)
    return run_group(IDS)


if __name__ == "__main__":
    sys.exit(main())
