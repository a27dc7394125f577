"""Optional test dependencies: skipped on a developer machine without them, a failure in CI
(where .ci/run installs them), so a skip never hides a missing feature there."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest


def require(module: str, why: str) -> ModuleType:
    """Import ``module`` for a test module; skip without it, except under CI (fail)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(f"{module} is missing in CI: {why}", pytrace=False)
        pytest.skip(f"{module} is not installed ({why}); `make test` installs it",
                    allow_module_level=True)
        raise  # unreachable: skip raises
