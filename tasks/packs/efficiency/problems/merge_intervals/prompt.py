def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge the closed intervals [a, b] (a <= b) that overlap or share an end point, and return the merged
    intervals sorted by their start.

    >>> merge_intervals([(5, 7), (1, 3), (2, 4), (7, 8)])
    [(1, 4), (5, 8)]
    >>> merge_intervals([])
    []
    """
