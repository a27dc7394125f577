"""check_identity: proves true identities, refutes false ones with re-checkable witnesses,
says unknown otherwise, and rejects bad input with a clear SymrnnError."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import example, given
from hypothesis import strategies as st

from symrnn import (
    InvalidExpressionError,
    LimitError,
    ReservedNameError,
    SymrnnError,
    TimeLimitError,
    UnsupportedFunctionError,
    check_identity,
    relu,
    sigmoid,
)
from strategies import X, Y, expressions, rechecks_witness

x, y, u = sympy.symbols("x y u")


@pytest.mark.parametrize("lhs, rhs", [
    (sympy.tanh(x), 2 * sigmoid(2 * x) - 1),                          # (4a)
    (sigmoid(x), (sympy.tanh(x / 2) + 1) / 2),                         # (4b)
    (sigmoid(x), 1 / (1 + sympy.exp(-x))),                             # σ as exp
    (sympy.diff(sigmoid(x), x), sigmoid(x) - sigmoid(x) ** 2),         # expanded (4d)
    ((x + y) ** 3, x**3 + 3 * x**2 * y + 3 * x * y**2 + y**3),         # factored vs expanded
    (sympy.exp(x + y), sympy.exp(x) * sympy.exp(y)),
    (sympy.exp(2 * x), sympy.exp(x) ** 2),
    (1 - sympy.tanh(x) ** 2, 4 * sigmoid(2 * x) * (1 - sigmoid(2 * x))),
    (sympy.tanh(sympy.tanh(x)), 2 * sigmoid(2 * sympy.tanh(x)) - 1),   # nested
    (sigmoid(-x), 1 - sigmoid(x)),
    (sympy.Float(0.5) * x, x / 2),                                     # 0.5 is exact
])
def test_true_identities_written_differently_are_proved(lhs, rhs):
    v = check_identity(lhs, rhs)
    assert v.status == "proved", v
    assert v.witness is None


@pytest.mark.parametrize("lhs, rhs", [
    (sympy.tanh(x), 2 * sigmoid(2 * x) + 1),
    (sympy.tanh(x), 2 * sigmoid(x) - 1),
    (sigmoid(x), sigmoid(-x)),
    (sympy.exp(x + y), sympy.exp(x) + sympy.exp(y)),
    (sympy.Float(0.1) * x, x / 10),          # the float 0.1 is not 1/10
    (x, x + sympy.Rational(1, 10**30)),      # tiny difference: needs the rigorous ball
])
def test_false_identities_are_refuted_with_a_witness_that_rechecks(lhs, rhs):
    v = check_identity(lhs, rhs)
    assert v.status == "refuted"
    assert v.witness and all(isinstance(val, sympy.Rational) for val in v.witness.values())
    assert set(v.witness) >= (lhs - rhs).free_symbols
    assert rechecks_witness(lhs.xreplace({sympy.Float(0.1): sympy.Rational(sympy.Float(0.1))}),
                            rhs, v.witness)


def test_an_identity_neither_proved_nor_refutable_is_unknown():
    # true for positive x, y only: the normal form cannot prove it and no witness exists
    # where both sides are defined
    v = check_identity(sympy.log(x * y), sympy.log(x) + sympy.log(y))
    assert v.status == "unknown"
    assert v.witness is None


def test_witness_points_where_a_side_is_undefined_are_skipped():
    # 1/x − 1/x is 0 wherever defined; x = 0 must never serve as a witness
    v = check_identity(1 / x, 1 / x + 0 * y)
    assert v.status == "proved"
    w = check_identity(1 / x, 1 / (x + 1))
    assert w.status == "refuted" and w.witness[x] != 0 and w.witness[x] != -1


@pytest.mark.parametrize("bad, error, words", [
    ("tanh(x)", InvalidExpressionError, "sympify"),
    (1.5, InvalidExpressionError, "float"),
    (None, InvalidExpressionError, "NoneType"),
    ([x], InvalidExpressionError, "list"),
    (sympy.sin(x), UnsupportedFunctionError, "sin"),
    (sympy.Abs(x), UnsupportedFunctionError, "Abs"),
    (relu(x), UnsupportedFunctionError, "relu"),
    (sympy.Derivative(sympy.tanh(x), x), UnsupportedFunctionError, ".doit()"),
    (sympy.I * x, UnsupportedFunctionError, "real"),
    (sympy.Symbol("tanh") + x, ReservedNameError, "rename"),
    (sympy.Symbol("sigma"), ReservedNameError, "reserved"),
    (sympy.Dummy("x") + x, ReservedNameError, "same way"),
    (sympy.sqrt(sympy.Symbol("p", positive=True) ** 2), InvalidExpressionError, "real values"),
    (sympy.Symbol("n", integer=True), InvalidExpressionError, "assumptions"),
])
def test_bad_input_raises_a_symrnn_error_naming_input_and_fix(bad, error, words):
    with pytest.raises(error) as info:
        check_identity(bad, x)
    assert isinstance(info.value, SymrnnError)
    assert words in str(info.value)
    assert "lhs" in str(info.value)


@given(expressions)
@example(sympy.tanh(X))
@example(sigmoid(X * Y))
def test_an_expression_rewritten_by_true_identities_is_never_refuted(e):
    rewritten = e.replace(sympy.tanh, lambda a: 2 * sigmoid(2 * a) - 1)
    rewritten = rewritten.replace(sigmoid, lambda a: 1 / (1 + sympy.exp(-a)))
    v = check_identity(e, sympy.expand(rewritten))
    assert v.status in ("proved", "unknown")
    assert v.status == "proved"  # the normal form is complete for these rewrites


@given(expressions, st.fractions(min_value=-2, max_value=2, max_denominator=7)
       .filter(lambda q: q != 0))
def test_an_expression_and_a_shifted_copy_are_refuted_never_proved(e, q):
    shifted = e + sympy.Rational(q.numerator, q.denominator)
    v = check_identity(e, shifted)
    assert v.status != "proved"
    if v.status == "refuted":
        assert rechecks_witness(e, shifted, v.witness)


@given(expressions, expressions)
def test_a_proved_verdict_agrees_with_an_independent_evaluation(a, b):
    v = check_identity(a, b)
    if v.status == "proved":
        point = {X: sympy.Rational(3, 7), Y: sympy.Rational(-5, 3), sympy.Symbol("z"): 1}
        da = sympy.N((a - b).xreplace(point), 30)
        assert abs(da) < 1e-20 or not da.is_finite
    elif v.status == "refuted":
        assert rechecks_witness(a, b, v.witness)


def test_arb_eval_of_powers_of_balls_around_or_left_of_zero_is_finite_and_tight():
    from flint import arb

    from symrnn import arb_eval

    assert abs(float(arb_eval((y - 1) ** 3, {y: sympy.Rational(1, 3)}).mid()) + 8 / 27) < 1e-15
    around_zero = arb_eval(x**2, {x: arb(0, 0.1)})
    assert around_zero.is_finite() and float(around_zero.upper()) <= 0.0102
    left = arb_eval(x**2, {x: arb(-1, 0.5)})
    assert float(left.upper()) <= 2.26 and left.is_finite()


@pytest.mark.parametrize("lhs, rhs", [
    # found by review: a denominator whose content is pi, and nested constants
    (sigmoid((sympy.log(x) - sympy.exp(-2)) / sympy.pi),
     sympy.tanh((sympy.log(x) - sympy.exp(-2)) / (2 * sympy.pi)) / 2 + sympy.Rational(1, 2)),
    (sympy.exp(-sympy.tanh(1) + 1 / sympy.pi),
     sympy.exp(-(sympy.E - sympy.exp(-1)) / (sympy.exp(-1) + sympy.E) + 1 / sympy.pi)),
])
def test_true_identities_with_constant_contents_are_proved_not_crashed(lhs, rhs):
    assert check_identity(lhs, rhs).status == "proved"


def test_real_symbols_are_accepted_and_decided_for_all_reals():
    r = sympy.Symbol("r", real=True)
    assert check_identity(sympy.tanh(r), 2 * sigmoid(2 * r) - 1).status == "proved"
    assert check_identity(sympy.exp(r), 1 + r).status == "refuted"


# --- issue 16: hostile and plausible input -------------------------------------------------


def test_real_and_plain_symbols_of_one_name_are_one_variable():
    # eq (6) retyped with real symbols, as the assumption message advises, against the
    # library's plain ones: the same identity, so proved; and one witness value per name
    from symrnn import article_derivative, printed

    d, e6 = article_derivative("rnn"), printed("eq6")
    real = {s: sympy.Symbol(s.name, real=True) for s in e6.free_symbols}
    v = check_identity(d.expr, e6.xreplace(real))
    assert v.status == "proved"
    w = check_identity(d.expr, 2 * e6.xreplace(real))
    assert w.status == "refuted"
    assert sorted(w.to_json()["witness"]) == sorted(str(s) for s in e6.free_symbols)
    by_name = {str(s): v for s, v in w.witness.items()}
    assert rechecks_witness(d.expr, 2 * e6, {s: by_name[s.name] for s in e6.free_symbols})


def test_an_assumption_used_and_dropped_before_the_call_is_refused():
    p = sympy.Symbol("p", positive=True)
    lhs = sympy.sqrt(p**2) - p  # SymPy has made this 0 already
    assert lhs == 0
    with pytest.raises(InvalidExpressionError, match="occurs in neither side"):
        check_identity(lhs, 0)
    with pytest.raises(InvalidExpressionError, match="assumptions"):
        check_identity(sympy.sqrt(p**2), p)


def test_a_closed_statement_without_such_symbols_is_still_decided():
    assert check_identity(sympy.tanh(1), 2 * sigmoid(2) - 1).status == "proved"


def test_a_power_expanding_to_millions_of_terms_is_refused_at_once():
    import time

    start = time.perf_counter()
    with pytest.raises(LimitError, match="max_terms"):
        check_identity((x + y + 1)**2400, (x + y + 2)**2400)
    assert time.perf_counter() - start < 5


def test_a_deeply_nested_expression_is_refused_and_one_within_the_limit_prints():
    s = sympy.Symbol("s", real=True)
    deep = s
    for _ in range(300):
        deep = sympy.tanh(deep)
    with pytest.raises(LimitError, match="max_depth=100"):
        check_identity(deep, deep + 1)
    ok = s
    for _ in range(98):
        ok = sympy.tanh(ok)
    v = check_identity(ok, ok + 1)
    assert v.status == "refuted" and v.statement.startswith("tanh(tanh(")


def test_the_timeout_keyword_bounds_the_wall_clock_time(monkeypatch):
    import time

    from symrnn.verify import identity

    def slow(diff):
        time.sleep(10)
        return False

    monkeypatch.setattr(identity, "opaque_form_is_zero", slow)
    start = time.perf_counter()
    with pytest.raises(TimeLimitError, match="timeout=0.2 s"):
        check_identity(sympy.tanh(x), 2 * sigmoid(2 * x) - 1, timeout=0.2)
    assert time.perf_counter() - start < 5


def test_a_side_rewritten_by_one_variable_per_name_is_validated_again():
    # sqrt(x**2) is valid with a plain x; with the real x of the other side it is Abs(x)
    from symrnn import UnsupportedFunctionError

    with pytest.raises(UnsupportedFunctionError, match=r"^lhs uses Abs"):
        check_identity(sympy.sqrt(sympy.Symbol("x") ** 2), sympy.Symbol("x", real=True))


def test_statement_false_skips_printing_and_changes_no_verdict():
    x = sympy.Symbol("x")
    printed = check_identity(sympy.tanh(x) ** 2, 1 - sympy.tanh(x) ** 2)
    quiet = check_identity(sympy.tanh(x) ** 2, 1 - sympy.tanh(x) ** 2, statement=False)
    assert printed.statement == "tanh(x)**2 = 1 - tanh(x)**2" and quiet.statement == ""
    assert printed.status == quiet.status == "refuted" and printed.witness == quiet.witness
    assert check_identity(2 * x, x + x, statement=False).proved
