"""Split a hand-written Coq text into a :class:`CoqGroup`: definitions and theorems.

Used for the parts of the export that are fixed mathematics (products of factors, the
counterexamples, the matrix library) rather than statements printed from a cell or a
formula. The text is a sequence of blocks separated by blank lines; a block holding
``Lemma``, ``Theorem`` or ``Corollary NAME`` is one theorem (its leading comment is its
summary), any other block (``Definition``, ``Fixpoint``, ``Ltac``) goes to the definitions.
``readings`` maps a theorem name to the reading ids it states.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ._model import CoqGroup, CoqTheorem

__all__ = ["group_from_text"]

_HEAD = re.compile(r"^(Lemma|Theorem|Corollary)\s+([A-Za-z_][A-Za-z0-9_']*)", re.M)
_COMMENT = re.compile(r"^\(\*(.*?)\*\)", re.S)


def _summary(block: str, name: str) -> str:
    m = _COMMENT.match(block.strip())
    if not m:
        return f"supporting lemma {name}"
    return " ".join(m.group(1).split())


def group_from_text(stem: str, title: str, requires: tuple[str, ...], text: str,
                    readings: Mapping[str, tuple[str, ...]], *, interval: bool = False,
                    definitions: str = "") -> CoqGroup:
    """The group of ``text``; raises if ``readings`` names a theorem the text lacks or a
    theorem block does not end in ``Qed.``."""
    defs = [definitions] if definitions else []
    thms: list[CoqTheorem] = []
    for block in (b.strip("\n") for b in re.split(r"\n\s*\n", text.strip())):
        heads = list(_HEAD.finditer(block))
        if not heads:
            defs.append(block)
            continue
        # several lemmas without blank lines between them: one theorem each
        cuts = [0] + [m.start() for m in heads[1:]] + [len(block)]
        for (a, b), m in zip(zip(cuts, cuts[1:]), heads):
            piece, name = block[a:b].strip("\n"), m.group(2)
            if not piece.rstrip().endswith("Qed."):
                raise RuntimeError(f"{stem}.v: {name} does not end in Qed.")  # pragma: no cover
            thms.append(CoqTheorem(name, readings.get(name, ()), _summary(piece, name), piece))
    missing = set(readings) - {t.name for t in thms}
    if missing:  # pragma: no cover - a typo in a readings table
        raise RuntimeError(f"{stem}.v: no theorem {sorted(missing)}")
    return CoqGroup(stem, title, requires, "\n\n".join(defs), tuple(thms), interval=interval)
