"""pass@k and build@k: the unbiased estimator of Chen et al. (2021).

Given ``n`` samples of which ``c`` passed, the probability that at least one of ``k`` samples drawn
without replacement passes is ``1 - C(n - c, k) / C(n, k)``. Its expectation over the n samples equals
the probability that at least one of k fresh samples passes, so it is unbiased.

The binomial coefficients overflow floats long before the counts used in practice, so the ratio is
computed as the product ``prod_{i = n - c + 1}^{n} (1 - k / i)``: every factor lies in ``[0, 1)``, the
running product never overflows, and its relative error grows only linearly in ``c``.
"""

from __future__ import annotations

from hpceval.metrics._checks import as_count, check_k


def prob_all_k_fail(n: int, c: int, k: int) -> float:
    """``C(n - c, k) / C(n, k)``: the chance that k draws without replacement miss all c successes.

    Assumes checked arguments. The factors are multiplied from ``i = n`` downwards; the expected-max
    estimator in :mod:`metrics.expected_extreme` walks the same factors in the same order, which is why
    ``eff_at_k`` of 0/1 scores equals ``pass_at_k`` bit for bit.
    """
    if n - c < k:
        return 0.0
    product = 1.0
    for i in range(n, n - c, -1):
        product *= 1.0 - k / i
    return product


def pass_at_k(n: int, c: int, k: int) -> float:
    """Unbiased pass@k from ``n`` samples of which ``c`` are correct.

    Args:
        n: number of samples generated for the task (``n >= 1``).
        c: number of those samples that passed every check (``0 <= c <= n``).
        k: budget of attempts (``1 <= k <= n``).

    Returns:
        ``1 - C(n - c, k) / C(n, k)``, a probability in ``[0, 1]``.

    Raises:
        ValueError: negative or non-integer counts, ``c > n``, ``k < 1``, or ``k > n`` (the estimator
            averages over k-subsets of the n samples, so it does not exist when fewer than k samples
            were drawn; human-eval and ParEval silently return 1.0 in some of these cases).
    """
    n_int = as_count(n, "n", "pass@k")
    c_int = as_count(c, "c", "pass@k")
    if c_int > n_int:
        raise ValueError(f"pass@k: c = {c_int} correct samples cannot exceed n = {n_int} samples")
    k_int = check_k(n_int, k, "pass@k")
    return 1.0 - prob_all_k_fail(n_int, c_int, k_int)


def build_at_k(n: int, c: int, k: int) -> float:
    """build@k: :func:`pass_at_k` with ``c`` = number of samples that compiled.

    Same estimator and the same argument rules; the name only says what was counted.
    """
    n_int = as_count(n, "n", "build@k")
    c_int = as_count(c, "c", "build@k")
    if c_int > n_int:
        raise ValueError(f"build@k: c = {c_int} samples that built cannot exceed n = {n_int} samples")
    k_int = check_k(n_int, k, "build@k")
    return 1.0 - prob_all_k_fail(n_int, c_int, k_int)
