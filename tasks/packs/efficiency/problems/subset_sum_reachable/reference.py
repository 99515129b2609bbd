def subset_sum_reachable(nums: list[int], t: int) -> bool:
    # bit s of one Python int says "sum s is reachable"; adding an item is a shift and an or over the whole
    # int, which CPython does a machine word (30 bits) at a time
    mask = (1 << (t + 1)) - 1
    reach = 1
    for x in nums:
        if x <= t:
            reach |= (reach << x) & mask
            if reach >> t:
                return True
    return reach >> t == 1
