"""The surrogate scorers (metrics/surrogate.py): each value below is worked out by hand from the definitions."""

from __future__ import annotations

import math

import pytest

from hpceval.metrics.surrogate import (
    exact_match,
    full_credit,
    kendall_tau,
    number_credit,
    numeric_score,
    rank_score,
    score_prediction,
    token_jaccard,
)


def test_exact_match_forgives_line_ends_and_trailing_space_only():
    assert exact_match("3\r\n5  \n\n", "3\n5\n") == 1.0
    assert exact_match("3 5", "3\n5") == 0.0
    assert exact_match(" 3", "3") == 0.0  # leading space is output
    assert exact_match("", "\n") == 1.0


def test_numeric_partial_credit_falls_off_by_decades_past_the_tolerance():
    assert number_credit(1.0005, 1.0, rtol=1e-3) == 1.0
    assert number_credit(1.01, 1.0, rtol=1e-3) == pytest.approx(1 - 1 / 3)  # 10x the tolerance: one decade
    assert number_credit(1.1, 1.0, rtol=1e-3) == pytest.approx(1 - 2 / 3)
    assert number_credit(2.0, 1.0, rtol=1e-3) == 0.0
    assert number_credit(math.inf, math.inf, 1e-3) == 1.0 and number_credit(1.0, math.nan, 1e-3) == 0.0
    # pairs in order; a missing number earns nothing, and so does an extra one
    assert numeric_score("x = 1.0, y = 2.02", "x=1.0 y=2.0", rtol=1e-3) == pytest.approx((1 + (1 - 1 / 3)) / 2)
    assert numeric_score("1.0", "1.0 2.0", rtol=1e-3) == 0.5
    assert numeric_score("1.0 2.0 3.0", "1.0 2.0", rtol=1e-3) == pytest.approx(2 / 3)
    assert numeric_score("done", "done\n") == 1.0  # no numbers in the truth: exact match
    with pytest.raises(ValueError, match="rtol"):
        numeric_score("1", "1", rtol=0)


def test_token_jaccard_rewards_most_of_an_error_message():
    truth = "ZeroDivisionError: division by zero"
    assert token_jaccard(truth, truth) == 1.0
    # tokens {ZeroDivisionError, :, division, by, zero} against {ZeroDivisionError, :, integer, division, or,
    # modulo, by, zero}: 5 shared of 8
    assert token_jaccard(truth, "ZeroDivisionError: integer division or modulo by zero") == pytest.approx(5 / 8)
    assert token_jaccard("", "") == 1.0 and token_jaccard("x", "") == 0.0


def test_rank_score_is_kendalls_tau_mapped_to_credit():
    assert kendall_tau(["a", "b", "c"], ["a", "b", "c"]) == 1.0
    assert kendall_tau(["c", "b", "a"], ["a", "b", "c"]) == -1.0
    assert rank_score("a\nc\nb", "a\nb\nc") == pytest.approx((1 / 3 + 1) / 2)  # one pair of three swapped
    assert rank_score("a, b, c", "a\nb\nc") == 1.0
    # a label left out goes last in the worst order: no free credit for a guess not made
    assert rank_score("a", "a\nb\nc") == pytest.approx((kendall_tau(["a", "c", "b"], ["a", "b", "c"]) + 1) / 2)
    assert rank_score("a\nz", "a\nb") == 0.0 and rank_score("a\na", "a\nb") == 0.0


def test_dispatch_and_pass():
    assert score_prediction("exact", "7", "7\n") == 1.0
    assert score_prediction("numeric", "1.01", "1.0", rtol=0.1) == 1.0
    assert full_credit(score_prediction("jaccard", "a b", "a b c")) is False
    with pytest.raises(ValueError, match="unknown scorer"):
        score_prediction("bleu", "a", "a")
