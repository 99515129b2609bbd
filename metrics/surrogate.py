"""Scores of a surrogate-execution prediction against the truth, each in [0, 1] (1 = right), pure functions.

* ``exact_match``: 1 when the texts agree after normalising line ends and trailing spaces (a program's output
  with or without its final newline, CRLF or LF), else 0.
* ``numeric_score``: the numbers in both texts, pairwise in order. A number within ``rtol`` (relative, or
  ``atol`` near zero) earns full credit; partial credit falls off with the order of magnitude of the error and is
  gone at ``decades`` orders past the tolerance. Missing or extra numbers earn nothing: the sum is divided by the
  longer list. A truth without numbers falls back to exact match.
* ``token_jaccard``: |A ∩ B| / |A ∪ B| over the texts' token sets (words, numbers, punctuation marks): error
  messages whose wording is mostly right earn most of the credit.
* ``rank_score``: Kendall's tau between the predicted and the true order, mapped to [0, 1] ((tau + 1) / 2); labels
  the prediction leaves out are put last, in the reverse of their true order (no credit for a guess it did not
  make); an unknown or repeated label scores 0.

``score_prediction`` dispatches on the scorer's name; ``full_credit`` tells whether a score counts as a pass.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?(?:inf|nan)\b", re.IGNORECASE)
TOKEN = re.compile(r"\w+|[^\w\s]")
SCORERS = ("exact", "numeric", "jaccard", "rank")


def normalize(text: str) -> str:
    """Line ends unified, trailing spaces of every line and trailing blank lines dropped."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def exact_match(predicted: str, truth: str) -> float:
    return 1.0 if normalize(predicted) == normalize(truth) else 0.0


def numbers(text: str) -> list[float]:
    return [float(match) for match in NUMBER.findall(text)]


def number_credit(predicted: float, truth: float, rtol: float, atol: float = 1e-12, decades: float = 3.0) -> float:
    """One number's credit: 1 within tolerance, falling linearly in log10(error / tolerance) to 0 at `decades`."""
    if math.isnan(truth) or math.isnan(predicted):
        return 1.0 if math.isnan(truth) and math.isnan(predicted) else 0.0
    if math.isinf(truth) or math.isinf(predicted):
        return 1.0 if predicted == truth else 0.0
    allowed = max(rtol * abs(truth), atol)
    error = abs(predicted - truth)
    if error <= allowed:
        return 1.0
    return max(0.0, 1.0 - math.log10(error / allowed) / decades)


def numeric_score(predicted: str, truth: str, rtol: float = 1e-6, atol: float = 1e-12, decades: float = 3.0) -> float:
    if not rtol > 0 or not decades > 0:
        raise ValueError(f"numeric_score: rtol and decades must be > 0, got {rtol!r}, {decades!r}")
    expected, given = numbers(truth), numbers(predicted)
    if not expected:
        return exact_match(predicted, truth)
    credit = sum(number_credit(p, t, rtol, atol, decades) for p, t in zip(given, expected, strict=False))
    return credit / max(len(expected), len(given))


def tokens(text: str) -> set[str]:
    return set(TOKEN.findall(text))


def token_jaccard(predicted: str, truth: str) -> float:
    a, b = tokens(predicted), tokens(truth)
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def kendall_tau(order: Sequence[str], truth: Sequence[str]) -> float:
    """Kendall's tau-a between two orders of the same labels (1: same order, -1: reversed)."""
    if sorted(order) != sorted(truth) or len(set(truth)) != len(truth):
        raise ValueError("kendall_tau: both orders must hold the same distinct labels")
    n = len(truth)
    if n < 2:
        return 1.0
    position = {label: i for i, label in enumerate(order)}
    concordant = sum(1 if position[truth[i]] < position[truth[j]] else -1
                     for i in range(n) for j in range(i + 1, n))
    return concordant / (n * (n - 1) / 2)


def rank_score(predicted: str, truth: str) -> float:
    expected = [line.strip() for line in normalize(truth).split("\n") if line.strip()]
    given = [line.strip() for line in normalize(predicted).replace(",", "\n").split("\n") if line.strip()]
    if any(label not in expected for label in given) or len(set(given)) != len(given):
        return 0.0
    completed = given + [label for label in reversed(expected) if label not in given]
    if len(expected) == 1:
        return 1.0 if given == expected else 0.0
    return (kendall_tau(completed, expected) + 1.0) / 2.0


def score_prediction(scorer: str, predicted: str, truth: str, rtol: float = 1e-6) -> float:
    if scorer == "exact":
        return exact_match(predicted, truth)
    if scorer == "numeric":
        return numeric_score(predicted, truth, rtol)
    if scorer == "jaccard":
        return token_jaccard(normalize(predicted), normalize(truth))
    if scorer == "rank":
        return rank_score(predicted, truth)
    raise ValueError(f"unknown scorer {scorer!r}; known: {', '.join(SCORERS)}")


def full_credit(score: float) -> bool:
    return score >= 1.0 - 1e-12
