def distinct_substrings_count(s: str) -> int:
    """Return the number of distinct non-empty strings s[i:j] (0 <= i < j <= len(s)). `s` holds lowercase
    ASCII letters ("a" to "z") only; an empty string gives 0.

    >>> distinct_substrings_count("abab")
    7
    >>> distinct_substrings_count("aaa")
    3
    """
