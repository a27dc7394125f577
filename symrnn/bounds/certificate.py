r"""A small, separate checker that re-verifies bound certificates from scratch.

Every bound proof of :mod:`symrnn.bounds` emits a JSON certificate. This module re-checks
one using *none* of the prover's code: its own tree-walking Arb evaluator, its own
mean-value form, and SymPy only for exact identities. A certificate is a claim plus
steps; the checker accepts it only if every step re-verifies and the steps together
cover the claim's whole domain.

Two claim shapes (``format = "symrnn-bound-certificate/1"``):

``"bound"`` present — *for every real x, |expr(x)| < bound*. Steps:
    ``parity`` (odd/even, checked exactly) reduces ℝ to [0, ∞);
    ``tail`` (the linear-sech2 lemma of :mod:`symrnn.bounds._tails`) covers
    ``|x| >= T`` once ``expr`` is checked to be ``±(x - a)(1 - tanh^2 x)`` exactly and
    ``4(|a| + T)e^{-2T} < bound`` is re-evaluated;
    two ``cover`` steps (sign +1 for ``expr``, -1 for ``-expr``) list contiguous boxes of
    ``[0, T]`` (or ``[-T, T]`` without parity) with recorded upper ends: each is
    recomputed and must be ``<=`` the record, which must be ``< bound``.

no ``"bound"`` — *sup over [0, ∞) of expr lies in [lower, upper]* (after ``parity``, or a
``shifted`` step for :math:`(y + A)\,\mathrm{sech}^2 y`). Steps: ``critical-point``
(``expr' = -P·E`` exactly with ``P`` and ``E'`` positive on (0, ∞) by a syntactic
positivity rule, ``E(0) < 0``, and ``E(a) < 0 < E(b)`` at the bracket's exact ends), then
``value-at-critical`` (``expr = formula`` exactly after the substitution that ``E = 0``
gives, and the formula's enclosure over the bracket inside ``[lower, upper]``).

>>> from symrnn.bounds.xsech2 import prove_xsech2_bound
>>> check_certificate(prove_xsech2_bound("0.45").evidence["certificate"]).ok
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import sympy
from flint import arb, ctx, fmpq

from .._errors import TimeLimitError
from .._limits import CERTIFICATE_LIMITS, MAX_CERTIFICATE_BOXES, MAX_PRECISION_BITS, parse_number

__all__ = ["CheckResult", "check_certificate"]

FORMAT = "symrnn-bound-certificate/1"


@dataclass
class CheckResult:
    """The checker's answer: ``ok`` only if every step re-verified; ``reasons`` if not."""

    ok: bool = True
    checked: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)

    def fail(self, reason: str) -> "CheckResult":
        self.ok = False
        self.reasons.append(reason)
        return self

    def __bool__(self) -> bool:
        return self.ok


# --- an evaluator of its own (deliberately not the prover's compiled closures) ---------


def _num(value: object, name: str = "number") -> Fraction:
    """A certificate's number, exactly; sized before it is built (``1e99999999`` is refused
    by :data:`symrnn._limits.CERTIFICATE_LIMITS`, never computed)."""
    return parse_number(value, name, CERTIFICATE_LIMITS)


def _q(text: object) -> arb:
    f = _num(text)
    return arb(fmpq(f.numerator, f.denominator))


def _ev(e: sympy.Basic, env: Mapping[sympy.Symbol, arb]) -> arb:
    if e.is_Symbol:
        return env[e]
    if e.is_Rational:
        return arb(fmpq(int(e.p), int(e.q)))
    if e.is_Add:
        out = arb(0)
        for t in e.args:
            out += _ev(t, env)
        return out
    if e.is_Mul:
        out = arb(1)
        for t in e.args:
            out *= _ev(t, env)
        return out
    if e.is_Pow and e.args[1].is_Integer:
        n = int(e.args[1])
        b = _ev(e.args[0], env)
        return b**n if n >= 0 else 1 / b ** (-n)
    if isinstance(e, sympy.tanh):
        return _ev(e.args[0], env).tanh()
    if isinstance(e, sympy.exp):
        return _ev(e.args[0], env).exp()
    raise ValueError(f"checker cannot evaluate {e}")


def _hull(a: Fraction, b: Fraction) -> arb:
    return arb.union(arb(fmpq(a.numerator, a.denominator)), arb(fmpq(b.numerator, b.denominator)))


def _upper(x: arb) -> Fraction:
    """The exact upper end of a finite ball."""
    old = ctx.prec
    ctx.prec = 1024
    try:
        m, e = x.upper().man_exp()
    finally:
        ctx.prec = old
    mi, ei = int(m), int(e)
    return Fraction(mi * 2**ei) if ei >= 0 else Fraction(mi, 2**-ei)


def _positive(e: sympy.Expr, v: sympy.Symbol) -> bool:
    """A syntactic proof that ``e > 0`` for every ``v > 0`` (sound, incomplete)."""
    if sympy.expand(e - (1 - sympy.tanh(v) ** 2)) == 0:  # sech^2 > 0
        return True
    if e.is_Rational:
        return bool(e > 0)
    if e == v or e == sympy.tanh(v) or isinstance(e, sympy.exp):
        return True
    if e.is_Mul:
        return all(_positive(t, v) for t in e.args)
    if e.is_Pow and e.args[1].is_Integer:
        return _positive(e.args[0], v)
    if e.is_Add:  # nonnegative terms, one positive
        return all(_positive(t, v) or (t.is_Rational and t >= 0) for t in e.args) and any(
            _positive(t, v) for t in e.args
        )
    return False


# --- the steps ----------------------------------------------------------------------


def check_certificate(cert: Mapping[str, Any]) -> CheckResult:
    """Re-verify ``cert`` from scratch; never raises on a malformed certificate (one over a
    limit of :mod:`symrnn._limits` — a number's digits or magnitude, ``precision_bits``, the
    number of boxes — is rejected with a reason naming the limit)."""
    res = CheckResult()
    try:
        if cert.get("format") != FORMAT:
            return res.fail(f"format={cert.get('format')!r} is not {FORMAT!r}")
        bits = cert.get("precision_bits", 128)
        if isinstance(bits, bool) or not isinstance(bits, int) or not (
                2 <= bits <= MAX_PRECISION_BITS):
            return res.fail(f"precision_bits={str(bits)[:20]!r} must be an integer in [2, "
                            f"{MAX_PRECISION_BITS}] (the limit max_precision_bits)")
        old = ctx.prec
        ctx.prec = bits
        try:
            x = sympy.Symbol(cert["var"], real=True)
            f = _parse(cert["expr"], x)
            if "bound" in cert:
                _check_bound(cert, f, x, res)
            else:
                _check_sup(cert, f, x, res)
        finally:
            ctx.prec = old
    except TimeLimitError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed certificate is rejected, never raised
        res.fail(f"malformed certificate: {type(exc).__name__}: {' '.join(str(exc).split())}")
    if res.ok and not res.checked:
        res.fail("no step was checked")
    return res


def _parity(step: Mapping[str, Any], f: sympy.Expr, x: sympy.Symbol, res: CheckResult) -> bool:
    sgn = {"odd": 1, "even": -1}.get(step.get("parity", ""))
    if sgn is None or sympy.expand(f.subs(x, -x) + sgn * f) != 0:
        res.fail(f"parity step {step.get('parity')!r} does not hold exactly")
        return False
    res.checked.append(f"parity: {step['parity']} (exact)")
    return True


def _check_bound(cert: Mapping[str, Any], f: sympy.Expr, x: sympy.Symbol, res: CheckResult
                 ) -> None:
    B = _num(cert["bound"], "bound")
    steps = cert["steps"]
    parity = [s for s in steps if s["kind"] == "parity"]
    tails = [s for s in steps if s["kind"] == "tail"]
    covers = {s["sign"]: s for s in steps if s["kind"] == "cover"}
    if parity and not _parity(parity[0], f, x, res):
        return
    if len(tails) != 1 or tails[0].get("lemma") != "linear-sech2":
        res.fail("needs exactly one linear-sech2 tail step to cover the unbounded domain")
        return
    a, T = _num(tails[0]["a"], "tail.a"), _num(tails[0]["T"], "tail.T")
    template = (x - sympy.Rational(a.numerator, a.denominator)) * (1 - sympy.tanh(x) ** 2)
    if sympy.expand(f - template) != 0 and sympy.expand(f + template) != 0:
        res.fail(f"expr is not ±(x - a)(1 - tanh^2 x) with a={a}: the tail lemma does not apply")
        return
    if T < max(Fraction(0), Fraction(1, 2) - abs(a)):
        res.fail(f"tail T={T} < max(0, 1/2 - |a|): the lemma's hypothesis fails")
        return
    tail_value = 4 * (_q(str(abs(a))) + _q(str(T))) * (-2 * _q(str(T))).exp()
    if not tail_value < _q(str(B)):
        res.fail(f"tail constant {tail_value} is not certified < bound {B}")
        return
    res.checked.append(f"tail: |f| <= {tail_value.str(10)} < {B} for |x| >= {T}")
    need_lo = Fraction(0) if parity else -T
    for sign in (1, -1):
        if sign not in covers:
            res.fail(f"no cover step with sign={sign}")
            return
        if not _cover(covers[sign], sign * f, x, need_lo, T, B, res):
            return
    res.checked.append(f"claim: |{cert['expr']}| < {B} for every real {cert['var']}")


def _cover(step: Mapping[str, Any], f: sympy.Expr, x: sympy.Symbol, need_lo: Fraction,
           need_hi: Fraction, B: Fraction, res: CheckResult) -> bool:
    if len(step["boxes"]) > MAX_CERTIFICATE_BOXES:
        res.fail(f"cover: {len(step['boxes'])} boxes, over the limit "
                 f"max_certificate_boxes={MAX_CERTIFICATE_BOXES}")
        return False
    boxes = [(_num(a, "box"), _num(b, "box")) for a, b in step["boxes"]]
    uppers = [_num(u, "upper") for u in step["uppers"]]
    if len(boxes) != len(uppers) or not boxes:
        res.fail("cover: boxes and uppers differ in number, or no boxes")
        return False
    if boxes[0][0] > need_lo or boxes[-1][1] < need_hi:
        res.fail(f"cover [{boxes[0][0]}, {boxes[-1][1]}] does not reach [{need_lo}, {need_hi}]")
        return False
    df = sympy.diff(f, x)
    for k, ((a, b), u) in enumerate(zip(boxes, uppers)):
        if a > b or (k and boxes[k - 1][1] != a):
            res.fail(f"cover: box {k} [{a}, {b}] leaves a gap or is inverted")
            return False
        if u >= B:
            res.fail(f"cover: box {k} records upper {u} >= bound {B}")
            return False
        X = _hull(a, b)
        e = _ev(f, {x: X})
        if step.get("form") == "mean-value":
            m = (a + b) / 2
            M = arb(fmpq(m.numerator, m.denominator))
            mv = _ev(f, {x: M}) + _ev(df, {x: X}) * (X - M)
            e = mv if not e.is_finite() else (mv.intersection(e) if mv.is_finite() else e)
        if not (e.is_finite() and e < _q(str(B))):
            res.fail(f"cover: box {k} [{a}, {b}] recomputes to {e}, not below the bound {B}")
            return False
        # The record must agree with the recomputation: an independent evaluation rounds
        # radii differently (Arb radii carry 30 bits), so allow 2^-20 of the radius.
        hi = _upper(e)
        if hi - u > Fraction(_upper(e.rad())) / 2**20:
            res.fail(f"cover: box {k} [{a}, {b}] recomputes to {e}, above its record {u}")
            return False
    res.checked.append(f"cover sign {step['sign']}: {len(boxes)} boxes re-enclosed below {B}")
    return True


def _parse(text: str, x: sympy.Symbol) -> sympy.Expr:
    """A certificate formula, parsed by the same whitelist as cell files (never eval'd:
    a certificate is untrusted input), with its variable as ``x``."""
    from ..custom.toml_format import parse_expression

    e = parse_expression(text, field="certificate")
    return e.xreplace({sympy.Symbol(x.name): x})


def _check_sup(cert: Mapping[str, Any], f: sympy.Expr, x: sympy.Symbol, res: CheckResult
               ) -> None:
    steps = {s["kind"]: s for s in cert["steps"]}
    if "parity" in steps:
        if not _parity(steps["parity"], f, x, res):
            return
        if steps["parity"]["parity"] == "odd" and not (_positive(f, x) and f.subs(x, 0) == 0):
            res.fail("odd expr is not syntactically >= 0 on [0, inf): sup|f| may sit at x < 0")
            return
    elif "shifted" in steps:
        A = _num(steps["shifted"]["A"], "shifted.A")
        Ar = sympy.Rational(A.numerator, A.denominator)
        if A < 0 or sympy.expand(f - (x + Ar) * (1 - sympy.tanh(x) ** 2)) != 0:
            res.fail("shifted step: expr is not (y + A)(1 - tanh^2 y) with A >= 0")
            return
        res.checked.append("shifted: sup_x |x - a| sech^2 x = sup_{y>=0} (y + |a|) sech^2 y")
    else:
        res.fail("sup certificate needs a parity or shifted step to reduce to [0, inf)")
        return
    cp, val = steps["critical-point"], steps["value-at-critical"]
    P = _parse(cp["positive_factor"], x)
    E = _parse(cp["equation"], x)
    dE = _parse(cp["equation_derivative"], x)
    if sympy.expand(sympy.diff(f, x) + P * E) != 0:
        res.fail("critical-point: expr' != -P*E exactly")
        return
    if sympy.expand(sympy.diff(E, x) - dE) != 0 or not (_positive(P, x) and _positive(dE, x)):
        res.fail("critical-point: P or E' not proved positive on (0, inf)")
        return
    if not _ev(E, {x: arb(0)}) < 0:
        res.fail("critical-point: E(0) < 0 not certified, so expr may fall from 0")
        return
    a, b = (_num(t, "bracket") for t in cp["bracket"])
    Ea, Eb = _ev(E, {x: _q(str(a))}), _ev(E, {x: _q(str(b))})
    if not (0 <= a < b and Ea < 0 and Eb > 0):  # positivity is proved on (0, inf) only
        res.fail(f"critical-point: E({a}) < 0 < E({b}) not certified ({Ea}, {Eb})")
        return
    res.checked.append(f"critical point: unique root of E in [{a}, {b}]; expr rises then falls")
    lhs, rhs = (_parse(t, x) for t in val["substitute"].split("="))
    formula = _parse(val["formula"], x)
    # E = 0 must *force* lhs = rhs: E affine in lhs with a coefficient positive on (0, inf)
    t = sympy.Dummy("t")
    Et = sympy.expand(E.subs(lhs, t))
    if (lhs not in E.atoms(type(lhs)) or sympy.degree(Et, t) != 1
            or not _positive(sympy.factor(Et.coeff(t, 1)), x)):
        res.fail("value-at-critical: E = 0 does not determine the substituted quantity")
        return
    if sympy.cancel(E.subs(lhs, rhs)) != 0 or sympy.cancel(f.subs(lhs, rhs) - formula) != 0:
        res.fail("value-at-critical: the substitution or the formula is not exact")
        return
    v = _ev(formula, {x: _hull(a, b)})
    if not (_q(val["lower"]) <= v.lower() and v.upper() <= _q(val["upper"])):
        res.fail(f"value-at-critical: {v} is not inside [{val['lower']}, {val['upper']}]")
        return
    res.checked.append(f"sup in [{val['lower']}, {val['upper']}] (attained at the root)")
