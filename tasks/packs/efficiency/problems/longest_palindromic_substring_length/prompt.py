def longest_palindromic_substring_length(s: str) -> int:
    """Return the length of the longest contiguous substring of `s` that reads the same forwards and
    backwards. `s` holds lowercase ASCII letters ("a" to "z") only; an empty string gives 0, and any
    non-empty string gives at least 1 (a single letter is a palindrome).

    >>> longest_palindromic_substring_length("forgeeksskeegfor")
    10
    >>> longest_palindromic_substring_length("abacdfgdcaba")
    3
    """
