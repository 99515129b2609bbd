MOD = 10**9 + 7


def coin_change_ways(coins: list[int], t: int) -> int:
    # one table over amounts, one pass per coin: ways[s] += ways[s - c] counts each multiset once; O(n t)
    ways = [0] * (t + 1)
    ways[0] = 1
    for c in coins:
        if c > t:
            continue
        for s in range(c, t + 1):
            v = ways[s] + ways[s - c]
            ways[s] = v - MOD if v >= MOD else v
    return ways[t]
