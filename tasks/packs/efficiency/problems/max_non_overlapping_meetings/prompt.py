def max_non_overlapping_meetings(intervals: list[tuple[int, int]]) -> int:
    """Return the largest number of meetings that can all be attended, no two at the same time.

    Each meeting (start, end) is the half-open interval [start, end) of ints with start < end (the ints may
    be negative). Two meetings clash when they share a moment, i.e. when a_start < b_end and
    b_start < a_end; a meeting that ends at 3 and one that starts at 3 do not clash. Return the size of the
    largest set of meetings of which no two clash, an int; an empty list gives 0. The same meeting may be
    listed more than once (the copies clash with each other). There may be up to about 10**4 meetings.

    >>> max_non_overlapping_meetings([(1, 3), (2, 4), (3, 5), (0, 7), (5, 6)])
    3
    >>> max_non_overlapping_meetings([(0, 10), (0, 10)])
    1
    >>> max_non_overlapping_meetings([])
    0
    """
