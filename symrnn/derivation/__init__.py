"""Symbolic derivation: Jacobians by the chain rule, in gate notation, split into terms."""

from .chains import Chain, Diag, Mat, chains_latex, chains_scalar
from .derive import (
    ARTICLE_PATHS,
    Derivation,
    Jacobian,
    Term,
    article_derivative,
    derive,
    path_derivative,
)
from .jacobian import ChainRule, split_matvec

__all__ = [
    "ARTICLE_PATHS", "Chain", "ChainRule", "Derivation", "Diag", "Jacobian", "Mat", "Term",
    "article_derivative", "chains_latex", "chains_scalar", "derive", "path_derivative",
    "split_matvec",
]
