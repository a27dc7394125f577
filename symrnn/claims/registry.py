"""The claim registry: every claim of the article, in the article's order, with the
article's words, its readings (:mod:`symrnn.claims.readings`) and its errata.

A claim's ``status`` is the verdict of its principal reading; every reading has its own
verdict, and a claim is *as expected* when every reading reached its recorded verdict.

>>> from symrnn.claims import get_claim
>>> get_claim("eq6").expected
'proved'
>>> [r.id for r in get_claim("vanish-explode").readings][:2]
['vanish-explode/uniform', 'vanish-explode/pointwise']
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .._errors import UnknownClaimError
from .._interrupt import workers_ignore_interrupts
from ..verify.verdict import Status, Verdict
from ._text import TEXT
from .readings import READING_TABLE, Reading, ReadingResult

__all__ = ["Claim", "ClaimResult", "CLAIMS", "READINGS", "get_claim", "get_reading",
           "claim_ids", "reading_ids", "run_claims", "ERRATA", "SCHEMA"]

#: The version of ``symrnn verify --json``'s layout (2: readings per claim).
SCHEMA = 2


@dataclass(frozen=True)
class Claim:
    """One claim of the article.

    Arguments:
        id: the stable claim id of ``seed-claims.md``.
        section: the article's section.
        zh, en: the article's words, and an English rendering.
        method: how its principal reading is checked (``identity``, ``interval``, ...).
        readings: its precise meanings, the principal one first.
        errata: errors of the article at this claim, and whether they change the maths.
    """

    id: str
    section: str
    zh: str
    en: str
    method: str
    readings: tuple[Reading, ...]
    errata: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def principal(self) -> Reading:
        return self.readings[0]

    @property
    def expected(self) -> Status:
        """The recorded verdict of the principal reading."""
        return self.principal.expected

    def run(self) -> Verdict:
        """The verdict of the principal reading."""
        return self.principal.run()


@dataclass(frozen=True)
class ClaimResult:
    """A claim, the verdict of each reading it was run for, the seconds it took, and
    measured evidence if any (shown beside the verdicts, never in their place)."""

    claim: Claim
    readings: tuple[ReadingResult, ...]
    seconds: float
    empirical: dict | None = None

    @property
    def principal(self) -> ReadingResult | None:
        return next((r for r in self.readings if r.reading.principal), None)

    @property
    def verdict(self) -> Verdict:
        """The principal reading's verdict (or the first reading run, with ``--only``)."""
        chosen = self.principal or self.readings[0]
        return chosen.verdict

    def _repr_latex_(self) -> str:
        from .._display import display, text

        rows = [text(f"{self.claim.id}: {self.claim.en}")]
        for r in self.readings:
            rows.append(text(f"{r.reading.label}: ") + rf"\textbf{{{r.verdict.status}}}\ "
                        + text(f"({r.reading.statement})")
                        + ("" if r.as_expected else text(f"  NOT as expected: {r.reading.expected}")))
        return display(rows)

    @property
    def as_expected(self) -> bool:
        return all(r.as_expected for r in self.readings)

    def reading(self, name: str) -> ReadingResult:
        """The result of the reading ``name`` (``"nd"`` or ``"eq6/nd"``)."""
        rid = name if "/" in name else f"{self.claim.id}/{name}"
        for r in self.readings:
            if r.reading.id == rid:
                return r
        raise UnknownClaimError(f"claim {self.claim.id!r} has no result for reading {rid!r}")

    def to_json(self) -> dict[str, Any]:
        """The claim as data: ``status``, ``method`` and ``evidence`` are the principal
        reading's (``null`` when only other readings were run); ``readings`` has all."""
        head = self.principal
        evidence: dict[str, Any] = {}
        if head is not None:
            evidence = dict(head.verdict.evidence)
            if head.verdict.witness is not None:
                evidence["witness"] = {str(k): str(v) for k, v in head.verdict.witness.items()}
        if self.claim.errata:
            evidence["errata"] = list(self.claim.errata)
        if self.empirical is not None:
            evidence["empirical"] = self.empirical
        return {"id": self.claim.id, "status": head.verdict.status if head else None,
                "expected": self.claim.expected, "principal_reading": self.claim.principal.id,
                "method": head.verdict.method if head else None,
                "statement": self.claim.principal.statement,
                "seconds": round(self.seconds, 4), "evidence": evidence,
                "readings": [r.to_json() for r in self.readings]}


ERRATA: dict[str, tuple[dict, ...]] = {
    "eq3": ({"kind": "redundant factor", "changes_mathematics": False,
             "text": "the third term carries ∂h_{t-2}/∂h_{t-2}, which is identically 1"},
            {"kind": "typo", "changes_mathematics": False,
             "text": "稀疏 ('sparse') where 系数 ('coefficient') is meant"}),
    "eq11": ({"kind": "naming slip", "changes_mathematics": False,
              "text": "the candidate's bias is written b_c beside W_h, U_h; symrnn names it b_h"},),
    "eq12": ({"kind": "naming slip", "changes_mathematics": False,
              "text": "the candidate's bias is written b_c; symrnn names it b_h"},),
    "xsech2-bound": ({"kind": "imprecision", "changes_mathematics": False,
                      "text": "the bound 0.45 is not tight: the supremum is 0.44774…"},),
}


#: how each claim's principal reading is checked, for the table of `symrnn verify`
_METHOD = {"eq1": "exact", "eq2": "identity", "vanish-explode": "exact", "eq3": "identity",
           "vanish-meaning": "empirical", "eq5": "catalog", "eq7": "catalog",
           "eq11": "catalog", "eq12": "catalog", "eq14": "catalog",
           "lstm-long-sequences": "empirical", "tanh-bounded-in-U": "interval",
           "relu-unbounded": "exact", "clip-prevents-explosion": "exact",
           "forget-dominant": "interval", "xsech2-bound": "interval", "four-gates": "interval",
           "secondary-terms-small": "interval", "gru-h-bounded": "exact",
           "lstm-c-unbounded": "exact", "gru-less-stable": "interval"}


def _build() -> tuple[Claim, ...]:
    from ..ndim.pascanu import NEW_CLAIMS

    by_claim: dict[str, list[Reading]] = {}
    for r in READING_TABLE:
        by_claim.setdefault(r.claim_id, []).append(r)
    extra = {c["id"]: c for c in NEW_CLAIMS}  # beyond the article: the classic n-D results
    claims = []
    for cid, readings in by_claim.items():
        if cid in TEXT:
            section, zh, en = TEXT[cid]
            method = _METHOD.get(cid, "identity")
        else:
            c = extra[cid]
            section, zh, en, method = c["section"], c.get("zh", ""), c["en"], c["method"]
        claims.append(Claim(cid, section, zh, en, method, tuple(readings), ERRATA.get(cid, ())))
    return tuple(claims)


CLAIMS: tuple[Claim, ...] = _build()
READINGS: tuple[Reading, ...] = READING_TABLE
_BY_ID = {c.id: c for c in CLAIMS}
_READING_BY_ID = {r.id: r for r in READINGS}


def claim_ids() -> tuple[str, ...]:
    """Every claim id, in the article's order."""
    return tuple(_BY_ID)


def reading_ids() -> tuple[str, ...]:
    """Every reading id, in the article's order."""
    return tuple(_READING_BY_ID)


def get_claim(claim_id: str) -> Claim:
    """The claim with this id; :class:`UnknownClaimError` lists the ids otherwise."""
    try:
        return _BY_ID[claim_id]
    except (KeyError, TypeError):
        raise UnknownClaimError(
            f"unknown claim id {claim_id!r}; known ids: {', '.join(_BY_ID)} "
            "(or a reading id such as vanish-explode/uniform: see symrnn list --readings)"
        ) from None


def get_reading(reading_id: str) -> Reading:
    """The reading with this id; :class:`UnknownClaimError` lists the claim's readings."""
    try:
        return _READING_BY_ID[reading_id]
    except (KeyError, TypeError):
        claim = str(reading_id).split("/")[0]
        known = [r.id for r in READINGS if r.claim_id == claim] or list(_READING_BY_ID)
        raise UnknownClaimError(
            f"unknown reading id {reading_id!r}; known: {', '.join(known)}") from None


def select(ids: Iterable[str] | None) -> list[tuple[Claim, tuple[Reading, ...]]]:
    """Claims and the readings to run for ``ids`` (claim ids and/or reading ids; all by
    default), in the article's order; unknown ids raise :class:`UnknownClaimError`."""
    if ids is None:
        return [(c, c.readings) for c in _BY_ID.values()]
    wanted: dict[str, set[str]] = {}
    for i in ids:
        if isinstance(i, str) and "/" in i:
            r = get_reading(i)
            wanted.setdefault(r.claim_id, set()).add(r.id)
        else:
            c = get_claim(i)
            wanted.setdefault(c.id, set()).update(r.id for r in c.readings)
    return [(c, tuple(r for r in c.readings if r.id in wanted[c.id]))
            for c in _BY_ID.values() if c.id in wanted]


#: the readings of the current parallel run, inherited by forked workers
_TASKS: list[Reading] = []


def _run_task(index: int) -> tuple[int, Verdict, float]:
    start = time.perf_counter()
    verdict = _TASKS[index].run()
    return index, verdict, time.perf_counter() - start


def _fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def run_claims(ids: Iterable[str] | None = None,
               progress: Callable[[Reading], None] | None = None,
               empirical: bool = False, jobs: int = 1) -> list[ClaimResult]:
    """Check the given claims and readings (all by default), timing each reading.

    ``ids`` may mix claim ids (every reading of the claim) and reading ids (that reading
    only). With ``empirical=True`` the claims that have measurements (:mod:`symrnn.flow`)
    also carry them, as ``"empirical"`` evidence beside the formal verdicts. ``jobs`` > 1
    checks readings in that many forked worker processes (where the platform forks);
    the results and their order are the same.
    """
    chosen = select(ids)
    tasks = [r for _, readings in chosen for r in readings]
    done: dict[int, tuple[Verdict, float]] = {}
    if jobs > 1 and len(tasks) > 1 and _fork_available():
        global _TASKS
        _TASKS = tasks
        try:
            with workers_ignore_interrupts():  # Ctrl-C: one line from this process only
                pool = multiprocessing.get_context("fork").Pool(min(jobs, len(tasks)))
            with pool:
                for i, verdict, seconds in pool.imap_unordered(_run_task, range(len(tasks))):
                    if progress is not None:
                        progress(tasks[i])
                    done[i] = (verdict, seconds)
        finally:
            _TASKS = []
    else:
        for i, reading in enumerate(tasks):
            if progress is not None:
                progress(reading)
            _, verdict, seconds = _run_task_serial(reading, i)
            done[i] = (verdict, seconds)
    measured: dict = {}
    if empirical:
        from ..flow.claims_empirical import EMPIRICAL

        measured = EMPIRICAL
    results, i = [], 0
    for claim, readings in chosen:
        rows = []
        for reading in readings:
            verdict, seconds = done[i]
            rows.append(ReadingResult(reading, verdict, seconds))
            i += 1
        extra = measured[claim.id]() if claim.id in measured else None
        results.append(ClaimResult(claim, tuple(rows), sum(r.seconds for r in rows), extra))
    return results


def _run_task_serial(reading: Reading, index: int) -> tuple[int, Verdict, float]:
    start = time.perf_counter()
    verdict = reading.run()
    return index, verdict, time.perf_counter() - start
