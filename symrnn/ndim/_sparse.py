"""A small exact sparse polynomial over Q, for the explicit-n entrywise check.

Monomials are sorted tuples of variable ids with repetition ((3, 3, 7) is x3² x7);
coefficients are ints or Fractions. Equality is exact: two polynomials are equal iff
their term dictionaries are equal.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Union

__all__ = ["Poly", "ZERO", "ONE"]

Coeff = Union[int, Fraction]


class Poly:
    """An exact polynomial: ``{monomial: coefficient}`` with no zero coefficients."""

    __slots__ = ("terms",)

    def __init__(self, terms: dict[tuple[int, ...], Coeff]) -> None:
        self.terms = terms

    @staticmethod
    def const(c: Coeff) -> "Poly":
        return Poly({(): c} if c else {})

    @staticmethod
    def var(i: int) -> "Poly":
        return Poly({(i,): 1})

    def __add__(self, other: "Poly") -> "Poly":
        if not other.terms:
            return self
        out = dict(self.terms)
        for m, c in other.terms.items():
            v = out.get(m, 0) + c
            if v:
                out[m] = v
            else:
                out.pop(m, None)
        return Poly(out)

    def __neg__(self) -> "Poly":
        return Poly({m: -c for m, c in self.terms.items()})

    def __sub__(self, other: "Poly") -> "Poly":
        return self + (-other)

    def __mul__(self, other: "Poly") -> "Poly":
        if not self.terms or not other.terms:
            return ZERO
        out: dict[tuple[int, ...], Coeff] = {}
        for m1, c1 in self.terms.items():
            for m2, c2 in other.terms.items():
                m = tuple(sorted(m1 + m2)) if m1 and m2 else (m1 or m2)
                v = out.get(m, 0) + c1 * c2
                if v:
                    out[m] = v
                else:
                    out.pop(m, None)
        return Poly(out)

    def __pow__(self, p: int) -> "Poly":
        out = ONE
        for _ in range(p):
            out = out * self
        return out

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Poly) and self.terms == other.terms

    def __hash__(self) -> int:  # pragma: no cover - not used as a key
        return hash(frozenset(self.terms.items()))

    @property
    def is_zero(self) -> bool:
        return not self.terms


ZERO = Poly({})
ONE = Poly({(): 1})
