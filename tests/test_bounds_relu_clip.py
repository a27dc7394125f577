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
    v = relu_clip.check_clip_prevents_explosion(steps=10)
    assert v.proved
    assert v.evidence["vanishing_witness"]["coefficient"] == "1/512"
    assert v.evidence["n_dim_caveat"]["equals_2^9_U"]


def test_clip_check_fails_if_the_witness_does_not_vanish(monkeypatch):
    monkeypatch.setattr(relu_clip, "_derivative", lambda phi: sympy.Integer(1))
    assert relu_clip.check_clip_prevents_explosion().status == "unknown"
