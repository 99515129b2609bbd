def count_inversions(a: list[int]) -> int:
    """Return the number of pairs of positions i < j with a[i] > a[j] (equal values are not an inversion).
    The list may be empty (0 inversions) and may hold negative ints and duplicates.

    >>> count_inversions([3, 1, 2, 3, 0])
    6
    >>> count_inversions([])
    0
    """
