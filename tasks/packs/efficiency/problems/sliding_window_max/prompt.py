def sliding_window_max(nums: list[int], k: int) -> list[int]:
    """Return the maximum of every window nums[i:i + k] of exactly k consecutive elements, in order of i
    (i = 0, 1, ..., len(nums) - k), so the result has len(nums) - k + 1 elements. k >= 1; when k is
    larger than len(nums) (an empty `nums` included) there is no window and the result is [].
    The ints may be negative.

    >>> sliding_window_max([1, 3, -1, -3, 5, 3, 6, 7], 3)
    [3, 3, 5, 5, 6, 7]
    >>> sliding_window_max([4, 2], 3)
    []
    """
