def running_median(nums: list[int]) -> list[float]:
    # sorts everything seen so far after every insertion: O(n) work (at best) per step, O(n^2) in all
    seen: list[int] = []
    result = []
    for x in nums:
        seen.append(x)
        ordered = sorted(seen)
        m = len(ordered)
        if m % 2:
            result.append(float(ordered[m // 2]))
        else:
            result.append((ordered[m // 2 - 1] + ordered[m // 2]) / 2)
    return result
