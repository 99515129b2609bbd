def range_sum_queries(a: list[int], queries: list[tuple[int, int]]) -> list[int]:
    """For each query (l, r), with 0 <= l <= r < len(a), return the sum a[l] + a[l + 1] + ... + a[r]
    (both ends included); the results are in the order of the queries. No queries gives []; the list is
    non-empty when there are queries, and its ints may be negative.

    >>> range_sum_queries([3, -1, 4, 1, 5], [(0, 2), (1, 1), (0, 4), (3, 4)])
    [6, -1, 12, 6]
    >>> range_sum_queries([7], [])
    []
    """
