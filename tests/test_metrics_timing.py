"""Robust timing statistics, bootstrap intervals and paired speedups."""

from __future__ import annotations

import itertools
import math
import random
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hpceval.metrics import (
    ConfidenceInterval,
    SpeedupEstimate,
    bootstrap_ci,
    coefficient_of_variation,
    hodges_lehmann,
    median,
    paired_speedup,
    quantile,
)

FEW = settings(max_examples=60, deadline=None)
times = st.floats(1e-6, 1e3, allow_nan=False, allow_infinity=False)


def test_median_and_hodges_lehmann_known_values() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    # Walsh averages of 1, 2, 3, 100: 1 1.5 2 2 2.5 3 50.5 51 51.5 100 -> median 2.75
    assert hodges_lehmann([1.0, 2.0, 3.0, 100.0]) == 2.75
    assert hodges_lehmann([5.0]) == 5.0


@FEW
@given(st.lists(times, min_size=1, max_size=12))
def test_hodges_lehmann_is_median_of_walsh_averages(values: list[float]) -> None:
    walsh = [(a + b) / 2 for a, b in itertools.combinations_with_replacement(values, 2)]
    assert hodges_lehmann(values) == pytest.approx(statistics.median(walsh), rel=1e-12)
    assert min(values) <= hodges_lehmann(values) <= max(values)


def test_hodges_lehmann_resists_outliers_more_than_the_mean() -> None:
    clean = [1.0, 1.01, 0.99, 1.02, 0.98, 1.0, 1.01, 0.99]
    dirty = [*clean, 50.0]
    assert abs(hodges_lehmann(dirty) - 1.0) < 0.02
    assert statistics.fmean(dirty) > 6


def test_coefficient_of_variation() -> None:
    assert coefficient_of_variation([2.0, 2.0, 2.0]) == 0.0
    assert coefficient_of_variation([1.0, 3.0]) == pytest.approx(math.sqrt(2) / 2)
    with pytest.raises(ValueError, match="at least two"):
        coefficient_of_variation([1.0])
    with pytest.raises(ValueError, match="mean must be > 0"):
        coefficient_of_variation([-1.0, -2.0])


def test_quantile_matches_linear_interpolation() -> None:
    data = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert quantile(data, 0.0) == 1.0
    assert quantile(data, 1.0) == 5.0
    assert quantile(data, 0.5) == 3.0
    assert quantile(data, 0.1) == pytest.approx(1.4)
    np = pytest.importorskip("numpy")
    rng = random.Random(3)
    sample = sorted(rng.random() for _ in range(37))
    for q in (0.025, 0.3, 0.975):
        assert quantile(sample, q) == pytest.approx(float(np.quantile(sample, q)), rel=1e-12)


def test_bootstrap_ci_is_deterministic_given_the_seed() -> None:
    rng = random.Random(11)
    data = [rng.lognormvariate(0, 0.3) for _ in range(30)]
    first = bootstrap_ci(data, stat=median, seed=42, n_resamples=500)
    again = bootstrap_ci(data, stat=median, seed=42, n_resamples=500)
    other = bootstrap_ci(data, stat=median, seed=43, n_resamples=500)
    assert first == again
    assert first != other
    assert isinstance(first, ConfidenceInterval)
    assert first.estimate == median(data)
    assert first.low <= first.estimate <= first.high
    assert first.confidence == 0.95


def test_bootstrap_ci_single_value_collapses() -> None:
    ci = bootstrap_ci([3.5], n_resamples=50)
    assert (ci.low, ci.estimate, ci.high) == (3.5, 3.5, 3.5)


def test_bootstrap_ci_of_the_mean_covers_roughly_as_stated() -> None:
    # Coverage of a 90 % interval for the mean of N(10, 1) samples of 40, over 200 trials.
    rng = random.Random(5)
    hits = 0
    trials = 200
    for trial in range(trials):
        data = [rng.gauss(10.0, 1.0) for _ in range(40)]
        ci = bootstrap_ci(data, stat=statistics.fmean, confidence=0.9, n_resamples=300, seed=trial)
        hits += ci.contains(10.0)
    assert 0.8 <= hits / trials <= 0.97


def test_bootstrap_ci_rejects_bad_settings() -> None:
    with pytest.raises(ValueError, match="confidence"):
        bootstrap_ci([1.0, 2.0], confidence=1.0)
    with pytest.raises(ValueError, match="n_resamples"):
        bootstrap_ci([1.0, 2.0], n_resamples=0)
    with pytest.raises(ValueError, match="empty"):
        bootstrap_ci([])


def test_paired_speedup_point_estimate_and_interval() -> None:
    rng = random.Random(8)
    baseline, candidate = [], []
    for _ in range(25):
        drift = rng.uniform(0.8, 1.25)  # shared by both runs of a pair
        baseline.append(2.0 * drift * rng.uniform(0.99, 1.01))
        candidate.append(0.5 * drift * rng.uniform(0.99, 1.01))
    result = paired_speedup(baseline, candidate, seed=1, n_resamples=800)
    assert isinstance(result, SpeedupEstimate)
    assert result.estimate == median(baseline) / median(candidate)
    assert result.n_pairs == 25
    assert result.low <= result.estimate <= result.high
    # Pairing cancels the drift: the paired interval is much narrower than an unpaired one.
    shuffled = candidate[:]
    random.Random(2).shuffle(shuffled)
    unpaired = paired_speedup(baseline, shuffled, seed=1, n_resamples=800)
    assert (result.high - result.low) < 0.5 * (unpaired.high - unpaired.low)
    assert paired_speedup(baseline, candidate, seed=1, n_resamples=800) == result


def test_paired_speedup_with_hodges_lehmann_and_errors() -> None:
    result = paired_speedup([2.0, 2.0, 2.2], [1.0, 1.0, 1.1], stat=hodges_lehmann, n_resamples=100)
    assert result.estimate == pytest.approx(hodges_lehmann([2.0, 2.0, 2.2]) / hodges_lehmann([1.0, 1.0, 1.1]))
    with pytest.raises(ValueError, match="paired one to one"):
        paired_speedup([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="> 0"):
        paired_speedup([1.0], [0.0])
