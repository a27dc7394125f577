"""Readings: one precise meaning of a claim, with its own statement, check and verdict.

An informal sentence of the article ("if |∂h_t/∂h_{t-1}| < 1 the gradient vanishes") has
more than one precise meaning; each is a :class:`Reading` with a stable id
(``vanish-explode/uniform``, ``vanish-explode/pointwise``, ``vanish-explode/nd-vanish``,
…), its statement in plain text and LaTeX (:mod:`symrnn.claims._reading_text`), the
verdict it is recorded to reach, and the function that checks it. Equations keep one
reading in 1-D (plus their n-D form where it is checked). The *principal* reading of a
claim is the one its ``status`` reports: the strongest meaning the article's own 1-D
argument supports (for a measured claim, the measurement). Every other reading is shown
beside it, true or false.

>>> from symrnn.claims import get_reading
>>> get_reading("vanish-explode/pointwise").expected
'refuted'
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..verify.verdict import Status, Verdict
from ._reading_text import READING_TEXT

__all__ = ["Reading", "ReadingResult", "READING_TABLE", "Kind"]

Kind = Literal["mathematics", "definition", "measurement"]


@dataclass(frozen=True)
class Reading:
    """One precise meaning of a claim.

    Arguments:
        id: ``"<claim id>/<name>"``, stable (reports, JSON, Coq and ``--only`` use it).
        claim_id: the claim it reads.
        label: a short name for tables ("uniform", "pointwise", "n-D", …).
        statement: the precise statement, plain Unicode text.
        statement_latex: the same statement as LaTeX text mode with inline math.
        expected: the verdict the reading is recorded to reach.
        kind: ``"mathematics"``, ``"definition"`` (a cell of the catalog is the article's),
            or ``"measurement"`` (empirical, stays ``"unknown"``).
        principal: whether the claim's ``status`` reports this reading.
        check: returns the reading's :class:`~symrnn.verify.verdict.Verdict`.
    """

    id: str
    claim_id: str
    label: str
    statement: str
    statement_latex: str
    expected: Status
    kind: Kind
    principal: bool
    check: Callable[[], Verdict]

    def run(self) -> Verdict:
        """The check's verdict, carrying this reading's statement."""
        return dataclasses.replace(self.check(), statement=self.statement)

    def latex_rows(self, status: str | None = None) -> list[str]:
        """The reading for a notebook: its id and verdict, then its statement in math mode."""
        from .._display import text

        head = text(f"{self.id}: ") + (rf"\textbf{{{status}}}" + text(f" (recorded {self.expected})")
                                       if status else text(f"recorded {self.expected}"))
        parts = self.statement_latex.replace("---", "—").replace("~", " ")
        parts = re.sub(r"\\texttt\{([^}]*)\}", r"\1", parts)
        pieces = [seg if i % 2 else text(seg) for i, seg in enumerate(parts.split("$"))]
        return [head, "".join(pieces)]

    def _repr_latex_(self) -> str:
        from .._display import display

        return display(self.latex_rows())


@dataclass(frozen=True)
class ReadingResult:
    """A reading, its verdict and the seconds it took."""

    reading: Reading
    verdict: Verdict
    seconds: float

    @property
    def as_expected(self) -> bool:
        return self.verdict.status == self.reading.expected

    def _repr_latex_(self) -> str:
        from .._display import display

        return display(self.reading.latex_rows(self.verdict.status))

    def to_json(self) -> dict[str, Any]:
        evidence = dict(self.verdict.evidence)
        if self.verdict.witness is not None:
            evidence["witness"] = {str(k): str(v) for k, v in self.verdict.witness.items()}
        return {"id": self.reading.id, "label": self.reading.label,
                "principal": self.reading.principal, "kind": self.reading.kind,
                "status": self.verdict.status, "expected": self.reading.expected,
                "method": self.verdict.method, "statement": self.reading.statement,
                "statement_latex": self.reading.statement_latex,
                "seconds": round(self.seconds, 4), "evidence": evidence}


def _table() -> list[tuple[str, Status, Kind, Callable[[], Verdict]]]:
    """(reading id, expected, kind, check), in the article's order; a claim's principal
    reading is its first."""
    from ..bounds import claims as b
    from ..bounds import comparisons as cmp
    from ..bounds import invariants as inv
    from ..bounds import long_sequences as seq
    from ..bounds import relu_clip as rc
    from ..ndim.claims_nd import CHECKS_ND as nd
    from ..ndim.pascanu import (
        check_eigenvalue_version,
        check_norm_bound,
        check_vanishing_sufficient,
    )
    from . import products as prod
    from .equations import EQUATION_CHECKS as eq
    from .measured import measured_only

    M: Kind = "mathematics"
    D: Kind = "definition"
    X: Kind = "measurement"
    P: Status = "proved"
    R: Status = "refuted"
    U: Status = "unknown"
    rows: list[tuple[str, Status, Kind, Callable[[], Verdict]]] = [
        ("eq1/form", P, D, eq["eq1"]),
        ("eq2/1d", P, M, eq["eq2"]),
        ("vanish-explode/uniform", P, M, prod.check_uniform),
        ("vanish-explode/pointwise", R, M, prod.check_pointwise),
        ("vanish-explode/nd-vanish", P, M, nd["vanish-explode/nd-vanish"]),
        ("vanish-explode/nd-explode", R, M, nd["vanish-explode/nd-explode"]),
        ("eq3/1d", P, M, eq["eq3"]),
        ("vanish-meaning/measured", U, X, measured_only("vanish-meaning")),
        ("vanish-meaning/tail-share", P, M, prod.check_tail_share),
        ("vanish-meaning/nonzero-total", P, M, prod.check_nonzero_total),
        *[(f"{k}/1d", P, M, eq[k]) for k in ("eq4a", "eq4b", "eq4c", "eq4d")],
        ("eq5/definition", P, D, eq["eq5"]),
        ("eq6/1d", P, M, eq["eq6"]),
        ("eq6/nd", P, M, nd["eq6/nd"]),
        ("tanh-bounded-in-U/1d", P, M, b.check_tanh_bounded_in_u),
        ("tanh-bounded-in-U/uniform-in-a", R, M, cmp.check_tanh_uniform_in_a),
        ("tanh-bounded-in-U/below-1", R, M, cmp.check_tanh_below_1),
        ("tanh-bounded-in-U/nd", R, M, nd["tanh-bounded-in-U/nd"]),
        ("relu-unbounded/1d", P, M, rc.check_relu_unbounded),
        ("relu-unbounded/nd", P, M, nd["relu-unbounded/nd"]),
        ("clip-prevents-explosion/1d", P, M, rc.check_clip_prevents_explosion),
        ("clip-prevents-explosion/bounded-in-t", R, M, rc.check_clip_bounded_in_t),
        ("clip-prevents-explosion/vanishing-not-fixed", P, M, rc.check_clip_vanishing_not_fixed),
        ("clip-prevents-explosion/nd-entrywise", R, M,
         nd["clip-prevents-explosion/nd-entrywise"]),
        ("clip-prevents-explosion/nd-spectral", P, M, nd["clip-prevents-explosion/nd-spectral"]),
        ("eq7/definition", P, D, eq["eq7"]),
        ("eq8/1d", P, M, eq["eq8"]),
        ("eq8/nd", P, M, nd["eq8/nd"]),
        ("forget-dominant/pointwise", P, M, b.check_forget_dominant),
        ("forget-dominant/main-term-larger", R, M, cmp.check_forget_main_term_larger),
        ("forget-dominant/no-explosion", R, M, cmp.check_forget_no_explosion),
        ("forget-dominant/nd", R, M, nd["forget-dominant/nd"]),
        ("eq9/1d", P, M, eq["eq9"]),
        ("eq9/nd", P, M, nd["eq9/nd"]),
        ("xsech2-bound/1d", P, M, b.check_xsech2_bound),
        ("xsech2-bound/nd", P, M, nd["xsech2-bound/nd"]),
        ("four-gates/bound", P, M, b.check_four_gates),
        ("four-gates/worst-case", P, M, cmp.check_four_gates_worst_case),
        ("four-gates/all-weights", R, M, cmp.check_four_gates_all_weights),
        ("four-gates/nd", R, M, nd["four-gates/nd"]),
        ("eq10a/1d", P, M, eq["eq10a"]),
        ("eq10a/nd", P, M, nd["eq10a/nd"]),
        ("eq10b/1d", P, M, eq["eq10b"]),
        ("eq10b/nd", P, M, nd["eq10b/nd"]),
        ("secondary-terms-small/pointwise", P, M, b.check_secondary_terms_small),
        ("secondary-terms-small/worst-case", R, M, cmp.check_secondary_worst_case),
        ("secondary-terms-small/nd", R, M, nd["secondary-terms-small/nd"]),
        ("lstm-long-sequences/measured", U, X, measured_only("lstm-long-sequences")),
        ("lstm-long-sequences/zero-U", P, M, seq.check_zero_u),
        ("lstm-long-sequences/inevitable", R, M, seq.check_inevitable),
        ("eq11/definition", P, D, eq["eq11"]),
        ("eq12/definition", P, D, eq["eq12"]),
        ("gru-h-bounded/1d", P, M, inv.check_gru_h_bounded),
        ("gru-h-bounded/nd", P, M, nd["gru-h-bounded/nd"]),
        ("gru-h-bounded/nd-2norm", R, M, nd["gru-h-bounded/nd-2norm"]),
        ("lstm-c-unbounded/growth", P, M, inv.check_lstm_c_growth),
        ("lstm-c-unbounded/divergence", P, M, inv.check_lstm_c_divergence),
        ("lstm-c-unbounded/bounded-inputs", P, M, inv.check_lstm_c_bounded_inputs),
        ("lstm-c-unbounded/nd", P, M, nd["lstm-c-unbounded/nd"]),
        ("eq13/1d", P, M, eq["eq13"]),
        ("eq13/nd", P, M, nd["eq13/nd"]),
        ("gru-less-stable/term-by-term", P, M, b.check_gru_less_stable),
        ("gru-less-stable/strictly-larger", R, M, cmp.check_gru_strictly_larger),
        ("gru-less-stable/reset-amplifies", P, M, cmp.check_reset_amplifies),
        ("gru-less-stable/nd", R, M, nd["gru-less-stable/nd"]),
        ("eq14/definition", P, D, eq["eq14"]),
        ("pascanu-norm-bound/spectral", P, M, check_norm_bound),
        ("pascanu-vanishing-sufficient/spectral", P, M, check_vanishing_sufficient),
        ("pascanu-eigenvalue-version/spectral-radius", R, M, check_eigenvalue_version),
    ]
    return rows


def _build() -> tuple[Reading, ...]:
    out: list[Reading] = []
    seen: set[str] = set()
    for rid, expected, kind, check in _table():
        claim_id = rid.split("/")[0]
        label, plain, latex = READING_TEXT[rid]
        out.append(Reading(rid, claim_id, label, plain, latex, expected, kind,
                           claim_id not in seen, check))
        seen.add(claim_id)
    return tuple(out)


#: Every reading of every claim, in the article's order (a claim's principal reading first).
READING_TABLE: tuple[Reading, ...] = _build()
