def running_median(nums: list[int]) -> list[float]:
    """Insert the ints of `nums` one by one into an initially empty multiset, and after each insertion
    record the median of the multiset so far, as a float: the middle element when it holds an odd number
    of elements, the mean of the two middle ones when even. Return the recorded medians, one per insertion
    (an empty `nums` gives []). The ints may be negative; |x| <= 10**9.

    >>> running_median([5, 15, 1, 3])
    [5.0, 10.0, 5.0, 4.0]
    >>> running_median([-2, -3])
    [-2.0, -2.5]
    """
