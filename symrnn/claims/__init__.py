"""The article's claims: printed forms, checks, readings and the registry of verdicts."""

from .article import PRINTED, formula4, printed
from .readings import Reading, ReadingResult
from .registry import (
    CLAIMS,
    ERRATA,
    READINGS,
    SCHEMA,
    Claim,
    ClaimResult,
    claim_ids,
    get_claim,
    get_reading,
    reading_ids,
    run_claims,
)

__all__ = ["CLAIMS", "ERRATA", "PRINTED", "READINGS", "SCHEMA", "Claim", "ClaimResult",
           "Reading", "ReadingResult", "claim_ids", "formula4", "get_claim", "get_reading",
           "printed", "reading_ids", "run_claims"]
