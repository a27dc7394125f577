"""symrnn.docs: the report, generated from the verified objects (issue 8).

* :func:`build_docs` — ``DIR/report.tex`` (+ figures, the evidence JSON, PDF via
  ``latexmk -xelatex``) and the same report as Markdown, in English or Chinese (``lang``);
* :func:`make_report`, :func:`to_latex`, :func:`to_markdown` — the report as data, and its
  two printings;
* :func:`verdict_latex`, :func:`derivation_latex` — LaTeX snippets for your own papers.
"""

from typing import TYPE_CHECKING

from .._lazy import attach, names_of

if TYPE_CHECKING:
    from ._build import DEBIAN_PACKAGES as DEBIAN_PACKAGES
    from ._build import LANGS as LANGS
    from ._build import BuildResult as BuildResult
    from ._build import TexError as TexError
    from ._build import build_docs as build_docs
    from ._build import install_hint as install_hint
    from ._build import make_report as make_report
    from ._build import missing_tex as missing_tex
    from ._latex import to_latex as to_latex
    from ._markdown import to_markdown as to_markdown
    from ._model import Formula as Formula
    from ._model import Report as Report
    from ._model import formulas as formulas
    from ._snippets import derivation_latex as derivation_latex
    from ._snippets import verdict_latex as verdict_latex

__all__ = [
    "DEBIAN_PACKAGES", "LANGS", "BuildResult", "Formula", "Report", "TexError", "build_docs",
    "derivation_latex", "formulas", "install_hint", "make_report", "missing_tex",
    "to_latex", "to_markdown", "verdict_latex",
]

_IMPORTS = {
    "._build": ("DEBIAN_PACKAGES LANGS BuildResult TexError build_docs install_hint "
               "make_report missing_tex"),
    "._latex": "to_latex",
    "._markdown": "to_markdown",
    "._model": "Formula Report formulas",
    "._snippets": "derivation_latex verdict_latex",
}
__getattr__, __dir__ = attach(__name__, names_of(_IMPORTS), globals())
