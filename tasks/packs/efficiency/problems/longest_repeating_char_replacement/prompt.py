def longest_repeating_char_replacement(s: str, k: int) -> int:
    """Return the length of the longest contiguous substring of `s` in which replacing at most `k` letters
    (each by any letter) makes every letter the same; that is, the longest substring whose length minus the
    count of its most frequent letter is at most `k`. `s` holds uppercase ASCII letters ("A" to "Z") only,
    and k >= 0. An empty string gives 0.

    >>> longest_repeating_char_replacement("AABABBA", 1)
    4
    >>> longest_repeating_char_replacement("ABAB", 2)
    4
    """
