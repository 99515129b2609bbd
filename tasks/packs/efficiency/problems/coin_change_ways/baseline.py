MOD = 10**9 + 7


def coin_change_ways(coins: list[int], t: int) -> int:
    # recursion over (coin index, remaining amount) with a dict memo, and a loop over how many of the
    # current coin to take: each of the O(n t) states costs O(t / coin) more
    memo: dict[tuple[int, int], int] = {}

    def ways(i: int, remaining: int) -> int:
        if remaining == 0:
            return 1
        if i == len(coins):
            return 0
        key = (i, remaining)
        if key not in memo:
            total = 0
            for used in range(remaining // coins[i] + 1):
                total += ways(i + 1, remaining - used * coins[i])
            memo[key] = total % MOD
        return memo[key]

    return ways(0, t)
