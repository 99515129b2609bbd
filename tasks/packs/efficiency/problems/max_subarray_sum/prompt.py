def max_subarray_sum(nums: list[int]) -> int:
    """Return the largest sum of a non-empty contiguous sub-list nums[i:j] (i < j) of `nums`. The list holds
    at least one int; the ints may be negative, so when all of them are negative the result is the largest
    single element.

    >>> max_subarray_sum([-2, 1, -3, 4, -1, 2, 1, -5, 4])
    6
    >>> max_subarray_sum([-3, -1, -2])
    -1
    """
