def sparse_knapsack_max_value(items: list[tuple[int, int]], capacity: int) -> int:
    """0/1 knapsack: return the largest total value of a subset of `items` (each used at most once) whose
    total weight is at most `capacity`. Each item is a (weight, value) pair of positive ints, weights up to
    5 * 10**7 and values up to 10**7; there are at most 40 items and 0 <= capacity <= 10**9. The empty subset
    is allowed, so the result is 0 when no item fits (or `items` is empty).

    >>> sparse_knapsack_max_value([(10, 60), (20, 100), (30, 120)], 50)
    220
    >>> sparse_knapsack_max_value([(5, 10)], 4)
    0
    """
