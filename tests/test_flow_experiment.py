"""symrnn.flow.measure_flow: reproducibility, bad input, the result's derived numbers and files."""

from __future__ import annotations

import csv
import json
import math

import numpy as np
import pytest

from symrnn import SymrnnError
from symrnn.flow import EXPLODE_FACTOR, FlowResult, measure_flow

SMALL = dict(T=30, n=4, seeds=3)


def _small(**kw) -> FlowResult:
    args = {**SMALL, "cells": ["rnn", "lstm", "gru"], "schemes": ["glorot"], "seed": 5, **kw}
    return measure_flow(**args)


def test_same_seed_gives_identical_numbers_and_another_seed_does_not() -> None:
    a, b, c = _small(), _small(), _small(seed=6)
    for ga, gb, gc in zip(a.groups, b.groups, c.groups):
        np.testing.assert_array_equal(ga.log_norm_h, gb.log_norm_h)
        np.testing.assert_array_equal(ga.lyapunov, gb.lyapunov)
        assert not np.array_equal(ga.log_norm_h, gc.log_norm_h)
    assert a.to_json()["groups"] == b.to_json()["groups"]


def test_a_cell_measured_alone_or_with_others_gives_the_same_numbers() -> None:
    together = _small().group("lstm")
    alone = _small(cells=["lstm"]).group("lstm")
    np.testing.assert_array_equal(together.log_norm_c, alone.log_norm_c)


def test_scales_share_base_weights_so_scale_one_matches_a_separate_run() -> None:
    multi = _small(cells=["gru"], scales=[0.5, 1.0]).group("gru", scale=1.0)
    single = _small(cells=["gru"]).group("gru")
    np.testing.assert_array_equal(multi.log_norm_h, single.log_norm_h)


def test_groups_cover_every_configuration_and_skip_forget_bias_for_non_lstm() -> None:
    r = _small(schemes=["orthogonal", "forget-bias-1"], scales=[1.0, 2.0])
    keys = {(g.cell, g.scheme, g.scale) for g in r.groups}
    assert ("lstm", "forget-bias-1", 2.0) in keys
    assert ("gru", "forget-bias-1", 1.0) not in keys
    assert set(r.skipped) == {("rnn", "forget-bias-1"), ("gru", "forget-bias-1")}
    assert len(r.groups) == 3 * 2 + 1 * 2


def test_derived_numbers_follow_their_definitions() -> None:
    g = _small(cells=["rnn"], scales=[4.0], T=60).groups[0]
    np.testing.assert_allclose(g.half_life[g.rate < 0], math.log(2) / -g.rate[g.rate < 0])
    assert np.all(np.isinf(g.half_life[g.rate >= 0]))
    np.testing.assert_array_equal(g.exploded, g.log_norm_h[:, -1] > math.log(EXPLODE_FACTOR))
    assert g.log_norm_c is None
    assert np.all(g.log_norm_h[:, 0] == pytest.approx(0.0, abs=1e-12))  # the identity at d = 0


def test_full_probes_give_the_same_rates_as_few_probes_to_first_order() -> None:
    few, full = _small(cells=["gru"], T=200, probes=1), _small(cells=["gru"], T=200, probes=4)
    # the top exponent does not depend on the number of probes beyond finite-T noise
    np.testing.assert_allclose(few.groups[0].rate, full.groups[0].rate, atol=0.02)


def test_to_json_is_strict_json_and_labelled_empirical() -> None:
    data = _small(scales=[1.0, 8.0]).to_json()
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text)["kind"] == "empirical"
    assert data["distances"][0] == 0 and data["distances"][-1] == SMALL["T"]
    lstm = next(g for g in data["groups"] if g["cell"] == "lstm")
    assert len(lstm["curve_c"]["median"]) == len(data["distances"])


def test_to_csv_has_one_row_per_run(tmp_path) -> None:
    r = _small()
    path = tmp_path / "flow.csv"
    r.to_csv(str(path))
    with path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3 * SMALL["seeds"]
    lstm = [row for row in rows if row["cell"] == "lstm"][0]
    assert float(lstm["rate"]) == r.group("lstm").rate[0]
    assert float(lstm[f"log10_norm_c_d{SMALL['T']}"]) == pytest.approx(
        r.group("lstm").log_norm_c[0, -1] / math.log(10))
    assert [row for row in rows if row["cell"] == "rnn"][0]["log10_norm_c_d1"] == ""


BAD = [
    ({"T": 0}, "T=0"),
    ({"T": 2.5}, "T=2.5"),
    ({"n": -1}, "n=-1"),
    ({"seeds": 0}, "seeds=0"),
    ({"cells": ["lstmm"]}, "cell='lstmm'"),
    ({"cells": "lstmm"}, "cell='lstmm'"),
    ({"cells": [3]}, "cell=3"),
    ({"cells": []}, "cells=[]"),
    ({"schemes": ["he"]}, "'he'"),
    ({"scales": [0.0]}, "scales="),
    ({"scales": [float("nan")]}, "scales="),
    ({"scales": "big"}, "scales="),
    ({"probes": 5}, "probes=5"),
    ({"seed": -1}, "seed=-1"),
    ({"m": 0}, "m=0"),
]


@pytest.mark.parametrize("kwargs, named", BAD)
def test_bad_arguments_raise_symrnn_error_naming_the_input(kwargs: dict, named: str) -> None:
    with pytest.raises(SymrnnError, match=named.replace("[", r"\[").replace("]", r"\]")
                       .replace(".", r"\.")):
        measure_flow(**{**SMALL, "cells": ["rnn"], **kwargs})


def test_group_lookup_that_is_ambiguous_says_how_to_pick_one() -> None:
    r = _small(scales=[1.0, 2.0])
    with pytest.raises(SymrnnError, match="give scheme and scale"):
        r.group("rnn")
    with pytest.raises(SymrnnError, match="no cell state"):
        r.group("rnn", scale=1.0).curve([0, 1], "c")


def test_docstring_examples_run() -> None:
    import doctest

    from symrnn.flow import _experiment, _progress

    for module in (_experiment, _progress):
        outcome = doctest.testmod(module)
        assert outcome.attempted > 0 and outcome.failed == 0, module.__name__
