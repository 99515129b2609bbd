"""Summaries of speedups across tasks: fast_p (KernelBench) and geometric means.

Speedups are ratios, so their natural average is the geometric mean (a 2x win and a 2x loss average to
1x, not 1.25x). fast_p instead counts: the share of tasks whose sample is both correct and more than
``p`` times faster than the baseline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from hpceval.metrics._checks import finite_floats, non_empty, positive_floats


def geomean(values: Sequence[float]) -> float:
    """Geometric mean ``exp(mean(log x))`` of positive finite values.

    Raises:
        ValueError: empty input or a value that is not a positive finite number (a failed sample has
            no speedup to average; filter it out, or use :func:`geomean_speedup`).
    """
    numbers = positive_floats(values, "values", "geomean")
    non_empty(numbers, "values", "geomean")
    return math.exp(math.fsum(math.log(x) for x in numbers) / len(numbers))


def _pair_up(correct: Sequence[bool], speedups: Sequence[float], metric: str) -> list[tuple[bool, float]]:
    numbers = finite_floats(speedups, "speedups", metric)
    if len(correct) != len(numbers):
        raise ValueError(f"{metric}: {len(correct)} correctness flags but {len(numbers)} speedups")
    return [(bool(ok), s) for ok, s in zip(correct, numbers, strict=True)]


def geomean_speedup(speedups: Sequence[float], correct: Sequence[bool]) -> float | None:
    """Geometric mean speedup over the correct samples only; ``None`` when no sample is correct.

    Speedups of incorrect samples are ignored whatever their value (no speed without correctness);
    a correct sample with a non-positive speedup is an error in the caller's data.
    """
    pairs = _pair_up(correct, speedups, "geomean_speedup")
    kept = [s for ok, s in pairs if ok]
    if not kept:
        return None
    return geomean(kept)


def fast_p(correct: Sequence[bool], speedups: Sequence[float], p: float = 1.0) -> float:
    """KernelBench's fast_p: the share of tasks that are correct *and* have ``speedup > p``.

    Args:
        correct: one flag per task (the sample scored for that task passed every check).
        speedups: one ``baseline_time / candidate_time`` per task; ignored where ``correct`` is false,
            so failed tasks may carry any finite placeholder such as 0.0.
        p: the speedup threshold. ``fast_0`` is the correctness rate, ``fast_1`` the share of tasks
            that are correct and strictly faster than the baseline. The comparison is strict, as in
            KernelBench.

    Returns:
        A fraction in ``[0, 1]`` whose denominator is *all* tasks, failed ones included.
    """
    pairs = _pair_up(correct, speedups, "fast_p")
    non_empty([s for _, s in pairs], "speedups", "fast_p")
    threshold = float(p)
    if not math.isfinite(threshold) or threshold < 0:
        raise ValueError(f"fast_p: p must be a finite number >= 0, got {p!r}")
    hits = sum(1 for ok, s in pairs if ok and s > threshold)
    return hits / len(pairs)
