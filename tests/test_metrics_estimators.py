"""pass@k, build@k and the expected-best-of-k estimators, checked against brute-force enumeration."""

from __future__ import annotations

import itertools
import math
import random
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hpceval.metrics import (
    build_at_k,
    eff_at_k,
    efficiency_at_k,
    expected_max_at_k,
    expected_min_at_k,
    pass_at_k,
    speedup_at_k,
)

FEW = settings(max_examples=80, deadline=None)


def brute_pass_at_k(n: int, c: int, k: int) -> Fraction:
    outcomes = [True] * c + [False] * (n - c)
    subsets = list(itertools.combinations(outcomes, k))
    return Fraction(sum(1 for s in subsets if any(s)), len(subsets))


def brute_mean_over_subsets(values: list[float], k: int, pick) -> Fraction:
    subsets = list(itertools.combinations(values, k))
    return sum((Fraction(pick(s)) for s in subsets), Fraction(0)) / len(subsets)


@st.composite
def n_c_k(draw: st.DrawFn, max_n: int = 10) -> tuple[int, int, int]:
    n = draw(st.integers(1, max_n))
    return n, draw(st.integers(0, n)), draw(st.integers(1, n))


@st.composite
def values_and_k(draw: st.DrawFn, low: float = -1e6, high: float = 1e6) -> tuple[list[float], int]:
    values = draw(
        st.lists(
            st.one_of(
                st.floats(low, high, allow_nan=False, allow_infinity=False),
                st.sampled_from([0.0, 1.0, 2.5]),  # ties
            ),
            min_size=1,
            max_size=8,
        )
    )
    return values, draw(st.integers(1, len(values)))


def close(estimate: float, exact: Fraction, scale: float = 1.0) -> bool:
    return math.isclose(estimate, float(exact), rel_tol=1e-12, abs_tol=1e-12 * scale)


# pass@k and build@k


@FEW
@given(n_c_k())
def test_pass_at_k_equals_enumeration(args: tuple[int, int, int]) -> None:
    n, c, k = args
    assert close(pass_at_k(n, c, k), brute_pass_at_k(n, c, k))


@FEW
@given(n_c_k())
def test_build_at_k_is_pass_at_k_of_builds(args: tuple[int, int, int]) -> None:
    n, c, k = args
    assert build_at_k(n, c, k) == pass_at_k(n, c, k)


def test_pass_at_k_known_values() -> None:
    assert pass_at_k(20, 5, 1) == pytest.approx(0.25, abs=1e-15)
    assert pass_at_k(10, 0, 3) == 0.0
    assert pass_at_k(10, 10, 3) == 1.0
    assert pass_at_k(10, 8, 3) == 1.0  # fewer than k failures: every 3-subset holds a success
    assert pass_at_k(5, 1, 5) == 1.0


@pytest.mark.parametrize(
    ("n", "c", "k"),
    [(10**6, 10**3, 100), (10**5, 5 * 10**4, 1000), (5000, 1, 4999), (3000, 17, 1500)],
)
def test_pass_at_k_stable_for_large_n(n: int, c: int, k: int) -> None:
    exact = 1 - Fraction(math.comb(n - c, k), math.comb(n, k))
    estimate = pass_at_k(n, c, k)
    assert 0.0 <= estimate <= 1.0
    assert math.isclose(estimate, float(exact), rel_tol=1e-9)


@pytest.mark.parametrize(
    ("n", "c", "k", "fragment"),
    [
        (5, 2, 6, "defined only for k <= n"),
        (5, 6, 1, "cannot exceed n"),
        (5, -1, 1, ">= 0"),
        (-3, 0, 1, ">= 0"),
        (5, 2, 0, "k must be >= 1"),
        (5, 2.5, 1, "integer count"),
        (5, True, 1, "integer count"),
    ],
)
def test_pass_at_k_rejects_bad_arguments(n: object, c: object, k: object, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        pass_at_k(n, c, k)  # type: ignore[arg-type]


def test_k_greater_than_n_message_names_the_fix() -> None:
    with pytest.raises(ValueError, match=r"k = 10 samples cannot be drawn from n = 4"):
        pass_at_k(4, 1, 10)
    with pytest.raises(ValueError, match="defined only for k <= n"):
        speedup_at_k([1.0, 2.0], 3)


def test_numpy_integers_are_counts() -> None:
    np = pytest.importorskip("numpy")
    assert pass_at_k(np.int64(20), np.int32(5), np.int64(1)) == pass_at_k(20, 5, 1)


# expected max / min of k


@FEW
@given(values_and_k())
def test_expected_max_equals_enumeration(args: tuple[list[float], int]) -> None:
    values, k = args
    scale = max(1.0, *(abs(v) for v in values))
    assert close(expected_max_at_k(values, k), brute_mean_over_subsets(values, k, max), scale)


@FEW
@given(values_and_k())
def test_expected_min_equals_enumeration(args: tuple[list[float], int]) -> None:
    values, k = args
    scale = max(1.0, *(abs(v) for v in values))
    assert close(expected_min_at_k(values, k), brute_mean_over_subsets(values, k, min), scale)


@FEW
@given(values_and_k(low=0.0, high=1e3))
def test_eff_and_speedup_at_k_equal_enumeration(args: tuple[list[float], int]) -> None:
    values, k = args
    exact = brute_mean_over_subsets(values, k, max)
    assert close(eff_at_k(values, k), exact, 1e3)
    assert close(speedup_at_k(values, k), exact, 1e3)


@FEW
@given(values_and_k(low=0.0, high=1e3), st.integers(1, 512))
def test_efficiency_at_k_is_speedup_over_resources(args: tuple[list[float], int], n_res: int) -> None:
    values, k = args
    exact = brute_mean_over_subsets(values, k, max) / n_res
    assert close(efficiency_at_k(values, k, n_res), exact, 1e3)
    per_sample = [n_res] * len(values)
    assert close(efficiency_at_k(values, k, per_sample), exact, 1e3)


@FEW
@given(values_and_k(low=0.0, high=1e3), st.data())
def test_efficiency_at_k_with_per_sample_resources(
    args: tuple[list[float], int], data: st.DataObject
) -> None:
    values, k = args
    resources = data.draw(st.lists(st.integers(1, 64), min_size=len(values), max_size=len(values)))
    ratios = [v / r for v, r in zip(values, resources, strict=True)]
    assert close(efficiency_at_k(values, k, resources), brute_mean_over_subsets(ratios, k, max), 1e3)


@FEW
@given(n_c_k(max_n=40), st.randoms(use_true_random=False))
def test_eff_at_k_of_zero_one_scores_is_exactly_pass_at_k(
    args: tuple[int, int, int], rng: random.Random
) -> None:
    n, c, k = args
    scores = [1.0] * c + [0.0] * (n - c)
    rng.shuffle(scores)
    assert eff_at_k(scores, k) == pass_at_k(n, c, k)
    assert speedup_at_k(scores, k) == pass_at_k(n, c, k)


@FEW
@given(values_and_k(low=0.0, high=10.0))
def test_expected_max_is_monotone_in_k_and_bounded(args: tuple[list[float], int]) -> None:
    values, _ = args
    curve = [expected_max_at_k(values, k) for k in range(1, len(values) + 1)]
    assert all(a <= b + 1e-12 for a, b in itertools.pairwise(curve))
    assert curve[0] == pytest.approx(sum(values) / len(values), rel=1e-12, abs=1e-12)
    assert curve[-1] == max(values)


def test_expected_max_stable_for_large_n() -> None:
    rng = random.Random(7)
    values = [rng.lognormvariate(0.0, 1.5) for _ in range(400)]
    k = 37
    ordered = sorted(values)
    total = math.comb(len(values), k)
    exact = sum(
        (Fraction(math.comb(i, k - 1), total) * Fraction(x) for i, x in enumerate(ordered)), Fraction(0)
    )
    assert math.isclose(expected_max_at_k(values, k), float(exact), rel_tol=1e-12)
    big = [rng.random() for _ in range(200_000)]
    result = expected_max_at_k(big, 5000)
    assert max(big) - 1e-3 < result <= max(big)


@pytest.mark.parametrize("bad", [[1.0, math.nan], [math.inf], []])
def test_expected_max_rejects_non_finite_or_empty(bad: list[float]) -> None:
    with pytest.raises(ValueError):
        expected_max_at_k(bad, 1)


def test_speedup_and_eff_reject_negative_values() -> None:
    with pytest.raises(ValueError, match=">= 0"):
        speedup_at_k([1.0, -0.5], 1)
    with pytest.raises(ValueError, match=">= 0"):
        eff_at_k([-1.0], 1)
    with pytest.raises(ValueError, match="one per sample"):
        efficiency_at_k([1.0, 2.0], 1, [4, 4, 4])
    with pytest.raises(ValueError, match="> 0"):
        efficiency_at_k([1.0], 1, 0)


def test_docs_worked_example_max_versus_min() -> None:
    # docs/metrics.md: correct-sample speedups 1, 2, 4, 8 and k = 2.
    speedups = [1.0, 2.0, 4.0, 8.0]
    assert speedup_at_k(speedups, 2) == pytest.approx(34 / 6)
    assert expected_min_at_k(speedups, 2) == pytest.approx(11 / 6)


def test_pareval_compat_speedup_is_mean_over_correct_samples_at_k_1() -> None:
    speedups = [0.0, 2.0, 0.0, 4.0]  # two failed samples, two correct ones
    assert speedup_at_k(speedups, 1) == 1.5
    assert speedup_at_k(speedups, 1, pareval_compat=True) == 3.0
    assert efficiency_at_k(speedups, 1, 2, pareval_compat=True) == 1.5
    assert speedup_at_k([0.0, 0.0], 1, pareval_compat=True) == 0.0
    with pytest.raises(ValueError, match="k = 1 numbers only"):
        speedup_at_k(speedups, 2, pareval_compat=True)
