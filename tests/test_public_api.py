"""The public API: one surface, every name resolvable, subpackages imported on first use."""

import subprocess
import sys

import pytest

import symrnn

PACKAGES = ["symrnn", "symrnn.coq", "symrnn.custom", "symrnn.docs", "symrnn.flow",
            "symrnn.trained"]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_public_name_resolves_and_is_listed_by_dir(name):
    import importlib

    package = importlib.import_module(name)
    for public in package.__all__:
        assert getattr(package, public) is not None, public
    assert set(package.__all__) <= set(dir(package))
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        package.not_a_name  # noqa: B018


def test_the_lazy_names_are_the_objects_of_their_modules():
    from symrnn.coq._readings import why_not
    from symrnn.verify.identity import check_identity

    assert symrnn.check_identity is check_identity
    assert symrnn.coq.coq_why_not is why_not


def _imported_after(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", code + "\nimport sys\n"
                          "print(' '.join(m for m in sys.modules if m.startswith("
                          "('symrnn', 'sympy', 'matplotlib', 'torch'))))"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.split())


def test_import_symrnn_imports_no_subpackage_until_a_name_is_used():
    mods = _imported_after("import symrnn")
    assert "sympy" not in mods and "symrnn.claims" not in mods
    mods = _imported_after("from symrnn import check_identity")
    assert "symrnn.verify.identity" in mods and "symrnn.docs" not in mods


def test_the_verify_command_does_not_import_the_report_coq_flow_or_torch_code():
    mods = _imported_after("from symrnn.cli import _parser\n_parser()\n"
                           "from symrnn.claims import run_claims")
    for heavy in ("symrnn.docs._build", "symrnn.coq._export", "symrnn.flow._experiment",
                  "symrnn.trained._torch", "matplotlib", "torch"):
        assert heavy not in mods, heavy


def test_star_import_gives_every_public_name():
    namespace: dict = {}
    exec("from symrnn import *", namespace)
    assert set(symrnn.__all__) <= set(namespace)
