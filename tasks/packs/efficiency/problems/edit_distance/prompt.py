def edit_distance(a: str, b: str) -> int:
    """Return the Levenshtein distance between `a` and `b`: the least number of single-character
    insertions, deletions and substitutions (each costing 1) that turn `a` into `b`. The strings hold
    lowercase ASCII letters and may be empty (the distance to "" is the other string's length).

    >>> edit_distance("kitten", "sitting")
    3
    >>> edit_distance("", "abc")
    3
    """
