"""Shared test settings: a Hypothesis profile for CI, numpy errors raise everywhere."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _numpy_errors_raise():
    with np.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        yield
