from collections import deque


def sliding_window_max(nums: list[int], k: int) -> list[int]:
    # a deque of positions whose values decrease: the front is the window's maximum; each position enters
    # and leaves once, O(n)
    n = len(nums)
    if k > n:
        return []
    window: deque[int] = deque()
    result = []
    for i, x in enumerate(nums):
        while window and nums[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            result.append(nums[window[0]])
    return result
