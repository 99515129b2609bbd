def longest_common_subsequence(a: str, b: str) -> int:
    """Return the length of the longest common subsequence of `a` and `b`: the largest k such that some k
    characters of `a`, kept in order (not necessarily adjacent), equal some k characters of `b`, kept in
    order. The strings use the letters "ACGT" only and may be empty (then the result is 0).

    >>> longest_common_subsequence("GATTACA", "GCATGCT")
    4
    >>> longest_common_subsequence("", "ACGT")
    0
    """
