def longest_increasing_subsequence(nums: list[int]) -> int:
    """Return the length of the longest strictly increasing subsequence of `nums`: the largest k such that
    there are indices i1 < i2 < ... < ik with nums[i1] < nums[i2] < ... < nums[ik]. Equal values do not
    count as increasing. The elements are ints (possibly negative); an empty list gives 0.

    >>> longest_increasing_subsequence([10, 9, 2, 5, 3, 7, 101, 18])
    4
    >>> longest_increasing_subsequence([7, 7, 7])
    1
    """
