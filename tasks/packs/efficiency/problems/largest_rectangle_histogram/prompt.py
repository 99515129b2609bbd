def largest_rectangle_histogram(heights: list[int]) -> int:
    """Return the largest area of an axis-aligned rectangle that fits inside a histogram.

    The histogram has len(heights) bars side by side, each of width 1; bar i has height heights[i], an int
    >= 0. A rectangle that covers the consecutive bars i..j (i <= j) can be as tall as the lowest of them,
    so its area is (j - i + 1) * min(heights[i..j]). Return the largest such area over all i <= j, an int;
    an empty list, or one whose bars all have height 0, gives 0. The list may hold up to about 10**5 bars
    of heights up to about 10**9 (the area is a Python int, so it never overflows).

    >>> largest_rectangle_histogram([2, 1, 5, 6, 2, 3])
    10
    >>> largest_rectangle_histogram([2, 4])
    4
    >>> largest_rectangle_histogram([3, 3, 3])
    9
    >>> largest_rectangle_histogram([])
    0
    """
