def pair_sum_count(a: list[int], t: int) -> int:
    # one pass: each element pairs with every earlier one equal to t - x, counted in a dict; O(n)
    seen: dict[int, int] = {}
    get = seen.get
    count = 0
    for x in a:
        count += get(t - x, 0)
        seen[x] = get(x, 0) + 1
    return count
