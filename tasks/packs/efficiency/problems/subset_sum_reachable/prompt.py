def subset_sum_reachable(nums: list[int], t: int) -> bool:
    """Return True when some subset of the elements of `nums` (each element used at most once; equal values
    are different elements) sums exactly to `t`, else False. The elements are positive ints, `nums` may be
    empty, and t >= 0; the empty subset sums to 0, so t == 0 always gives True.

    >>> subset_sum_reachable([3, 34, 4, 12, 5, 2], 9)
    True
    >>> subset_sum_reachable([3, 34, 4, 12, 5, 2], 30)
    False
    """
