def subset_sum_reachable(nums: list[int], t: int) -> bool:
    # the set of reachable sums (up to t), rebuilt for every item: one hashed set operation per sum and item
    reachable = {0}
    for x in nums:
        reachable = reachable | {s + x for s in reachable if s + x <= t}
    return t in reachable
