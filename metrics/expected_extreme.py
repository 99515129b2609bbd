"""Expected best (or worst) of k samples: eff@k, speedup@k, efficiency@k.

All three metrics are the same quantity applied to different per-sample numbers: draw k of the n
samples of a task without replacement and take the best one; the metric is the expected value of that
best score. Averaging ``max`` over all ``C(n, k)`` subsets is the U-statistic (the Rao-Blackwellized
form of "draw k and take the max") and is an unbiased estimate of the expected maximum of k fresh
samples from the model.

Closed form over the sorted scores ``x_0 <= ... <= x_{n-1}``: the subset maximum is at least ``x_j``
unless all k draws come from the j scores below it, so

    E[max] = x_0 + sum_{j=1}^{n-1} (x_j - x_{j-1}) * (1 - C(j, k) / C(n, k))
           = x_{k-1} + sum_{j=k}^{n-1} (x_j - x_{j-1}) * (1 - C(j, k) / C(n, k))

(the terms with j < k have C(j, k) = 0 and telescope). Every step term is non-negative (a sorted
difference times a probability), so the sum is well conditioned, and ``C(j, k) / C(n, k)`` is carried as
the running product ``prod_{i=j+1}^{n} (1 - k / i)``, the same stable product as pass@k. With 0/1 scores
the sum has a single term, ``1 - C(n - c, k) / C(n, k)``, computed with the same factors in the same
order as :func:`metrics.pass_at_k`: eff@k of 0/1 scores equals pass@k exactly. Cost: one sort plus O(n).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from hpceval.metrics._checks import check_k, finite_floats, non_negative_floats, positive_floats


def _expected_max_of_sorted(ascending: list[float], k: int) -> float:
    n = len(ascending)
    # For j < k the miss probability C(j, k) / C(n, k) is 0, so those steps telescope exactly to
    # x_{k-1}: start there (k = n then returns the maximum itself, not a sum of rounded steps).
    terms = [ascending[k - 1]]
    miss = 1.0  # C(j, k) / C(n, k): the chance that all k draws fall below index j; j = n here
    for j in range(n - 1, k - 1, -1):
        miss *= 1.0 - k / (j + 1)  # now C(j, k) / C(n, k); j + 1 > k, so the factor is positive
        step = ascending[j] - ascending[j - 1]
        if step != 0.0:
            terms.append(step * (1.0 - miss))
    # Any k-subset's maximum lies between the k-th smallest and the largest value; clamp rounding.
    return min(max(math.fsum(terms), ascending[k - 1]), ascending[-1])


def expected_max_at_k(values: Sequence[float], k: int) -> float:
    """Unbiased estimate of the expected maximum of k samples, from n >= k observed values.

    Raises:
        ValueError: empty input, a NaN or infinite value, or k outside ``1..n``.
    """
    numbers = finite_floats(values, "values", "expected max@k")
    k_int = check_k(len(numbers), k, "expected max@k")
    return _expected_max_of_sorted(sorted(numbers), k_int)


def expected_min_at_k(values: Sequence[float], k: int) -> float:
    """Unbiased estimate of the expected minimum of k samples (the worst of k).

    ParEval's published speedup@k and efficiency@k for k > 1 compute (almost) this quantity instead of
    the expected maximum; see ``docs/metrics.md``. It is offered here for that comparison and for
    "worst of k" reporting, not as a replacement for :func:`speedup_at_k`.
    """
    numbers = finite_floats(values, "values", "expected min@k")
    k_int = check_k(len(numbers), k, "expected min@k")
    return -_expected_max_of_sorted(sorted(-x for x in numbers), k_int)


def eff_at_k(scores: Sequence[float], k: int) -> float:
    """ENAMEL's eff@k: the expected best efficiency score among k of the n samples of one task.

    Args:
        scores: one efficiency score per sample (see :func:`metrics.enamel_efficiency_score`);
            wrong or failed samples carry 0.0. Scores may exceed 1 (faster than the reference).
        k: number of samples the user may try, ``1 <= k <= len(scores)``.

    With scores in {0, 1} this is exactly :func:`metrics.pass_at_k`.
    """
    numbers = non_negative_floats(scores, "scores", "eff@k")
    k_int = check_k(len(numbers), k, "eff@k")
    return _expected_max_of_sorted(sorted(numbers), k_int)


def _pareval_mean_of_correct(values: list[float], k: int, metric: str) -> float:
    if k != 1:
        raise ValueError(
            f"{metric}: pareval_compat reproduces ParEval's k = 1 numbers only; its k > 1 values compute "
            "an expected minimum (see docs/metrics.md), so use the default estimator for k > 1"
        )
    correct = [v for v in values if v > 0.0]
    return math.fsum(correct) / len(correct) if correct else 0.0


def speedup_at_k(speedups: Sequence[float], k: int, *, pareval_compat: bool = False) -> float:
    """speedup@k: the expected *maximum* speedup among k of the n samples of one task.

    Args:
        speedups: one speedup per sample, ``baseline_time / candidate_time``; a sample that failed to
            build, run or produce the right output is passed as 0.0 (the caller's convention).
        k: ``1 <= k <= len(speedups)``.
        pareval_compat: ParEval's published k = 1 convention instead: the mean over the correct
            samples only (those with a speedup > 0), 0.0 if there are none. ParEval leaves tasks
            without a correct sample out of its group means; :func:`metrics.pareval_metrics` does that,
            and also picks ParEval's baseline time T*. Only ``k = 1`` is accepted.
    """
    numbers = non_negative_floats(speedups, "speedups", "speedup@k")
    k_int = check_k(len(numbers), k, "speedup@k")
    if pareval_compat:
        return _pareval_mean_of_correct(numbers, k_int, "speedup@k")
    return _expected_max_of_sorted(sorted(numbers), k_int)


def efficiency_at_k(
    speedups: Sequence[float],
    k: int,
    n_resources: float | Sequence[float],
    *,
    pareval_compat: bool = False,
) -> float:
    """efficiency_n@k: the expected maximum of ``speedup / n_resources`` among k of n samples.

    Args:
        speedups: as for :func:`speedup_at_k` (failures are 0.0).
        k: ``1 <= k <= len(speedups)``.
        n_resources: the number of processing units the speedup was measured with (threads, ranks,
            GPU threads...), either one number for all samples or one per sample.

        pareval_compat: as for :func:`speedup_at_k` (k = 1 only, mean over correct samples).

    With a single ``n_resources`` this equals ``speedup_at_k(speedups, k) / n_resources`` up to
    rounding.
    """
    numbers = non_negative_floats(speedups, "speedups", "efficiency@k")
    if isinstance(n_resources, Sequence):
        resources = positive_floats(n_resources, "n_resources", "efficiency@k")
        if len(resources) != len(numbers):
            raise ValueError(
                f"efficiency@k: got {len(resources)} n_resources for {len(numbers)} speedups; "
                "pass one number or one per sample"
            )
    else:
        resources = positive_floats([n_resources], "n_resources", "efficiency@k") * len(numbers)
    k_int = check_k(len(numbers), k, "efficiency@k")
    per_unit = sorted(s / r for s, r in zip(numbers, resources, strict=True))
    if pareval_compat:
        return _pareval_mean_of_correct(per_unit, k_int, "efficiency@k")
    return _expected_max_of_sorted(per_unit, k_int)
