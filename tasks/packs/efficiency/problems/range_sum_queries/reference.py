from itertools import accumulate


def range_sum_queries(a: list[int], queries: list[tuple[int, int]]) -> list[int]:
    # prefix sums once (O(n), in C), then each query is one subtraction: O(n + q)
    prefix = [0, *accumulate(a)]
    return [prefix[hi + 1] - prefix[lo] for lo, hi in queries]
