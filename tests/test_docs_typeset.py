"""Typesetting for the report: the article's plain words become text with LaTeX math,
evidence values (expressions, balls, matrices) are typeset soundly, and long formulas are
broken into lines that fit."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import sympy

from symrnn.claims.registry import CLAIMS, ERRATA
from symrnn.docs._latex import LINE_EM, break_formula, math_width
from symrnn.docs._markdown import tex_to_markdown
from symrnn.docs._mathtext import mathify
from symrnn.docs._model import Formula
from symrnn.docs._typeset import ball_tex, expr_tex, matrix_tex, parse_plain

_ARTICLE = [c.zh for c in CLAIMS if c.zh] + [c.en for c in CLAIMS] + \
    [e["text"] for es in ERRATA.values() for e in es]


def _outside_math(tex: str) -> str:
    return re.sub(r"\$[^$]*\$", "", tex)


@pytest.mark.parametrize("text", _ARTICLE)
def test_the_articles_words_become_text_and_math(text):
    """Every string of the registry mathifies into balanced ``$…$`` with no subscript,
    superscript or ASCII comparison left in the prose."""
    tex = mathify(text)
    assert tex.count("$") % 2 == 0, tex
    prose = _outside_math(tex)
    assert not re.search(r"(?<!\\)_\{|(?<!\\)\^|<=|>=|\*\*", prose), prose
    # nothing is lost: every CJK character and every letter word of the text stays
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        assert run in tex


@pytest.mark.parametrize("plain, expected", [
    ("If |∂h_t/∂h_{t-1}| < 1 at every step",
     r"If $\lvert \partial h_t/\partial h_{t-1}\rvert < 1$ at every step"),
    ("with W, U, b trained", "with $W$, $U$, $b$ trained"),
    ("is a function of U", "is a function of $U$"),
    ("a = W x_t + b", "$a = W x_t + b$"),
    ("dh_t/dθ = ∂h_t/∂θ", r"$\mathrm{d}h_t/\mathrm{d}\theta = \partial h_t/\partial \theta$"),
    ("‖J‖₂ <= q^(t-k)", r"$\lVert J\rVert _2 \le q^{t-k}$"),
    ("the 1-D case", "the 1-D case"),
    ("printed as rnn_h_t in Jacobians.v", r"printed as \claimid{rnn\_\allowbreak{}h\_\allowbreak{}t} in \claimid{Jacobians.v}"),
])
def test_mathify_examples(plain, expected):
    assert mathify(plain) == expected


@pytest.mark.parametrize("ball", ["[0.447743204694302849 +/- 4.87e-19]",
                                  "[35.7347690199431 +/- 4.57e-14]",
                                  "[-0.3448737395338340768611652897815965087 +/- 3.87e-38]",
                                  "[9.0582220629528277155500725606846032e-5 +/- 2.26e-40]"])
@pytest.mark.parametrize("digits", [4, 8, 10])
def test_ball_intervals_are_rounded_outward(ball, digits):
    """The printed interval contains the whole ball: rounding never shrinks it."""
    m = re.fullmatch(r"\[(\S+) \+/- (\S+)\]", ball)
    mid, rad = Decimal(m.group(1)), Decimal(m.group(2))
    tex = ball_tex(ball, digits)
    lo_s, hi_s = tex.strip("[]").split(", ")

    def num(s: str) -> Decimal:
        s = s.replace(r"\times 10^{", "e").rstrip("}")
        return Decimal(s)

    assert num(lo_s) <= mid - rad and num(hi_s) >= mid + rad
    assert num(lo_s) < num(hi_s)


def test_a_wrong_rounding_would_be_caught():
    """The check above is not vacuous: rounding the upper end down misses the ball."""
    assert Decimal("0.4477432046") < Decimal("0.447743204694302849") + Decimal("4.87e-19")


@pytest.mark.parametrize("text", ["1 - 1/(j + 1)**2", "(2*n + 2)/(n + 2)",
                                  "U_f*c_{t-1}*f_t*o_{t-1}*(1 - f_t)*(1 - tanh(c_{t-1})**2)",
                                  "g_star*Abs(U_f)/4 + Abs(U_c) + Abs(U_i)/4",
                                  "(1 - sigmoid(x))*sigmoid(x)"])
def test_evidence_expressions_are_typeset_from_their_parse(text):
    """An evidence string is parsed back to the expression and typeset; no ASCII operator
    survives."""
    expr = parse_plain(text)
    assert isinstance(expr, sympy.Expr)
    tex = expr_tex(text)
    assert "**" not in tex and "*" not in tex.replace("g^{*}", "") and "sigmoid" not in tex


def test_matrices_are_typeset_as_matrices():
    assert matrix_tex([["3/2", "2"], ["-1", "-3/2"]]) == \
        r"\begin{pmatrix} \tfrac{3}{2} & 2 \\ -1 & -\tfrac{3}{2} \end{pmatrix}"


def _long_formula() -> Formula:
    terms = [f"\\operatorname{{diag}}\\left(c_{{t-1}} f_{{t}} o_{{t}} \\left(1 - f_{{t}}\\right)"
             f"\\right) U_{{{k}}}" for k in "fiocz"]
    return Formula(" + ".join(terms), r"\frac{\partial h_{t}}{\partial h_{t-1}}")


def test_long_formulas_are_broken_into_lines_that_fit():
    f = _long_formula()
    lines = break_formula(f)
    assert len(lines) > 1
    assert all(math_width(ln) <= LINE_EM for ln in lines)
    assert " ".join(lines).replace(" ", "") == f.rhs.replace(" ", "")


def test_a_long_parenthesised_sum_is_broken_inside():
    inner = " + ".join(f"U_{{{k}}} c_{{t-1}} f_{{t}} \\left(1 - f_{{t}}\\right)" for k in "abcdefg")
    f = Formula(rf"o_{{t}} \left({inner}\right) \tanh{{\left(c_{{t}} \right)}}", "x")
    lines = break_formula(f)
    assert len(lines) > 1 and lines[0].count(r"\Bigl(") == 1 and lines[-1].count(r"\Bigr)") == 1


def test_markdown_converts_text_commands_and_escapes():
    md = tex_to_markdown(r"\emph{proved}: $a_b$ and \texttt{symrnn docs}, 10\,\% of a\_b")
    assert md == r"*proved*: $a_b$ and `symrnn docs`, 10 % of a\_b"


def test_markdown_table_math_has_no_pipes():
    md = tex_to_markdown(r"$\left|U_r\right| + \|J\|$", in_table=True)
    assert "|" not in md
