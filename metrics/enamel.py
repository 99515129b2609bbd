"""ENAMEL's per-sample efficiency score (Qiu et al., "How Efficient is LLM-Generated Code?").

A task has input *levels* of growing size, each with a hardness weight (ENAMEL: 0, 3, 3, 4; the
weight-0 level only checks correctness). At each level the sample's time ``t_l`` is compared with the
expert reference's time ``T_l`` under a time limit ``L_l``:

    e_l = max(0, L_l - t_l) / (L_l - T_l)

so matching the reference scores 1, reaching the limit scores 0, beating the reference scores above 1.
The sample's score is the hardness-weighted mean ``sum_l h_l e_l / sum_l h_l``.

Conventions (ENAMEL's evaluator, ``enam/evaluate.py``):

* The limit is ``alpha`` times the reference time (``alpha = 2``). ENAMEL's code applies one limit to
  every level, ``alpha * max_l T_l`` over the weighted levels (``time_limit="max_reference"``, the
  default here); ``time_limit="per_level"`` uses ``alpha * T_l`` at each level instead.
* Right-censoring: a run that does not finish within the limit has no time, only "more than L". It
  scores 0 at that level, and, because ENAMEL stops evaluating a sample at its first timeout, every
  later (larger) level scores 0 as well.
* A wrong output at any level makes the whole sample score 0.
* Times at a level are summarised as in ENAMEL by :func:`enamel_level_time`: the Hodges-Lehmann
  estimate over repeats of each test case, then the maximum over the level's test cases.

ENAMEL also rescales times by a calibration run of the reference; the harness needs no such factor
because it times the reference and the candidate interleaved in the same sandbox.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from hpceval.metrics._checks import finite_floats, non_negative_floats, positive_floats
from hpceval.metrics.timing import hodges_lehmann

ENAMEL_HARDNESS: tuple[float, ...] = (0.0, 3.0, 3.0, 4.0)
"""ENAMEL's default hardness weights for its four input levels."""

ENAMEL_ALPHA = 2.0
"""ENAMEL's default time-limit factor."""

TimeLimit = Literal["max_reference", "per_level"]


def enamel_level_time(case_repeat_times: Sequence[Sequence[float]]) -> float:
    """One level's time: the slowest test case, each case summarised by Hodges-Lehmann over repeats.

    Args:
        case_repeat_times: ``case_repeat_times[c][r]`` is the r-th repeat of test case c.
    """
    if len(case_repeat_times) == 0:
        raise ValueError("enamel_level_time: a level needs at least one test case")
    per_case = []
    for index, repeats in enumerate(case_repeat_times):
        times = non_negative_floats(repeats, f"case_repeat_times[{index}]", "enamel_level_time")
        if not times:
            raise ValueError(f"enamel_level_time: test case {index} has no repeats")
        per_case.append(hodges_lehmann(times))
    return max(per_case)


def enamel_time_limits(
    reference_times: Sequence[float],
    hardness: Sequence[float] = ENAMEL_HARDNESS,
    alpha: float = ENAMEL_ALPHA,
    time_limit: TimeLimit = "max_reference",
) -> list[float]:
    """The time limit at each level (see the module docstring for the two conventions)."""
    references = positive_floats(reference_times, "reference_times", "efficiency score")
    weights = non_negative_floats(hardness, "hardness", "efficiency score")
    if len(weights) != len(references):
        raise ValueError(f"efficiency score: {len(weights)} hardness weights for {len(references)} levels")
    if sum(weights) <= 0:
        raise ValueError("efficiency score: at least one level needs a positive hardness weight")
    factor = float(alpha)
    if not factor > 1.0:
        raise ValueError(
            f"efficiency score: alpha must be > 1 (the limit must exceed the reference), got {alpha!r}"
        )
    if time_limit == "max_reference":
        slowest = max(t for t, h in zip(references, weights, strict=True) if h > 0)
        return [factor * slowest] * len(references)
    if time_limit == "per_level":
        return [factor * t for t in references]
    raise ValueError(
        f"efficiency score: time_limit must be 'max_reference' or 'per_level', got {time_limit!r}"
    )


def enamel_level_scores(
    level_times: Sequence[float | None],
    reference_times: Sequence[float],
    hardness: Sequence[float] = ENAMEL_HARDNESS,
    *,
    alpha: float = ENAMEL_ALPHA,
    correct: bool = True,
    time_limit: TimeLimit = "max_reference",
) -> list[float]:
    """The per-level scores ``e_l`` of one sample (0 at weight-0 levels, which only gate correctness); see
    :func:`enamel_efficiency_score` for the arguments."""
    limits = enamel_time_limits(reference_times, hardness, alpha, time_limit)
    references = [float(t) for t in reference_times]
    weights = [float(h) for h in hardness]
    if len(level_times) != len(references):
        raise ValueError(
            f"efficiency score: {len(level_times)} level times for {len(references)} reference levels"
        )
    level_scores = [0.0] * len(references)
    if not correct:
        return level_scores
    for level, time in enumerate(level_times):
        if time is None:
            break
        (seconds,) = finite_floats([time], f"level_times[{level}]", "efficiency score")
        if seconds < 0:
            raise ValueError(f"efficiency score: level_times[{level}] must be >= 0, got {seconds!r}")
        if seconds > limits[level]:
            break
        if weights[level] > 0:
            level_scores[level] = (limits[level] - seconds) / (limits[level] - references[level])
    return level_scores


def enamel_efficiency_score(
    level_times: Sequence[float | None],
    reference_times: Sequence[float],
    hardness: Sequence[float] = ENAMEL_HARDNESS,
    *,
    alpha: float = ENAMEL_ALPHA,
    correct: bool = True,
    time_limit: TimeLimit = "max_reference",
) -> float:
    """ENAMEL's efficiency score of one sample, in ``[0, inf)`` (1 = as fast as the reference).

    Args:
        level_times: the sample's time at each level, smallest level first; ``None`` where the run
            was stopped at the time limit (right-censored). A time past the limit counts as a
            timeout too. Levels after the first timeout are not looked at (they score 0).
        reference_times: the expert reference's time at each level (positive).
        hardness: weight of each level; a weight-0 level only gates correctness.
        alpha: the time limit as a multiple of the reference time (> 1).
        correct: False if the sample produced a wrong answer at any level; the score is then 0.
        time_limit: ``"max_reference"`` (ENAMEL's code: ``alpha * max_l T_l`` at every level) or
            ``"per_level"`` (``alpha * T_l``).
    """
    level_scores = enamel_level_scores(level_times, reference_times, hardness, alpha=alpha, correct=correct,
                                       time_limit=time_limit)
    weights = [float(h) for h in hardness]
    return sum(h * e for h, e in zip(weights, level_scores, strict=True)) / sum(weights)
