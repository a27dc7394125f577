"""The user guide's examples and the docs package's docstrings run as written."""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["symrnn.docs._snippets", "symrnn.docs._latex", "symrnn.docs._markdown",
           "symrnn.docs._mathtext", "symrnn.docs._typeset", "symrnn.docs._sketch",
           "symrnn.docs._words"]


def test_guide_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)  # the guide runs its examples from the repository's root
    result = doctest.testfile(str(ROOT / "docs" / "guide.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS, encoding="utf-8")
    assert result.attempted >= 20
    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0

