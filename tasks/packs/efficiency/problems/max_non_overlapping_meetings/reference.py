from operator import itemgetter


def max_non_overlapping_meetings(intervals: list[tuple[int, int]]) -> int:
    # greedy by earliest end: the meeting that ends first is in some largest set (swapping it in for that
    # set's first meeting clashes with nothing), so take it and go on with what starts at or after its end.
    # Sorting dominates: O(n log n).
    count = 0
    free_from = None
    for start, end in sorted(intervals, key=itemgetter(1)):
        if free_from is None or start >= free_from:
            count += 1
            free_from = end
    return count
