"""Helpers that ENAMEL's input generators call by name, written for hpceval from their documented meaning.

They run on the trusted side, in the same namespace as a dataset's `generate_input`, and draw every random
number from the `random` module, which the trusted side seeds before each test case.

* `rand_parens(size, valid=True, par="()", sep="")`: `size` (rounded up to even) random bracket characters that
  form balanced, non-nested top-level groups, joined by `sep` (a list of the groups when `sep` is None). With
  `valid=False`, two balanced halves around a closing-then-opening pair: the string is unbalanced.
* `miller_rabin(n, k=5)`: whether `n` is (probably) prime. Deterministic below 3.3e24 (the first 13 prime
  bases decide it exactly); above, `k` further random bases.
* `rand_probably_prime(lb, ub=None)`: a random prime in `[lb // 2, lb]` when only `lb` is given (Bertrand's
  postulate keeps one there), else in `[lb, max(2 lb, ub)]`.
* `rand_primality(size, lid, cid)`: a number whose primality is the point of the test: the first four cases of
  level 0 are fixed tricky ones (a primorial plus one that is composite, the Carmichael number 561, 2, and 125);
  otherwise, by `cid % 3`, a prime near `size`, the square of a prime near sqrt(size), or a product of two primes
  near sqrt(size).
"""

from __future__ import annotations

import random

_SMALL_PRIMES = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41)
_DETERMINISTIC_BELOW = 3_317_044_064_679_887_385_961_981  # the first 13 prime bases decide every n below it


def _is_strong_witness(a: int, n: int, odd_part: int, twos: int) -> bool:
    """True when `a` proves `n` composite."""
    x = pow(a, odd_part, n)
    if x in (1, n - 1):
        return False
    for _ in range(twos - 1):
        x = x * x % n
        if x == n - 1:
            return False
    return True


def miller_rabin(n: int, k: int = 5) -> bool:
    if n < 2:
        return False
    for p in _SMALL_PRIMES:
        if n % p == 0:
            return n == p
    odd_part, twos = n - 1, 0
    while odd_part % 2 == 0:
        odd_part //= 2
        twos += 1
    if any(_is_strong_witness(a, n, odd_part, twos) for a in _SMALL_PRIMES):
        return False
    if n < _DETERMINISTIC_BELOW:
        return True
    return not any(_is_strong_witness(random.randint(2, n - 2), n, odd_part, twos) for _ in range(k))


def rand_probably_prime(lb: int, ub: int | None = None) -> int:
    if ub is None:
        high = max(lb, 3)
        low = high // 2
    else:
        low = max(lb, 0)
        high = max(2 * low, ub, 3)
    while True:
        candidate = random.randint(low, high)
        if miller_rabin(candidate):
            return candidate


def rand_primality(size: int, lid: int, cid: int) -> int:
    size = max(size, 4)
    if lid == 0 and cid < 4:
        return (2 * 3 * 5 * 7 * 11 * 13 + 1, 561, 2, 125)[cid]
    root = int(size ** 0.5 + 1)
    kind = cid % 3
    if kind == 0:
        return rand_probably_prime(size)
    if kind == 1:
        return rand_probably_prime(root) ** 2
    return rand_probably_prime(root) * rand_probably_prime(root)


def _balanced_groups(size: int, par: str) -> list[str]:
    """`size` (even) bracket characters as a random sequence of balanced top-level groups."""
    opening, closing = par[0], par[1]
    groups: list[list[str]] = []
    depth = 0
    for position in range(size):
        remaining = size - position
        if depth == 0 or (depth < remaining and random.randint(0, 1)):
            if depth == 0:
                groups.append([])
            groups[-1].append(opening)
            depth += 1
        else:
            groups[-1].append(closing)
            depth -= 1
    return ["".join(group) for group in groups]


def rand_parens(size: int, valid: bool = True, par: str = "()", sep: str | None = "") -> str | list[str]:
    if not valid:
        if sep != "":
            raise ValueError("rand_parens: an unbalanced string is built with sep=''")
        half = (size + 1) // 2 - 1
        left, right = rand_parens(half, True, par), rand_parens(half, True, par)
        return f"{left}{par[1]}{par[0]}{right}"
    groups = _balanced_groups(size + size % 2, par)
    return groups if sep is None else sep.join(groups)
