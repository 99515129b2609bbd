def kth_smallest_stream(nums: list[int], k: int) -> list[int]:
    # sorts everything seen so far after every insertion: O(n) work (at best) per step, O(n^2) in all
    seen: list[int] = []
    result = []
    for x in nums:
        seen.append(x)
        ordered = sorted(seen)
        result.append(ordered[k - 1] if len(ordered) >= k else -1)
    return result
