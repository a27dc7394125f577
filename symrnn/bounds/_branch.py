r"""Branch-and-bound over an interval, and interval Newton for a unique root.

Three searches, all rigorous (every discarded box is discarded on a certified inequality):

* :func:`maximize` encloses :math:`\sup_{[lo,hi]} f` to a requested width. Boxes are kept
  in a heap by their enclosure's upper end; the lower end of the answer is the best
  *rigorous lower bound* of ``f`` at a box midpoint. With ``form="mean-value"`` each box
  is enclosed by :func:`~._interval.mean_value_enclosure` (overestimation O(w²)); with
  ``form="natural"`` by the plain interval extension (overestimation O(w)), which is the
  "plain interval bisection" the benchmark compares against: near a smooth maximum it
  must keep :math:`O(w^{-1/2})` boxes per level, the mean-value form O(1).
* :func:`prove_upper_bound` covers ``[lo, hi]`` by boxes on each of which ``f < bound``
  is certified, and returns the cover (the certificate's "boxes" step) — or ``None``
  when the budget runs out (never a wrong "proved").
* :func:`newton_root` encloses the unique root of ``F`` in a box where ``F'`` keeps a
  sign, by the interval Newton operator :math:`N(X) = m - F(m)/F'(X)`; the returned box
  ``[a, b]`` has certified ``F(a)``, ``F(b)`` of opposite signs.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from fractions import Fraction

from flint import arb

from .._errors import InvalidArgumentError
from ._interval import Enclosure, box, endpoints, mean_value_enclosure, point

__all__ = ["MaxResult", "Cover", "maximize", "prove_upper_bound", "newton_root"]


@dataclass(frozen=True)
class MaxResult:
    """A certified enclosure ``[lower, upper]`` of a supremum over an interval.

    Attributes:
        lower: a value of ``f`` is certified ``>= lower`` (at ``argmax``).
        upper: every value of ``f`` on the interval is certified ``<= upper``.
        argmax: the rational point whose certified value gave ``lower``.
        boxes: the surviving boxes that may still contain the maximiser.
        evaluations: how many box enclosures were computed.
        complete: ``False`` when ``max_boxes`` ran out before the width was reached
            (``lower``/``upper`` are still rigorous, just wider).
    """

    lower: Fraction
    upper: Fraction
    argmax: Fraction
    boxes: tuple[tuple[Fraction, Fraction], ...]
    evaluations: int
    complete: bool

    @property
    def width(self) -> Fraction:
        return self.upper - self.lower


@dataclass
class Cover:
    """Boxes covering ``[lo, hi]`` in order, each with its certified upper end of ``f``."""

    lo: Fraction
    hi: Fraction
    boxes: list[tuple[Fraction, Fraction]] = field(default_factory=list)
    uppers: list[Fraction] = field(default_factory=list)
    evaluations: int = 0


def _enclose(f: Enclosure, df: Enclosure | None, a: Fraction, b: Fraction) -> arb:
    if df is None:
        return f(box(a, b))
    return mean_value_enclosure(f, df, a, b)


def maximize(
    f: Enclosure,
    lo: Fraction,
    hi: Fraction,
    *,
    df: Enclosure | None = None,
    width: Fraction = Fraction(1, 10**15),
    max_boxes: int = 200_000,
) -> MaxResult:
    """Enclose ``sup f`` over ``[lo, hi]`` to ``upper - lower <= width``.

    ``df`` (an enclosure of ``f'``) switches on the mean-value form; without it each box
    gets the natural interval extension. Raises :class:`InvalidArgumentError` if ``f`` is
    not finite on ``[lo, hi]`` (a pole, or an undefined operation).
    """
    if lo > hi:
        raise InvalidArgumentError(f"Cannot have lo={lo} > hi={hi}; swap the endpoints")
    best_lo, arg = Fraction(-(10**30)), lo
    for p in (lo, hi, (lo + hi) / 2):
        v = f(point(p))
        if v.is_finite() and endpoints(v)[0] > best_lo:
            best_lo, arg = endpoints(v)[0], p
    top = _enclose(f, df, lo, hi)
    if not top.is_finite():
        raise InvalidArgumentError(
            f"f is not finite on [{lo}, {hi}] (enclosure {top}); split off the singularity"
        )
    heap: list[tuple[Fraction, Fraction, Fraction]] = [(-endpoints(top)[1], lo, hi)]
    evals = 1
    while heap:
        neg_up, a, b = heap[0]
        if -neg_up - best_lo <= width or evals >= max_boxes:
            break
        heapq.heappop(heap)
        m = (a + b) / 2
        if m in (a, b):  # cannot split further at exact rationals: keep the box
            heapq.heappush(heap, (neg_up, a, b))
            break
        vm = f(point(m))
        if endpoints(vm)[0] > best_lo:
            best_lo, arg = endpoints(vm)[0], m
        for ca, cb in ((a, m), (m, b)):
            e = _enclose(f, df, ca, cb)
            evals += 1
            up = endpoints(e)[1]
            if up >= best_lo:
                heapq.heappush(heap, (-up, ca, cb))
    upper = -heap[0][0] if heap else best_lo
    keep = tuple(sorted((a, b) for up, a, b in heap if -up >= best_lo))
    return MaxResult(
        lower=best_lo,
        upper=max(upper, best_lo),
        argmax=arg,
        boxes=keep,
        evaluations=evals,
        complete=(upper - best_lo) <= width,
    )


def prove_upper_bound(
    f: Enclosure,
    lo: Fraction,
    hi: Fraction,
    bound: Fraction,
    *,
    df: Enclosure | None = None,
    max_boxes: int = 100_000,
) -> Cover | None:
    """Cover ``[lo, hi]`` by boxes each certified to have ``f < bound``; ``None`` if a box
    cannot be certified within ``max_boxes`` evaluations (the bound may be false or too
    tight for the budget: the caller says "unknown", never "proved")."""
    cover = Cover(lo, hi)
    stack = [(lo, hi)]
    target = point(bound)
    while stack:
        a, b = stack.pop()
        e = _enclose(f, df, a, b)
        cover.evaluations += 1
        if e.is_finite() and e < target:
            cover.boxes.append((a, b))
            cover.uppers.append(endpoints(e)[1])
            continue
        if cover.evaluations >= max_boxes:
            return None
        if e.is_finite() and endpoints(f(point((a + b) / 2)))[0] >= bound:
            return None  # a point where f >= bound: the bound is false here
        m = (a + b) / 2
        stack += [(m, b), (a, m)]  # left child popped first: boxes come out in order
    return cover


def newton_root(
    F: Enclosure,
    dF: Enclosure,
    lo: Fraction,
    hi: Fraction,
    *,
    width: Fraction = Fraction(1, 10**20),
    max_steps: int = 200,
) -> tuple[Fraction, Fraction]:
    """The box ``[a, b]`` (width ``<= width``) of the unique root of ``F`` in ``[lo, hi]``.

    Requires ``F'`` certified nonzero on ``[lo, hi]`` and ``F(lo)``, ``F(hi)`` certified of
    opposite signs (so exactly one root exists); raises :class:`InvalidArgumentError`
    otherwise. The result again has certified opposite signs at its endpoints.
    """
    d = dF(box(lo, hi))
    if 0 in d:
        raise InvalidArgumentError(
            f"F' encloses 0 on [{lo}, {hi}] ({d}); the root may not be unique — shrink the box"
        )
    sa, sb = F(point(lo)), F(point(hi))
    if not ((sa < 0 and sb > 0) or (sa > 0 and sb < 0)):
        raise InvalidArgumentError(
            f"F(lo)={sa} and F(hi)={sb} are not certified of opposite signs on "
            f"[{lo}, {hi}]; no root is certified there"
        )
    rising = sb > 0

    def certified_bracket(a: Fraction, b: Fraction) -> bool:
        fa, fb = F(point(a)), F(point(b))
        return bool((fa < 0 and fb > 0) if rising else (fa > 0 and fb < 0))

    a, b = lo, hi
    for _ in range(max_steps):
        if b - a <= width:
            break
        m = (a + b) / 2
        n = point(m) - F(point(m)) / dF(box(a, b))
        # N(X) contains the root; round it outward to short dyadics and keep it only if
        # the signs at its new ends are certified — that check, not the step, is the proof.
        bits = 2 * _log2_ceil(1 / (b - a)) + 8
        na, nb = endpoints(n)
        ca = max(a, Fraction(math.floor(na * 2**bits), 2**bits))
        cb = min(b, Fraction(math.ceil(nb * 2**bits), 2**bits))
        if ca < cb and cb - ca < b - a and certified_bracket(ca, cb):
            a, b = ca, cb
            continue
        fm = F(point(m))  # bisection fallback
        if fm < 0 or fm > 0:
            if (fm < 0) == rising:
                a = m
            else:
                b = m
            continue
        break  # F(m) not sign-certified at this precision: stop with the current box
    return a, b


def _log2_ceil(q: Fraction) -> int:
    return max(1, math.ceil(math.log2(q)) if q > 0 else 1)
