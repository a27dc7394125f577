"""What ``Print Assumptions`` reports for every theorem of the export, as recorded.

A query walks a theorem's whole dependency graph down to Coq's real numbers (about a
second each, more for proofs by ``interval``), so recording all of them takes minutes:
``symrnn export coq DIR --check --assumptions`` does it and writes
``DIR/assumptions.json``; the copy shipped with symrnn (``symrnn/coq/assumptions.json``) is
that file from the last recorded run, and the export's README lists it per theorem. A test
fails when the shipped file does not name exactly the export's theorems, so it cannot go
stale silently; refresh it with::

    symrnn export coq /tmp/coq --check --assumptions
    cp /tmp/coq/assumptions.json symrnn/coq/assumptions.json
"""

from __future__ import annotations

import json
import os
from functools import lru_cache

__all__ = ["coq_assumptions", "SHIPPED", "write_assumptions"]

#: The shipped record.
SHIPPED = os.path.join(os.path.dirname(__file__), "assumptions.json")


@lru_cache(maxsize=None)
def _load(path: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return data["coq"], {k: tuple(v) for k, v in data["theorems"].items()}


def coq_assumptions(path: str = SHIPPED) -> dict[str, tuple[str, ...]]:
    """Theorem name -> the axioms ``Print Assumptions`` reported in the recorded run
    (``path``: the shipped record, or an export's ``assumptions.json``); {} if none.

    >>> sorted(set(coq_assumptions()["eq6"]))[:1]
    ['ClassicalDedekindReals.sig_forall_dec']
    """
    if not os.path.exists(path):
        return {}
    return dict(_load(path)[1])


def write_assumptions(path: str, assumptions: dict[str, tuple[str, ...]], coq: str) -> None:
    """Write a record (``coq``: the ``coqc --version`` line it was made with)."""
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"coq": coq, "theorems": {k: list(v) for k, v in assumptions.items()}}, fh,
                  indent=1, sort_keys=False)
        fh.write("\n")
    _load.cache_clear()
