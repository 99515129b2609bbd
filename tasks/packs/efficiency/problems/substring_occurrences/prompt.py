def substring_occurrences(text: str, pattern: str) -> list[int]:
    """Return, in increasing order, every index i such that text[i:i + len(pattern)] == pattern. Occurrences
    may overlap, and each one is listed. `pattern` is non-empty; a pattern longer than the text (or an empty
    text) gives [].

    >>> substring_occurrences("abababa", "aba")
    [0, 2, 4]
    >>> substring_occurrences("aaaa", "b")
    []
    """
