def longest_increasing_subsequence(nums: list[int]) -> int:
    # quadratic DP: for every element, scan all earlier ones for the best run it can extend
    n = len(nums)
    best = [1] * n
    for i in range(n):
        for j in range(i):
            if nums[j] < nums[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
    return max(best) if best else 0
