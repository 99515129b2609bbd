def kth_smallest_stream(nums: list[int], k: int) -> list[int]:
    """Insert the ints of `nums` one by one into an initially empty multiset (duplicates count separately),
    and after each insertion record the k-th smallest element of the multiset so far (k = 1 is the
    minimum), or -1 while it holds fewer than k elements. Return the recorded values, one per insertion
    (so an empty `nums` gives []). k >= 1; the ints may be negative.

    >>> kth_smallest_stream([5, 1, 4, 1, 3], 2)
    [-1, 5, 4, 1, 1]
    >>> kth_smallest_stream([7, 2], 3)
    [-1, -1]
    """
