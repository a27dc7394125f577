"""The proof sketch of each reading (:class:`._sketch.Sketch`), keyed by reading id.

Prose written once per reading, in English and Chinese; every number is a ``⟨path⟩`` into
the reading's evidence. A test checks that every reading of the registry has a sketch and
that every path resolves.
"""

from __future__ import annotations

from ._sketch import Sketch

__all__ = ["SKETCHES"]

SKETCHES: dict[str, Sketch] = {}
