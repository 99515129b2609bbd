def string_period(s: str) -> int:
    """Return the smallest period of `s`: the smallest p >= 1 such that s[i] == s[i - p] for every index i
    with p <= i < len(s), i.e. `s` is a prefix of s[:p] repeated forever.

    Every non-empty string has a period (p = len(s) always works), so the result is between 1 and len(s);
    p need not divide len(s). An empty string gives 0. Characters are compared exactly (case matters).
    `s` may be up to about 10**5 characters long.

    >>> string_period("abcabcab")
    3
    >>> string_period("aaaa")
    1
    >>> string_period("aaab")
    4
    >>> string_period("abaab")
    3
    >>> string_period("")
    0
    """
