"""Matrix-form Jacobians of every catalog cell, proved equal to the elementwise Jacobian
for every n (generic entry (k, l), symbolic n, Kronecker deltas) and checked entry by
entry at n = 8.

Run:  .venv/bin/python proofs/ndim_matrix_forms.py [n]
Prints each block's matrix form and its verdicts, then one line ``matrix-form-<cell>: status``
per cell. Exit status is non-zero if a cell's forms are not proved.
"""

from __future__ import annotations

import sys

from symrnn.ndim import FORM_KEYS, MATRIX_FORM_CHECKS, check_elementwise, matrix_form


def main(n: int = 8) -> int:
    failed = 0
    for cell, check in MATRIX_FORM_CHECKS.items():
        v = check()
        for key in FORM_KEYS[cell]:
            block = matrix_form(cell, key)
            part = v.evidence["blocks"][key]
            explicit = check_elementwise(block, n)
            print(f"  [{cell} {key}] {block}")
            print(f"      every n: {part['status']}; equals derived chains: "
                  f"{part['equals_derived_chains']}; n = {n} entrywise: {explicit.status} "
                  f"({explicit.evidence['seconds']} s)")
            failed |= explicit.status != "proved"
        print(f"matrix-form-{cell}: {v.status}")
        failed |= v.status != "proved"
    return int(failed)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 8))
