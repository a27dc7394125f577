"""Notebook display (symrnn/_display.py): every object a user gets back shows mathematics —
one display-math block with the object's own LaTeX — and that block compiles with XeLaTeX."""

from __future__ import annotations

import os
import shutil
import subprocess

import numpy as np
import pytest

import symrnn
from symrnn._display import display, text


def _objects() -> dict[str, object]:
    d = symrnn.article_derivative("gru")
    v_ok = symrnn.check_identity(d.expand(d.expr), d.expand(symrnn.printed("eq13")))
    import sympy

    U_h = sympy.Symbol("U_h")
    v_bad = symrnn.check_identity(d.expand(d.expr), d.expand(symrnn.printed("eq13").subs(U_h, 2 * U_h)))
    [claim] = symrnn.run_claims(["xsech2-bound"])
    return {
        "Derivation": d, "Term": d.terms[3], "Jacobian": symrnn.derive("lstm"),
        "Verdict": v_ok, "Verdict (refuted)": v_bad, "ClaimResult": claim,
        "Analysis": symrnn.analyze("lstm"), "matrix_form": symrnn.matrix_form("lstm"),
        "Reading": symrnn.get_reading("secondary-terms-small/worst-case"),
        "ReadingResult": claim.readings[0],
    }


OBJECTS = _objects()


@pytest.mark.parametrize("name", OBJECTS)
def test_repr_latex_is_one_display_block_with_the_objects_own_latex(name: str) -> None:
    obj = OBJECTS[name]
    tex = obj._repr_latex_()
    assert tex.startswith(r"$$\begin{aligned}") and tex.endswith(r"\end{aligned}$$")
    assert tex.count("{") - tex.count(r"\{") == tex.count("}") - tex.count(r"\}")
    assert "(" + type(obj).__name__ + "(" not in tex and "dataclass" not in tex
    own = getattr(obj, "latex", None)
    if own is not None:
        assert own().split(" = ")[-1][:40] in tex


def test_a_refuted_verdict_shows_its_witness_values() -> None:
    tex = OBJECTS["Verdict (refuted)"]._repr_latex_()
    assert r"\textbf{refuted}" in tex and "witness" in tex and r"\frac" in tex


def test_text_escapes_latex_specials() -> None:
    assert text("a_b & {c} 50% #1 $x$ ~ ^") == \
        r"\text{a\_b \& \{c\} 50\% \#1 \$x\$ \~{} \^{}}"
    assert display(["x", "y"]) == r"$$\begin{aligned}x \\ y\end{aligned}$$"


def test_weights_reports_show_a_table() -> None:
    p = {"W": np.zeros((2, 1)), "U": 0.5 * np.eye(2), "b": np.zeros(2)}
    html = symrnn.check_weights("rnn", p, T=5, sequences=1)._repr_html_()
    assert html.count("<tr>") == 3 and "certified upper bound" in html


def test_every_display_block_compiles_with_xelatex(tmp_path) -> None:
    if shutil.which("xelatex") is None:
        if os.environ.get("CI"):
            pytest.fail("xelatex missing in CI (.ci/apt-packages.txt)")
        pytest.skip("xelatex not installed")
    body = "\n\n".join(f"% {name}\n\\[{obj._repr_latex_()[2:-2]}\\]"
                       for name, obj in OBJECTS.items())
    doc = ("\\documentclass{article}\\usepackage{amsmath}\\usepackage{fontspec}"
           "\\setmainfont{DejaVu Serif}\\begin{document}\n" + body + "\n\\end{document}\n")
    (tmp_path / "d.tex").write_text(doc, encoding="utf-8")
    run = subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", "d.tex"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=120)
    log = (tmp_path / "d.log").read_text(encoding="utf-8", errors="replace")
    assert run.returncode == 0, log[-2000:]
    assert "Missing character" not in log
