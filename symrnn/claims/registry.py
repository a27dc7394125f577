"""The claim registry: every claim of the article, in the article's order, with the
article's words, the precise statement checked, the method, and the expected verdict.

A claim that a later part of the project settles is listed with ``settled_by`` and no
check; running it gives ``"unknown"``, shown rather than hidden.

>>> from symrnn.claims import get_claim
>>> get_claim("eq6").expected
'proved'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .._errors import UnknownClaimError
from ..verify.verdict import Verdict
from ._text import TEXT
from .equations import EQUATION_CHECKS
from .products import check_vanish_explode

__all__ = ["Claim", "ClaimResult", "CLAIMS", "get_claim", "claim_ids", "run_claims", "ERRATA"]


@dataclass(frozen=True)
class Claim:
    """One claim of the article.

    Arguments:
        id: the stable claim id of ``seed-claims.md``.
        section: the article's section.
        zh, en: the article's words, and an English rendering.
        method: how it is checked (``identity``, ``interval``, ``exact``, ``catalog``, ...).
        expected: the verdict the claim is recorded to reach.
        check: the function returning its :class:`Verdict`; ``None`` while unsettled.
        settled_by: which part of the project settles it (an issue) when it is pending.
        errata: errors of the article at this claim, and whether they change the maths.
    """

    id: str
    section: str
    zh: str
    en: str
    method: str
    expected: str
    check: Callable[[], Verdict] | None = None
    settled_by: str = ""
    errata: tuple[dict, ...] = field(default_factory=tuple)
    check_nd: Callable[[], Verdict] | None = None
    expected_nd: str = ""

    def run(self) -> Verdict:
        if self.check is None:
            return Verdict("unknown", f"not yet settled: {self.settled_by}",
                           statement=self.en)
        return self.check()


@dataclass(frozen=True)
class ClaimResult:
    """A claim, its verdict, the seconds it took, and measured evidence if any (shown
    beside the verdict, never in its place)."""

    claim: Claim
    verdict: Verdict
    seconds: float
    empirical: dict | None = None
    verdict_nd: Verdict | None = None

    def _repr_latex_(self) -> str:
        from .._display import display, text

        rows = [text(f"{self.claim.id}: {self.claim.en}"),
                text("1-D: ") + rf"\textbf{{{self.verdict.status}}}\ "
                + text(f"({self.verdict.method})")]
        if self.verdict_nd is not None:
            rows.append(text("n-D: ") + rf"\textbf{{{self.verdict_nd.status}}}\ "
                        + text(f"({self.verdict_nd.statement or self.verdict_nd.method})"))
        if not self.as_expected:
            rows.append(text(f"NOT as expected: {self.claim.expected}"))
        return display(rows)

    @property
    def as_expected(self) -> bool:
        nd_ok = self.verdict_nd is None or self.verdict_nd.status == self.claim.expected_nd
        return self.verdict.status == self.claim.expected and nd_ok

    def to_json(self) -> dict:
        evidence = dict(self.verdict.evidence)
        if self.verdict.witness is not None:
            evidence["witness"] = {str(k): str(v) for k, v in self.verdict.witness.items()}
        if self.claim.errata:
            evidence["errata"] = list(self.claim.errata)
        if self.empirical is not None:
            evidence["empirical"] = self.empirical
        nd: dict = {}
        if self.verdict_nd is not None:
            evidence["nd"] = self.verdict_nd.to_json()
            nd = {"status_nd": self.verdict_nd.status, "expected_nd": self.claim.expected_nd}
        return {"id": self.claim.id, "status": self.verdict.status, **nd,
                "expected": self.claim.expected, "method": self.verdict.method,
                "statement": self.verdict.statement, "seconds": round(self.seconds, 4),
                "evidence": evidence}


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


_MEASURED_STATEMENTS = {
    "vanish-meaning": "a statement about what training sees: measured (the share of the total "
                      "gradient from steps more than d back, against d), not proved",
    "lstm-long-sequences": "a statement about typical LSTMs over thousands of steps: measured "
                           "(the c-path gradient norm at distances up to 2000 at common "
                           "initialisations), not proved",
}


def _measured_only(cid: str) -> Callable[[], Verdict]:
    def check() -> Verdict:
        return Verdict("unknown", "measured, not proved: see the empirical evidence "
                       "(symrnn verify --json, symrnn flow)",
                       statement=_MEASURED_STATEMENTS[cid])
    return check


def _bounds() -> tuple[dict, dict]:
    from ..bounds.claims import CHECKS, EXPECTED

    return CHECKS, EXPECTED


# (id, method, expected, check, settled_by); text comes from TEXT, order is the article's.
def _table() -> list[tuple[str, str, str, Callable[[], Verdict] | None, str]]:
    bound_checks, bound_expected = _bounds()
    eq = EQUATION_CHECKS

    def b(cid: str) -> tuple[str, str, str, Callable[[], Verdict] | None, str]:
        return (cid, "interval", bound_expected[cid], bound_checks[cid], "")

    return [
        ("eq1", "exact", "proved", eq["eq1"], ""),
        ("eq2", "identity", "proved", eq["eq2"], ""),
        ("vanish-explode", "exact", "proved", check_vanish_explode, ""),
        ("eq3", "identity", "proved", eq["eq3"], ""),
        ("vanish-meaning", "empirical", "unknown", _measured_only("vanish-meaning"), ""),
        *[(k, "identity", "proved", eq[k], "") for k in ("eq4a", "eq4b", "eq4c", "eq4d")],
        ("eq5", "catalog", "proved", eq["eq5"], ""),
        ("eq6", "identity", "proved", eq["eq6"], ""),
        b("tanh-bounded-in-U"), b("relu-unbounded"), b("clip-prevents-explosion"),
        ("eq7", "catalog", "proved", eq["eq7"], ""),
        ("eq8", "identity", "proved", eq["eq8"], ""),
        b("forget-dominant"),
        ("eq9", "identity", "proved", eq["eq9"], ""),
        b("xsech2-bound"), b("four-gates"),
        ("eq10a", "identity", "proved", eq["eq10a"], ""),
        ("eq10b", "identity", "proved", eq["eq10b"], ""),
        b("secondary-terms-small"),
        ("lstm-long-sequences", "empirical", "unknown", _measured_only("lstm-long-sequences"),
         ""),
        ("eq11", "catalog", "proved", eq["eq11"], ""),
        ("eq12", "catalog", "proved", eq["eq12"], ""),
        b("gru-h-bounded"), b("lstm-c-unbounded"),
        ("eq13", "identity", "proved", eq["eq13"], ""),
        b("gru-less-stable"),
        ("eq14", "catalog", "proved", eq["eq14"], ""),
    ]


def _build() -> tuple[Claim, ...]:
    from ..ndim.claims_nd import CHECKS_ND, EXPECTED_ND, NEW_CLAIMS

    claims = []
    for cid, method, expected, check, settled_by in _table():
        section, zh, en = TEXT[cid]
        claims.append(Claim(cid, section, zh, en, method, expected, check, settled_by,
                            ERRATA.get(cid, ()), CHECKS_ND.get(cid), EXPECTED_ND.get(cid, "")))
    for c in NEW_CLAIMS:  # beyond the article: the classic n-D norm results
        claims.append(Claim(c["id"], c["section"], c.get("zh", ""), c["en"], c["method"],
                            c["expected"], c["check"]))
    return tuple(claims)


CLAIMS: tuple[Claim, ...] = _build()
_BY_ID = {c.id: c for c in CLAIMS}


def claim_ids() -> tuple[str, ...]:
    """Every claim id, in the article's order."""
    return tuple(_BY_ID)


def get_claim(claim_id: str) -> Claim:
    """The claim with this id; :class:`UnknownClaimError` lists the ids otherwise."""
    try:
        return _BY_ID[claim_id]
    except (KeyError, TypeError):
        raise UnknownClaimError(
            f"unknown claim id {claim_id!r}; known ids: {', '.join(_BY_ID)}"
        ) from None


def run_claims(ids: Iterable[str] | None = None,
               progress: Callable[[Claim], None] | None = None,
               empirical: bool = False) -> list[ClaimResult]:
    """Check the given claims (all by default), timing each.

    With ``empirical=True`` the claims that have measurements (:mod:`symrnn.flow`) also
    carry them, as ``"empirical"`` evidence beside the formal verdict.
    """
    chosen = [get_claim(i) for i in ids] if ids is not None else list(CLAIMS)
    measured: dict = {}
    if empirical:
        from ..flow.claims_empirical import EMPIRICAL

        measured = EMPIRICAL
    results = []
    for claim in chosen:
        if progress is not None:
            progress(claim)
        start = time.perf_counter()
        verdict = claim.run()
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        nd = claim.check_nd() if claim.check_nd is not None else None
        seconds += time.perf_counter() - start
        extra = measured[claim.id]() if claim.id in measured else None
        results.append(ClaimResult(claim, verdict, seconds, extra, nd))
    return results
