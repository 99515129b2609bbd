def range_sum_queries(a: list[int], queries: list[tuple[int, int]]) -> list[int]:
    # copies and sums each queried slice: O(hi - lo) per query, O(n q) in all
    return [sum(a[lo:hi + 1]) for lo, hi in queries]
