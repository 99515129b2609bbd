def max_subarray_sum(nums: list[int]) -> int:
    # Kadane: the best sum ending here either extends the best one ending just before or starts afresh; O(n)
    best = current = nums[0]
    for x in nums[1:]:
        current = current + x if current > 0 else x
        if current > best:
            best = current
    return best
