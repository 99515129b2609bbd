def dedupe_keep_order(items: list[int]) -> list[int]:
    """Return the elements of `items` without repetitions: each distinct value once, at the position of its
    first occurrence, in the order of those first occurrences. An empty list gives []; the ints may be
    negative.

    >>> dedupe_keep_order([3, 1, 3, 2, 1, -4, 2])
    [3, 1, 2, -4]
    >>> dedupe_keep_order([])
    []
    """
