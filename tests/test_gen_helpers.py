"""The helpers ENAMEL's generators call (tasks/kinds/function/runtime/gen_helpers.py), against their meaning."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

RUNTIME = Path(__file__).resolve().parents[1] / "tasks" / "kinds" / "function" / "runtime"
spec = importlib.util.spec_from_file_location("gen_helpers", RUNTIME / "gen_helpers.py")
assert spec and spec.loader
helpers = importlib.util.module_from_spec(spec)
spec.loader.exec_module(helpers)


def is_prime(n: int) -> bool:
    return n >= 2 and all(n % d for d in range(2, int(n ** 0.5) + 1))


def balanced(text: str, par: str = "()") -> bool:
    depth = 0
    for char in text:
        depth += 1 if char == par[0] else -1
        if depth < 0:
            return False
    return depth == 0


def test_miller_rabin_agrees_with_trial_division_and_knows_the_traps():
    assert [n for n in range(-5, 20000) if helpers.miller_rabin(n)] == [n for n in range(20000) if is_prime(n)]
    for carmichael in (561, 1105, 1729, 2465, 2821, 6601, 8911, 41041, 825265, 321197185):
        assert not helpers.miller_rabin(carmichael)
    assert helpers.miller_rabin(2 ** 61 - 1) and helpers.miller_rabin(2 ** 127 - 1)
    assert not helpers.miller_rabin((2 ** 61 - 1) * (2 ** 31 - 1))
    assert not helpers.miller_rabin(2 * 3 * 5 * 7 * 11 * 13 + 1)


@pytest.mark.parametrize("bound", [3, 10, 1000, 10 ** 9])
def test_rand_probably_prime_with_one_bound_is_a_prime_in_its_upper_half(bound):
    random.seed(bound)
    for _ in range(30):
        p = helpers.rand_probably_prime(bound)
        assert is_prime(p) if p < 10 ** 7 else helpers.miller_rabin(p)
        assert max(bound, 3) // 2 <= p <= max(bound, 3)


def test_rand_probably_prime_with_two_bounds_stays_in_them():
    random.seed(7)
    for low, high in ((11, 23), (2, 50), (100, 100)):
        for _ in range(30):
            p = helpers.rand_probably_prime(low, high)
            assert is_prime(p) and low <= p <= max(2 * low, high)


def test_rand_primality_gives_the_fixed_traps_then_primes_squares_and_semiprimes():
    assert [helpers.rand_primality(10 ** 6, 0, c) for c in range(4)] == [30031, 561, 2, 125]
    random.seed(3)
    for cid in range(4, 40):
        n = helpers.rand_primality(10 ** 6, 1, cid)
        factors = [d for d in range(2, int(n ** 0.5) + 1) if n % d == 0]
        if cid % 3 == 0:
            assert is_prime(n)
        elif cid % 3 == 1:
            root = int(round(n ** 0.5))
            assert root * root == n and is_prime(root)
        else:
            assert len(factors) == 1 and is_prime(factors[0]) and is_prime(n // factors[0])


def test_rand_parens_is_balanced_groups_or_deliberately_not():
    random.seed(11)
    for size in (0, 1, 2, 7, 50, 1001):
        text = helpers.rand_parens(size)
        assert len(text) == size + size % 2 and balanced(text)
        groups = helpers.rand_parens(size, sep=None)
        assert "".join(groups) and all(balanced(g) for g in groups) if size else groups == []
        # each group is one top-level pair: no proper prefix of it is balanced
        assert all(not balanced(g[:i]) for g in groups for i in range(1, len(g)))
        spaced = helpers.rand_parens(size, par="[]", sep=" ")
        assert set(spaced) <= {"[", "]", " "} and balanced(spaced.replace(" ", ""), "[]")
    for size in (3, 10, 99):
        assert not balanced(helpers.rand_parens(size, valid=False))
    with pytest.raises(ValueError):
        helpers.rand_parens(10, valid=False, sep=None)
