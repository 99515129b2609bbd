def sliding_window_max(nums: list[int], k: int) -> list[int]:
    # copies and scans every window afresh: O(n k)
    return [max(nums[i:i + k]) for i in range(len(nums) - k + 1)]
