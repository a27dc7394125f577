"""The supremum of every Jacobian term over admissible gates, and the qualitative claims
``four-gates``, ``secondary-terms-small``, ``forget-dominant``, ``gru-less-stable``.

Prints the term-by-term comparison table (simple RNN, LSTM, GRU, single-gate GRU, variant,
and the relu / PyTorch cells): sup |term| as a multiple of the weight it carries, and
whether it is attained; then each reading's precise statement and verdict (pointwise and
worst case; the n-D readings are in ndim_claims.py).

Run:  .venv/bin/python proofs/bounds_terms.py
Exit status is non-zero if a reading misses its recorded verdict.
"""

from __future__ import annotations

import sys

from symrnn.claims import run_claims
from symrnn.claims.script import readings_of, report
from symrnn.bounds.terms import comparison_table, reset_factor_lemmas

CLAIMS = ("four-gates", "secondary-terms-small", "forget-dominant", "gru-less-stable")


def main() -> int:
    print(f"{'cell':10} {'term':34} {'weight':7} {'sup/|weight|':44} attained")
    for row in comparison_table():
        val = row.get("enclosure", row["sup_factor"])
        factor = row["sup_factor"] if row["sup_factor"] == val else f"{row['sup_factor']} = {val}"
        print(f"{row['cell']:10} {row['label'][:34]:34} {str(row['carried_weight']):7} "
              f"{factor[:44]:44} {row['attained']}")
    for name, text in reset_factor_lemmas().items():
        print(f"  lemma {name}: {text}")
    return report(run_claims(readings_of(CLAIMS)))


if __name__ == "__main__":
    sys.exit(main())
