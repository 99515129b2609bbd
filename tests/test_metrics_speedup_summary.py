"""fast_p and geometric-mean speedups."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hpceval.metrics import fast_p, geomean, geomean_speedup

FEW = settings(max_examples=80, deadline=None)


@st.composite
def tasks(draw: st.DrawFn) -> tuple[list[bool], list[float]]:
    n = draw(st.integers(1, 20))
    correct = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    speedups = draw(st.lists(st.floats(0.0, 50.0, allow_nan=False), min_size=n, max_size=n))
    return correct, speedups


@FEW
@given(tasks(), st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0]))
def test_fast_p_counts_correct_and_faster_over_all_tasks(
    data: tuple[list[bool], list[float]], p: float
) -> None:
    correct, speedups = data
    expected = sum(1 for ok, s in zip(correct, speedups, strict=True) if ok and s > p) / len(correct)
    assert fast_p(correct, speedups, p) == expected


def test_fast_p_known_values() -> None:
    correct = [True, True, False, True]
    speedups = [2.0, 1.0, 9.0, 0.5]
    assert fast_p(correct, speedups, 0.0) == 0.75  # fast_0 is the correctness rate
    assert fast_p(correct, speedups, 1.0) == 0.25  # strictly faster: 1.0x does not count
    assert fast_p(correct, speedups, 2.0) == 0.0
    with pytest.raises(ValueError, match="correctness flags"):
        fast_p([True], [1.0, 2.0])
    with pytest.raises(ValueError, match="p must be"):
        fast_p([True], [1.0], -1.0)


@FEW
@given(st.lists(st.floats(1e-3, 1e3, allow_nan=False), min_size=1, max_size=30))
def test_geomean_is_exp_mean_log(values: list[float]) -> None:
    expected = math.exp(sum(math.log(v) for v in values) / len(values))
    assert geomean(values) == pytest.approx(expected, rel=1e-12)
    assert min(values) * (1 - 1e-12) <= geomean(values) <= max(values) * (1 + 1e-12)


def test_geomean_speedup_over_correct_samples_only() -> None:
    assert geomean([2.0, 0.5]) == pytest.approx(1.0)
    assert geomean_speedup([4.0, 0.0, 1.0], [True, False, True]) == pytest.approx(2.0)
    assert geomean_speedup([4.0, 1.0], [False, False]) is None
    with pytest.raises(ValueError, match="> 0"):
        geomean([1.0, 0.0])
    with pytest.raises(ValueError, match="empty"):
        geomean([])
