"""xsech2-bound: the exact supremum of |(1 - tanh^2 c) c| and the article's < 0.45."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import pytest

from symrnn import InvalidArgumentError
from symrnn.bounds.certificate import check_certificate
from symrnn.bounds.xsech2 import analytic_steps, prove_xsech2_bound, xsech2_supremum


def _mpmath_sup() -> mpmath.mpf:
    """Outside reference: mpmath's root of 2c tanh c = 1 at 50 digits, then c - 1/(4c)."""
    mpmath.mp.dps = 50
    cs = mpmath.findroot(lambda x: 2 * x * mpmath.tanh(x) - 1, 0.77)
    return cs * (1 - mpmath.tanh(cs) ** 2), cs


def test_supremum_matches_mpmath_and_has_width_below_1e_15():
    s = xsech2_supremum()
    ref, cs = _mpmath_sup()
    lo, hi = Fraction(s.to_json()["lower"]), Fraction(s.to_json()["upper"])
    assert hi - lo <= Fraction(1, 10**15)
    assert lo <= Fraction(mpmath.nstr(ref, 40)) <= hi
    assert s.attained and abs(float(s.maximiser.mid()) - float(cs)) < 1e-15


def test_analytic_steps_cover_symmetry_critical_point_uniqueness_value():
    text = " ".join(analytic_steps())
    for word in ("symmetry", "critical-point", "uniqueness", "value"):
        assert word in text


def test_045_is_proved_with_a_tail_and_a_checkable_certificate():
    v = prove_xsech2_bound("0.45")
    assert v.proved
    assert v.evidence["tail"]["lemma"] == "linear-sech2"
    assert check_certificate(v.evidence["certificate"]).ok


@pytest.mark.parametrize("bound", ["0.447", "0.4477", "0.44774320469430284917", "0", "-1"])
def test_a_bound_below_the_supremum_is_refuted_with_a_witness(bound):
    v = prove_xsech2_bound(bound)
    assert v.refuted and v.witness
    c_w = Fraction(v.evidence["witness_c"])
    mpmath.mp.dps = 60
    x = mpmath.mpf(c_w.numerator) / c_w.denominator
    assert x * (1 - mpmath.tanh(x) ** 2) >= mpmath.mpf(Fraction(bound).numerator) / Fraction(
        bound).denominator


def test_a_bound_inside_the_supremum_enclosure_is_unknown_or_correct():
    # 0.4477432046943028491783... : a bound 1e-22 above it is true but may be too tight
    v = prove_xsech2_bound("0.44774320469430284918")
    assert v.status in ("proved", "unknown")


def test_natural_form_also_proves_045():
    assert prove_xsech2_bound("0.45", form="natural").proved


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "abc"])
def test_bad_bound_raises(bad):
    with pytest.raises(InvalidArgumentError):
        prove_xsech2_bound(bad)
