"""Argument checks shared by the estimators.

Every public function in :mod:`metrics` validates its inputs here and raises ``ValueError`` with a
message that names the metric, the offending value and what to do about it.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Iterable, Sequence


def as_count(value: object, name: str, metric: str) -> int:
    """Return ``value`` as a non-negative ``int`` (numpy integers accepted, bools and floats refused)."""
    if isinstance(value, bool):
        raise ValueError(f"{metric}: {name} must be an integer count, got the bool {value!r}")
    try:
        count = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise ValueError(f"{metric}: {name} must be an integer count, got {value!r}") from None
    if count < 0:
        raise ValueError(f"{metric}: {name} must be >= 0, got {count}")
    return count


def check_k(n: int, k: object, metric: str) -> int:
    """Return ``k`` as an int after checking ``1 <= k <= n``.

    The unbiased estimators average over the k-subsets of the n samples, so they do not exist for
    ``k > n``; the message says so rather than returning a silently wrong number.
    """
    k_int = as_count(k, "k", metric)
    if k_int < 1:
        raise ValueError(f"{metric}: k must be >= 1, got {k_int}")
    if n < 1:
        raise ValueError(f"{metric}: needs at least one sample, got n = {n}")
    if k_int > n:
        raise ValueError(
            f"{metric} is defined only for k <= n: k = {k_int} samples cannot be drawn from n = {n}; "
            f"generate at least {k_int} samples per task or report a smaller k"
        )
    return k_int


def finite_floats(values: Iterable[float], name: str, metric: str) -> list[float]:
    """Return ``values`` as a list of finite floats, refusing NaN and infinities."""
    out: list[float] = []
    for index, value in enumerate(values):
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{metric}: {name}[{index}] is not a number: {value!r}") from None
        if not math.isfinite(number):
            raise ValueError(f"{metric}: {name}[{index}] must be finite, got {number!r}")
        out.append(number)
    return out


def non_negative_floats(values: Iterable[float], name: str, metric: str) -> list[float]:
    """Finite floats that are also ``>= 0`` (speedups, efficiency scores, times)."""
    out = finite_floats(values, name, metric)
    for index, number in enumerate(out):
        if number < 0:
            raise ValueError(f"{metric}: {name}[{index}] must be >= 0, got {number!r}")
    return out


def positive_floats(values: Iterable[float], name: str, metric: str) -> list[float]:
    """Finite floats that are also ``> 0`` (run times, values to take logarithms of)."""
    out = finite_floats(values, name, metric)
    for index, number in enumerate(out):
        if number <= 0:
            raise ValueError(f"{metric}: {name}[{index}] must be > 0, got {number!r}")
    return out


def non_empty(values: Sequence[float], name: str, metric: str) -> None:
    """Refuse an empty sequence."""
    if len(values) == 0:
        raise ValueError(f"{metric}: {name} is empty; it needs at least one value")


def check_confidence(confidence: float, metric: str) -> float:
    """A confidence level strictly between 0 and 1."""
    level = float(confidence)
    if not 0.0 < level < 1.0:
        raise ValueError(f"{metric}: confidence must lie strictly between 0 and 1, got {confidence!r}")
    return level
