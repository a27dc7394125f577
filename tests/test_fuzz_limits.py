"""Fuzzing the inputs a user can type (issue 16).

Within the documented limits, every generated cell file and identity pair gives a result or
a :class:`SymrnnError` — never another exception — within a wall-clock budget (a
:class:`TimeLimitError` fails the test: it would be a hang). Just over each limit, every
generated input is refused with one line naming that limit, before any expensive work.
"""

from __future__ import annotations

import pytest
import sympy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import expressions
from symrnn import (
    LimitError,
    SymrnnError,
    TimeLimitError,
    Verdict,
    analyze,
    check_identity,
    define_cell,
    loads_cell,
)
from symrnn._limits import (
    CELL_LIMITS,
    IDENTITY_LIMITS,
    MAX_CELL_DEFINITIONS,
    MAX_PRECISION_BITS,
    check_expression,
    expanded_terms,
)
from symrnn.bounds.certificate import check_certificate
from symrnn.custom.toml_format import MAX_DEPTH, MAX_LENGTH

BUDGET = 60.0  # seconds per call: far above what any input within the limits needs
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))


# --- strategies: cell files within the limits ------------------------------------------------

NUMBERS = st.one_of(st.integers(0, 99).map(str),
                    st.tuples(st.integers(0, 999), st.integers(-5, 5)).map(
                        lambda t: f"{t[0] / 100}e{t[1]}"),
                    st.sampled_from(["0x10", "1_000", "0.5", ".25", "2."]))


@st.composite
def cell_expressions(draw, names: list[str], calls_left: int = 3, leaves: int = 6) -> str:
    """Expression text in the cell vocabulary, nesting at most ``calls_left`` calls."""
    if leaves <= 1 or draw(st.integers(0, 3)) == 0:
        return draw(st.one_of(st.sampled_from(names), NUMBERS,
                              st.sampled_from(["W0*x", "W1*x", "U0*h_prev", "U1*h_prev"])))
    kind = draw(st.sampled_from(["binary", "binary", "call", "power", "neg"]))
    if kind == "call" and calls_left > 0:
        fn = draw(st.sampled_from(["sigmoid", "tanh", "relu", "exp", "log"]))
        return f"{fn}({draw(cell_expressions(names, calls_left - 1, leaves - 1))})"
    if kind == "power":
        base = draw(cell_expressions(names, calls_left, leaves - 1))
        return f"({base})**{draw(st.integers(-3, 4))}"
    if kind == "neg":
        return f"-({draw(cell_expressions(names, calls_left, leaves - 1))})"
    op = draw(st.sampled_from(["+", "-", "*", "/"]))
    half = max(leaves // 2, 1)
    return (f"({draw(cell_expressions(names, calls_left, half))}) {op} "
            f"({draw(cell_expressions(names, calls_left, half))})")


@st.composite
def cell_files(draw) -> str:
    states = draw(st.sampled_from([["h"], ["h", "c"]]))
    gates = draw(st.lists(st.sampled_from(["f", "g", "z"]), max_size=3, unique=True))
    names = [f"{s}_prev" for s in states] + gates + ["b0", "b1"]
    body = {f"gates.{g}": draw(cell_expressions(names)) for g in gates}
    body.update({f"updates.{s}": draw(cell_expressions(names + states)) for s in states})
    text = " ".join(body.values())
    used = {p for p in ("W0", "W1", "U0", "U1", "b0", "b1") if p in text}
    kinds = {"W": "input_matrix", "U": "recurrent_matrix", "b": "vector"}
    params = "\n".join(f"{kind} = {sorted(p for p in used if p[0] == k)}".replace("'", '"')
                       for k, kind in kinds.items() if any(p[0] == k for p in used))
    gate_lines = "\n".join(f'{k.split(".")[1]} = "{v}"' for k, v in body.items()
                           if k.startswith("gates."))
    update_lines = "\n".join(f'{k.split(".")[1]} = "{v}"' for k, v in body.items()
                             if k.startswith("updates."))
    states_list = ", ".join(f'"{s}"' for s in states)
    return (f'[cell]\nname = "fuzz"\nstates = [{states_list}]\n[params]\n{params}\n'
            f"[gates]\n{gate_lines}\n[updates]\n{update_lines}\n")


def _within_budget(call):
    """``call()``'s result or the SymrnnError it raised; a TimeLimitError fails the test."""
    try:
        return call()
    except TimeLimitError as e:  # pragma: no cover - a failure of the limits, reported
        pytest.fail(f"over the {BUDGET:g} s budget (a hang): {e}")
    except SymrnnError as e:
        assert str(e), "an error without a message"
        return e


@FUZZ
@given(cell_files())
def test_a_cell_file_within_the_limits_is_analysed_or_refused_never_crashes(text):
    def run():
        return analyze(loads_cell(text, "fuzz.toml"), timeout=BUDGET)

    out = _within_budget(run)
    if not isinstance(out, SymrnnError):
        assert all(t.bound.status in ("sup", "upper", "unknown") for t in out.terms)


@FUZZ
@given(expressions, expressions, st.integers(1, 8))
def test_an_identity_pair_within_the_limits_is_decided_or_refused_never_crashes(a, b, k):
    x = sympy.Symbol("x")
    # (a, b): any verdict; a true identity: never refuted; a false one: never proved
    for lhs, rhs, never in ((a, b, None), (a * (x + 1)**k, sympy.expand(a * (x + 1)**k),
                                           "refuted"), (a, a + 1, "proved")):
        out = _within_budget(lambda: check_identity(lhs, rhs, timeout=BUDGET))
        assert not isinstance(out, SymrnnError) or isinstance(out, LimitError) or \
            "lhs" in str(out) or "rhs" in str(out)
        if isinstance(out, Verdict):
            assert out.status in ("proved", "refuted", "unknown") and out.status != never


# --- just over each limit: the one-line refusal ----------------------------------------------

def _refused(call, key: str) -> str:
    with pytest.raises(LimitError) as info:
        call()
    message = str(info.value)
    assert f"{key}=" in message and "\n" not in message
    return message


S = sympy.Symbol("s", real=True)
OVER = st.integers(1, 3)


def _tanh_chain(n: int) -> sympy.Expr:
    e = S
    for _ in range(n):
        e = sympy.tanh(e)
    return e


@settings(max_examples=6, deadline=None)
@given(OVER)
def test_identity_just_over_max_depth(k):
    limit = IDENTITY_LIMITS.max_depth
    check_expression(_tanh_chain(limit - 1), "lhs", IDENTITY_LIMITS)  # depth = limit: fine
    _refused(lambda: check_identity(_tanh_chain(limit - 1 + k), 0), "max_depth")


@settings(max_examples=6, deadline=None)
@given(OVER)
def test_identity_just_over_max_degree(k):
    x = sympy.Symbol("x")
    check_expression(x**IDENTITY_LIMITS.max_degree, "lhs", IDENTITY_LIMITS)
    _refused(lambda: check_identity(x**(IDENTITY_LIMITS.max_degree + k), x), "max_degree")


@settings(max_examples=8, deadline=None)
@given(st.integers(3, 6))  # two terms reach max_degree first
def test_identity_just_over_max_terms(t):
    limit = IDENTITY_LIMITS.max_terms
    k = next(k for k in range(1, 10**6) if expanded_terms(t, k) > limit)
    base = sympy.Add(*sympy.symbols(f"v0:{t}"))
    check_expression(base**(k - 1), "lhs", IDENTITY_LIMITS)  # at the limit: accepted
    _refused(lambda: check_identity(base**k, base), "max_terms")


@settings(max_examples=6, deadline=None)
@given(OVER)
def test_identity_just_over_max_nodes(k):
    limit = IDENTITY_LIMITS.max_nodes
    n, m = divmod(limit - 1 + k, 3)  # Add of n products a_i*y (3 nodes) and m symbols
    y = sympy.Symbol("y")
    terms = [sympy.Symbol(f"a{i}") * y for i in range(n)] + list(sympy.symbols(f"c0:{m}"))
    expr = sympy.Add(*terms)
    assert 1 + 3 * n + m == limit + k
    _refused(lambda: check_identity(expr, 0), "max_nodes")


@settings(max_examples=6, deadline=None)
@given(OVER)
def test_identity_just_over_max_digits_and_max_exponent(k):
    x = sympy.Symbol("x")
    digits = IDENTITY_LIMITS.max_digits
    check_expression(sympy.Integer(10**(digits - 1)) * x, "lhs", IDENTITY_LIMITS)
    _refused(lambda: check_identity(sympy.Integer(10**(digits - 1 + k)) * x, x), "max_digits")
    exponent = IDENTITY_LIMITS.max_exponent + k
    _refused(lambda: check_identity(sympy.Float(f"1e{exponent}", 15) * x, x), "max_exponent")


HEAD = '[cell]\nname = "c"\nstates = ["h"]\n[params]\nvector = ["b"]\n[updates]\n'


def _cell_refused(update: str, key: str) -> None:
    message = _refused(lambda: loads_cell(HEAD + f'h = "{update}"\n', "c.toml"), key)
    assert message.startswith("c.toml:7: updates.h:")


@settings(max_examples=6, deadline=None)
@given(OVER)
def test_cell_just_over_max_length(k):
    def sized(n):
        return ("b*(" + "h_prev + " * ((n - 10) // 9) + "h_prev)").ljust(n, " ")

    assert len(sized(MAX_LENGTH + k)) == MAX_LENGTH + k
    loads_cell(HEAD + f'h = "{sized(MAX_LENGTH)}"\n')
    _cell_refused(sized(MAX_LENGTH + k), "max_length")


@settings(max_examples=6, deadline=None)
@given(OVER)
def test_cell_just_over_max_depth(k):
    def nested(n):
        return "b*" + "(1 + " * n + "h_prev" + ")" * n

    loads_cell(HEAD + f'h = "{nested(MAX_DEPTH - 1)}"\n')  # depth MAX_DEPTH: accepted
    _cell_refused(nested(MAX_DEPTH - 1 + k), "max_depth")


@settings(max_examples=6, deadline=None)
@given(OVER, st.sampled_from(["tanh", "sigmoid", "exp"]))
def test_cell_just_over_max_calls(k, fn):
    def nested(n):
        return f"b*{fn}(" * 1 + f"{fn}(" * (n - 1) + "h_prev" + ")" * n

    loads_cell(HEAD + f'h = "{nested(CELL_LIMITS.max_calls)}"\n')
    _cell_refused(nested(CELL_LIMITS.max_calls + k), "max_calls")


@settings(max_examples=8, deadline=None)
@given(OVER, st.integers(3, 4))
def test_cell_just_over_max_degree(k, pieces):
    # b * prod (h_prev + j)**e_j with 1 + sum e_j = max_degree + k, every e_j <= 16
    total = CELL_LIMITS.max_degree + k - 1
    exps = [total // pieces + (j < total % pieces) for j in range(pieces)]
    text = "b*" + "*".join(f"(h_prev + {j + 1})**{e}" for j, e in enumerate(exps))
    _cell_refused(text, "max_degree")


@settings(max_examples=6, deadline=None)
@given(st.sampled_from([6, 7, 8]))
def test_cell_just_over_max_terms(t):
    limit = CELL_LIMITS.max_terms
    k = next(k for k in range(1, 17) if expanded_terms(t, k) > limit)
    sums = " + ".join(f"b{j}" for j in range(t))
    params = ", ".join(f'"b{j}"' for j in range(t))
    head = HEAD.replace('vector = ["b"]', f"vector = [{params}]")
    message = _refused(lambda: loads_cell(head + f'h = "h_prev*({sums})**{k}"\n', "c.toml"),
                       "max_terms")
    assert message.startswith("c.toml:7: updates.h:")


@settings(max_examples=6, deadline=None)
@given(OVER)
def test_cell_just_over_max_digits_and_max_exponent(k):
    digits = CELL_LIMITS.max_digits
    loads_cell(HEAD + f'h = "b*h_prev*{"1" * digits}"\n')
    _cell_refused(f"b*h_prev*{'1' * (digits + k)}", "max_digits")
    _cell_refused(f"b*h_prev*1e{CELL_LIMITS.max_exponent + k}", "max_exponent")
    _cell_refused(f"b*h_prev*0.{'0' * (CELL_LIMITS.max_exponent - 1 + k)}1", "max_exponent")


@settings(max_examples=4, deadline=None)
@given(OVER)
def test_cell_just_over_max_definitions(k):
    gates = MAX_CELL_DEFINITIONS - 1 + k  # plus the one state
    text = HEAD.replace("[updates]\n", "[gates]\n" + "".join(
        f'g{j} = "sigmoid(b*h_prev)"\n' for j in range(gates)) + "[updates]\n")
    _refused(lambda: loads_cell(text + 'h = "g0*h_prev"\n', "c.toml"), "max_definitions")


@settings(max_examples=4, deadline=None)
@given(OVER)
def test_cell_just_over_max_nodes_through_the_api(k):
    b = sympy.Symbol("b")
    limit = CELL_LIMITS.max_nodes
    n, m = divmod(limit - 1 + k, 3)
    expr = sympy.Add(*[b * sympy.Symbol(f"h{i}") for i in range(n)],
                     *[sympy.Symbol(f"r{j}") for j in range(m)])
    assert sum(1 for _ in sympy.preorder_traversal(expr)) == limit + k
    _refused(lambda: define_cell("big", states=["h"], updates={"h": expr},
                                 params={"b": "vector"}), "max_nodes")


# --- certificates ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def certificate() -> dict:
    import json

    from symrnn.bounds.xsech2 import prove_xsech2_bound

    return json.loads(json.dumps(prove_xsech2_bound("0.45").evidence["certificate"]))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OVER)
def test_certificate_just_over_max_precision_bits(certificate, k):
    import copy

    c = copy.deepcopy(certificate)
    c["precision_bits"] = MAX_PRECISION_BITS + k
    res = check_certificate(c)
    assert not res.ok and "max_precision_bits" in res.reasons[0]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(OVER)
def test_certificate_number_just_over_max_exponent(certificate, k):
    import copy

    c = copy.deepcopy(certificate)
    c["bound"] = f"1e{100 + k}"
    res = check_certificate(c)
    assert not res.ok and "max_exponent=100" in res.reasons[0] and "\n" not in res.reasons[0]
