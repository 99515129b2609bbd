"""ENAMEL's per-sample efficiency score and eff@k on ENAMEL's problems with a synthetic timing table.

Measured times are replaced by fixed numbers, so every expected value below is computed by hand.
"""

from __future__ import annotations

import csv
import json
from fractions import Fraction
from pathlib import Path

import pytest

from hpceval.metrics import (
    ENAMEL_ALPHA,
    ENAMEL_HARDNESS,
    eff_at_k,
    enamel_efficiency_score,
    enamel_level_time,
    enamel_time_limits,
    pass_at_k,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ENAMEL = DATA / "enamel"

needs_data = pytest.mark.skipif(
    not ENAMEL.is_dir(), reason=f"ENAMEL test data not found at {ENAMEL} (clone beside a 'shared' folder)"
)


def load_problems() -> list[dict[str, str]]:
    with (ENAMEL / "enamel.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def levels_of(problem: dict[str, str]) -> list[int]:
    return [int(size) for size in problem["input_levels"].split()]


# The synthetic timing table for HumanEval/0 (levels 20, 100, 10000, 15000): the expert reference is
# linear at 1 us per element, so T = 2e-5, 1e-4, 1e-2, 1.5e-2 s. Hardness 0, 3, 3, 4; alpha = 2, so
# ENAMEL's single limit is L = 2 * 0.015 = 0.03 s and e_l = (L - t_l) / (L - T_l).
REFERENCE = [2e-5, 1e-4, 1e-2, 1.5e-2]
SAMPLES: dict[str, tuple[list[float | None], bool]] = {
    "same algorithm, 1.5x slower": ([3e-5, 1.5e-4, 1.5e-2, 2.25e-2], True),
    "quadratic, too slow from level 2": ([4e-7, 1e-5, 1e-1, None], True),
    "wrong output": ([1e-5, 5e-5, 5e-3, 7.5e-3], False),
    "2x faster": ([1e-5, 5e-5, 5e-3, 7.5e-3], True),
}
# By hand (level 0 has weight 0; the denominator is 3 + 3 + 4 = 10):
#   1.5x slower: e = 0.02985/0.0299, 0.015/0.02, 0.0075/0.015 = 597/598, 3/4, 1/2
#                score = (3*597/598 + 3*3/4 + 4*1/2) / 10 = 1733/2392
#   quadratic:   e1 = 0.02999/0.0299 = 2999/2990; level 2 takes 0.1 s > L: a timeout, so levels 2 and 3
#                score 0. score = 3*2999/2990 / 10 = 8997/29900
#   wrong:       0
#   2x faster:   e = 0.02995/0.0299, 0.025/0.02, 0.0225/0.015 = 599/598, 5/4, 3/2
#                score = (3*599/598 + 3*5/4 + 4*3/2) / 10 = 3051/2392
S_SLOW = Fraction(1733, 2392)
S_QUAD = Fraction(8997, 29900)
S_FAST = Fraction(3051, 2392)
HAND_SCORES = [S_SLOW, S_QUAD, Fraction(0), S_FAST]


@needs_data
def test_enamel_data_has_four_levels_per_problem() -> None:
    problems = load_problems()
    assert len(problems) == 164
    assert all(len(levels_of(p)) == len(ENAMEL_HARDNESS) == 4 for p in problems)
    assert levels_of(problems[0]) == [20, 100, 10000, 15000]
    references = json.loads((ENAMEL / "enamel-references.json").read_text(encoding="utf-8"))
    assert len(references) == 164 and all(len(codes) == 1 for codes in references)


@needs_data
def test_per_sample_scores_match_hand_computation() -> None:
    assert load_problems()[0]["task_id"] == "HumanEval/0"
    assert enamel_time_limits(REFERENCE) == [pytest.approx(0.03)] * 4
    scores = [enamel_efficiency_score(t, REFERENCE, correct=ok) for t, ok in SAMPLES.values()]
    for score, hand in zip(scores, HAND_SCORES, strict=True):
        assert score == pytest.approx(float(hand), rel=1e-12, abs=1e-15)


@needs_data
def test_eff_at_k_matches_hand_computation() -> None:
    scores = [enamel_efficiency_score(t, REFERENCE, correct=ok) for t, ok in SAMPLES.values()]
    # Sorted scores 0 < quad < slow < fast. eff@1 is the mean; eff@2 averages the max of the 6 pairs:
    # quad once, slow twice, fast three times; eff@3 the max of the 4 triples: slow once, fast 3 times.
    hand = {
        1: (S_SLOW + S_QUAD + S_FAST) / 4,
        2: (S_QUAD + 2 * S_SLOW + 3 * S_FAST) / 6,
        3: (S_SLOW + 3 * S_FAST) / 4,
        4: S_FAST,
    }
    for k, expected in hand.items():
        assert eff_at_k(scores, k) == pytest.approx(float(expected), rel=1e-12)
    # Pass/fail of the same samples (ENAMEL: wrong output fails; a late timeout still passes).
    assert pass_at_k(4, 3, 1) == 0.75


@needs_data
def test_reference_scores_one_and_uniform_slowdown_per_level_on_every_problem() -> None:
    # Synthetic table for all 164 problems: the reference takes 1 us + 10 ns per unit of level size.
    effs_reference, effs_slow = [], []
    for problem in load_problems():
        reference = [1e-6 + 1e-8 * size for size in levels_of(problem)]
        effs_reference.append(eff_at_k([enamel_efficiency_score(reference, reference)], 1))
        slower = [1.5 * t for t in reference]
        effs_slow.append(eff_at_k([enamel_efficiency_score(slower, reference, time_limit="per_level")], 1))
    # By hand: t = T gives (L - T) / (L - T) = 1 at every level; with per-level limits 2T a 1.5x slower
    # sample gives (2T - 1.5T) / (2T - T) = 1/2 at every level.
    assert sum(effs_reference) / len(effs_reference) == pytest.approx(1.0, rel=1e-12)
    assert sum(effs_slow) / len(effs_slow) == pytest.approx(0.5, rel=1e-12)


def test_right_censoring_and_wrong_answers() -> None:
    assert enamel_efficiency_score([None, 1e-4, 1e-2, 1e-2], REFERENCE) == 0.0  # timeout at the gate level
    assert enamel_efficiency_score([2e-5, None, 1e-2, 1.5e-2], REFERENCE) == 0.0  # later levels not looked at
    past_limit = enamel_efficiency_score([2e-5, 1e-4, 0.031, 1.5e-2], REFERENCE)
    censored = enamel_efficiency_score([2e-5, 1e-4, None, None], REFERENCE)
    assert past_limit == censored == pytest.approx(0.3)  # only level 1 (e = 1, weight 3) scores
    assert enamel_efficiency_score(REFERENCE, REFERENCE, correct=False) == 0.0
    at_limit = enamel_efficiency_score([2e-5, 1e-4, 1e-2, 0.03], REFERENCE)
    assert at_limit == pytest.approx(0.6)  # e3 = 0 exactly at the limit


def test_time_limit_conventions() -> None:
    assert enamel_time_limits(REFERENCE, time_limit="per_level") == pytest.approx([4e-5, 2e-4, 2e-2, 3e-2])
    # Only weighted levels set ENAMEL's single limit: a slow weight-0 level does not raise it.
    assert enamel_time_limits([0.05, 0.01, 0.01, 0.02]) == pytest.approx([0.04] * 4)
    assert ENAMEL_ALPHA == 2.0
    with pytest.raises(ValueError, match="alpha must be > 1"):
        enamel_time_limits(REFERENCE, alpha=1.0)
    with pytest.raises(ValueError, match="hardness weights"):
        enamel_efficiency_score(REFERENCE, REFERENCE, hardness=(1.0, 1.0))
    with pytest.raises(ValueError, match="level times"):
        enamel_efficiency_score(REFERENCE[:3], REFERENCE)
    with pytest.raises(ValueError, match="time_limit"):
        enamel_time_limits(REFERENCE, time_limit="per_case")  # type: ignore[arg-type]


def test_level_time_is_max_over_cases_of_hodges_lehmann() -> None:
    # Case 1: 15 Walsh averages, 10 of them 0.015, so the outlier 0.9 does not move the estimate.
    # Case 2: Walsh averages of 1, 2, 3, 100 (ms) have median 2.75 ms. The level time is the max.
    cases = [[0.015, 0.015, 0.015, 0.015, 0.9], [0.001, 0.002, 0.003, 0.1]]
    assert enamel_level_time(cases) == pytest.approx(0.015)
    assert enamel_level_time([[0.001, 0.002, 0.003, 0.1]]) == pytest.approx(0.00275)
    with pytest.raises(ValueError, match="no repeats"):
        enamel_level_time([[]])
