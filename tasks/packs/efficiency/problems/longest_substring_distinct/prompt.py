def longest_substring_distinct(s: str) -> int:
    """Return the length of the longest contiguous substring of `s` in which no character occurs twice.

    Characters are compared as Python str characters (code points): "a" and "A" differ, and any Unicode
    character may occur. An empty string gives 0; any non-empty string gives at least 1. `s` may be up to
    about 10**5 characters long and draw on thousands of distinct characters.

    >>> longest_substring_distinct("abcabcbb")
    3
    >>> longest_substring_distinct("pwwkew")
    3
    >>> longest_substring_distinct("bbbb")
    1
    >>> longest_substring_distinct("")
    0
    """
