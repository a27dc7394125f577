"""relu-unbounded and clip-prevents-explosion: exact checks, and that they can fail."""

from __future__ import annotations

import sympy

from symrnn.bounds import relu_clip


def test_relu_unbounded_is_proved_with_witnesses_exceeding_M():
    v = relu_clip.check_relu_unbounded()
    assert v.proved
    for w in v.evidence["witnesses"]:
        assert abs(sympy.Rational(w["dh_t/dh_{t-1}"])) > int(w["M"])
        assert sympy.Rational(w["preactivation"]) > 0


def test_relu_check_fails_when_the_cell_is_tanh(monkeypatch):
    orig = relu_clip._derivative
    monkeypatch.setattr(relu_clip, "_derivative", lambda phi: orig("tanh"))
    assert relu_clip.check_relu_unbounded().status == "unknown"


def test_clipping_bounds_the_factors_but_not_vanishing():
    assert relu_clip.check_clip_prevents_explosion().proved
    v = relu_clip.check_clip_vanishing_not_fixed(steps=10)
    assert v.proved
    assert v.evidence["coefficient"] == "1/512"


def test_clip_checks_fail_if_the_derivative_were_wrong(monkeypatch):
    monkeypatch.setattr(relu_clip, "_derivative", lambda phi: sympy.Integer(1))
    assert relu_clip.check_clip_vanishing_not_fixed().status == "unknown"
    assert relu_clip.check_clip_prevents_explosion().status == "unknown"
