"""The general lemmas behind the readings: each is proved by its exact steps, the
non-negative-polynomial check refuses what it cannot certify, and a lemma whose step fails
takes every reading that uses it down to "unknown"."""

from __future__ import annotations

import pytest
import sympy

from symrnn.claims import products
from symrnn.verify import lemmas
from symrnn.verify.lemmas import LEMMAS, lemma, lemma_statuses, nonnegative_polynomial

x, y = sympy.symbols("x y", nonnegative=True)
r = sympy.Symbol("r", real=True)


@pytest.fixture(autouse=True)
def fresh_cache():
    lemma.cache_clear()
    yield
    lemma.cache_clear()


@pytest.mark.parametrize("name", sorted(LEMMAS))
def test_each_lemma_is_proved_with_every_step_checked(name):
    v = lemma(name)
    assert v.status == "proved", v.evidence
    assert v.statement and v.evidence["steps"]
    assert set(v.evidence["steps"].values()) == {"checked"}


class TestNonnegativePolynomial:
    @pytest.mark.parametrize("expr", [x * y + 1, (x + y) ** 3, r**2 * x, 2 * r**4 + 3, 0])
    def test_accepts_non_negative_coefficients_and_even_powers_of_real_variables(self, expr):
        assert nonnegative_polynomial(expr, {x, y}, {r})

    @pytest.mark.parametrize("expr", [x - y, -x, r * x, r**3, (x - 1) ** 2,
                                      sympy.exp(x), x + sympy.Symbol("z"), -1])
    def test_refuses_what_it_cannot_certify(self, expr):
        assert not nonnegative_polynomial(expr, {x, y}, {r})


def test_a_failing_lemma_step_makes_the_lemma_and_its_readings_unknown(monkeypatch):
    monkeypatch.setattr(lemmas, "nonnegative_polynomial", lambda *a, **k: False)
    assert lemma("product-monotone").status == "unknown"
    assert lemma("power-bound").status == "unknown"  # built on product-monotone
    assert lemma_statuses("power-bound")["power-bound"]["status"] == "unknown"
    assert products.check_uniform().status == "unknown"
    assert products.check_tail_share().status == "unknown"


def test_a_wrong_closed_form_breaks_the_geometric_tail(monkeypatch):
    real = lemmas.check_identity

    def wrong(lhs, rhs):  # pretend the tail were (q^d - q^M)/(1 - q): off by one
        return real(lhs + 1, rhs) if lhs.has(sympy.Symbol("B")) else real(lhs, rhs)

    monkeypatch.setattr(lemmas, "check_identity", wrong)
    assert lemma("geometric-tail").status == "unknown"


def test_an_unknown_lemma_name_is_an_error_that_lists_the_lemmas():
    from symrnn import UnknownClaimError

    with pytest.raises(UnknownClaimError, match="power-bound"):
        lemma("power-bond")


def test_identically_zero_proves_identities_and_nothing_else():
    import sympy

    from symrnn.verify.lemmas import identically_zero

    M = sympy.Symbol("M", positive=True)
    assert identically_zero(sympy.tanh(sympy.log(5)) - sympy.Rational(12, 13))
    assert identically_zero((M + 1) ** 2 - M**2 - 2 * M - 1)
    # mutants: a constant off, a dropped term, a sign flipped
    assert not identically_zero(sympy.tanh(sympy.log(5)) - sympy.Rational(11, 13))
    assert not identically_zero((M + 1) ** 2 - M**2 - 1)
    assert not identically_zero((M - 1) ** 2 - M**2 - 2 * M - 1)
    # true only for M > 0: the plain real reading does not prove it (never a false "proved")
    assert not identically_zero(sympy.Abs(sympy.Symbol("M")) - sympy.Symbol("M"))
    # two variables with one name are not merged into one
    assert not identically_zero(M - sympy.Symbol("M"))
