"""The article's claims: printed forms, checks and the registry of verdicts."""

from .article import PRINTED, formula4, printed
from .registry import CLAIMS, ERRATA, Claim, ClaimResult, claim_ids, get_claim, run_claims

__all__ = ["CLAIMS", "ERRATA", "PRINTED", "Claim", "ClaimResult", "claim_ids", "formula4",
           "get_claim", "printed", "run_claims"]
