"""The independent checker accepts genuine certificates and rejects every corruption."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from symrnn.bounds.certificate import check_certificate
from symrnn.bounds.tanh_in_u import S
from symrnn.bounds.xsech2 import prove_xsech2_bound, xsech2_supremum


@pytest.fixture(scope="module")
def bound_cert() -> dict[str, Any]:
    return json.loads(json.dumps(prove_xsech2_bound("0.45").evidence["certificate"]))


@pytest.fixture(scope="module")
def sup_cert() -> dict[str, Any]:
    return json.loads(json.dumps(xsech2_supremum().certificate))


def _cover(cert: dict[str, Any], sign: int = 1) -> dict[str, Any]:
    return next(s for s in cert["steps"] if s["kind"] == "cover" and s["sign"] == sign)


def test_genuine_certificates_pass(bound_cert, sup_cert):
    assert check_certificate(bound_cert).ok
    assert check_certificate(sup_cert).ok
    assert check_certificate(S(2).certificate).ok


def _drop_box(c):
    cov = _cover(c)
    del cov["boxes"][len(cov["boxes"]) // 2], cov["uppers"][len(cov["uppers"]) // 2]


def _drop_last_box(c):
    cov = _cover(c)
    cov["boxes"].pop(), cov["uppers"].pop()


def _shrink_enclosure(c):
    cov = _cover(c)
    k = len(cov["uppers"]) // 2
    cov["uppers"][k] = str(float(cov["uppers"][k]) * 0.9)


def _raise_record_above_bound(c):
    _cover(c)["uppers"][0] = "0.46"


def _drop_negative_cover(c):
    c["steps"] = [s for s in c["steps"] if not (s["kind"] == "cover" and s["sign"] == -1)]


def _drop_tail(c):
    c["steps"] = [s for s in c["steps"] if s["kind"] != "tail"]


def _tail_too_short(c):
    next(s for s in c["steps"] if s["kind"] == "tail")["T"] = "1"


def _wrong_parity(c):
    c["steps"][0]["parity"] = "even"


def _tighter_bound(c):
    c["bound"] = "0.447"


def _other_function(c):
    c["expr"] = "2*c*(1 - tanh(c)**2)"


def _wrong_format(c):
    c["format"] = "something/else"


def _garbage(c):
    c["steps"] = "not a list"


@pytest.mark.parametrize("corrupt", [
    _drop_box, _drop_last_box, _shrink_enclosure, _raise_record_above_bound,
    _drop_negative_cover, _drop_tail, _tail_too_short, _wrong_parity, _tighter_bound,
    _other_function, _wrong_format, _garbage,
])
def test_corrupted_bound_certificate_is_rejected(bound_cert, corrupt):
    bad = copy.deepcopy(bound_cert)
    corrupt(bad)
    res = check_certificate(bad)
    assert not res.ok and res.reasons


def _bracket_off_root(c):
    c["steps"][1]["bracket"] = ["1/2", "3/4"]


def _bracket_inverted(c):
    b = c["steps"][1]["bracket"]
    b[0], b[1] = b[1], b[0]


def _value_shrunk(c):
    v = c["steps"][2]
    v["upper"] = v["lower"]


def _value_shifted(c):
    c["steps"][2]["lower"], c["steps"][2]["upper"] = "0.44", "0.447"


def _formula_wrong(c):
    c["steps"][2]["formula"] = "c - 1/(2*c)"


def _equation_wrong(c):
    c["steps"][1]["equation"] = "c*tanh(c) - 1"


def _no_parity(c):
    c["steps"] = c["steps"][1:]


@pytest.mark.parametrize("corrupt", [
    _bracket_off_root, _bracket_inverted, _value_shrunk, _value_shifted, _formula_wrong,
    _equation_wrong, _no_parity,
])
def test_corrupted_supremum_certificate_is_rejected(sup_cert, corrupt):
    bad = copy.deepcopy(sup_cert)
    corrupt(bad)
    res = check_certificate(bad)
    assert not res.ok and res.reasons


def test_shifted_certificate_rejects_a_negative_shift():
    bad = copy.deepcopy(S(2).certificate)
    bad["steps"][0]["A"] = "-2"
    assert not check_certificate(bad).ok


# --- issue 16: limits on certificate numbers and precision; never raises ---------------------


def test_a_huge_bound_is_rejected_at_once_naming_the_limit(bound_cert):
    import time

    c = copy.deepcopy(bound_cert)
    c["bound"] = "1e99999999"
    start = time.perf_counter()
    res = check_certificate(c)
    assert not res.ok and "max_exponent" in res.reasons[0]
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("bits", [30_000_000, 0, -5, "128", 1.5, True])
def test_a_precision_outside_the_limit_is_rejected(bound_cert, bits):
    c = copy.deepcopy(bound_cert)
    c["precision_bits"] = bits
    res = check_certificate(c)
    assert not res.ok and "max_precision_bits" in res.reasons[0]


def test_too_many_boxes_are_rejected_before_they_are_read(bound_cert):
    c = copy.deepcopy(bound_cert)
    cov = _cover(c)
    cov["boxes"] = [["0", "1"]] * 100_001
    cov["uppers"] = ["0.1"] * 100_001
    res = check_certificate(c)
    assert not res.ok and "max_certificate_boxes" in " ".join(res.reasons)


def test_a_substitution_of_the_variable_itself_is_rejected_not_raised(sup_cert):
    c = copy.deepcopy(sup_cert)
    step = next(s for s in c["steps"] if s["kind"] == "value-at-critical")
    step["substitute"] = f"{c['var']} = 1"
    res = check_certificate(c)
    assert not res.ok and res.reasons
