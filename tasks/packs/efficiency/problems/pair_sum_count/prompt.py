def pair_sum_count(a: list[int], t: int) -> int:
    """Return the number of pairs of positions i < j with a[i] + a[j] == t. Equal values at different
    positions are different pairs; an element is never paired with itself. The list may be empty (0 pairs)
    and the ints (t included) may be negative.

    >>> pair_sum_count([1, 5, 7, -1, 5], 6)
    3
    >>> pair_sum_count([3, 3, 3], 6)
    3
    """
