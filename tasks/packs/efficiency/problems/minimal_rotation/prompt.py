def minimal_rotation(s: str) -> str:
    """Return the lexicographically smallest of the len(s) rotations s[i:] + s[:i] of `s` (comparison as
    Python compares str). `s` holds lowercase ASCII letters ("a" to "z") only; an empty string gives "".

    >>> minimal_rotation("bcaab")
    'aabbc'
    >>> minimal_rotation("abab")
    'abab'
    """
