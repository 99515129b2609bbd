def max_subarray_sum(nums: list[int]) -> int:
    # every start, with a running sum over every end after it: O(n^2) additions
    best = nums[0]
    for i in range(len(nums)):
        total = 0
        for j in range(i, len(nums)):
            total += nums[j]
            if total > best:
                best = total
    return best
