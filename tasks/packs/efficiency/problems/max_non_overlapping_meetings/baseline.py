from bisect import bisect_left


def max_non_overlapping_meetings(intervals: list[tuple[int, int]]) -> int:
    # dynamic programming over the meetings sorted by start: best[i] is the largest set that begins with
    # meeting i, one more than the best over the meetings that start at or after i's end (a suffix of the
    # order, found by bisection). Each step takes the maximum over its whole suffix again: O(n^2).
    ordered = sorted(intervals)
    starts = [start for start, _ in ordered]
    n = len(ordered)
    best = [0] * n
    for i in range(n - 1, -1, -1):
        first = bisect_left(starts, ordered[i][1], i + 1)
        best[i] = 1 + max(best[first:], default=0)
    return max(best, default=0)
