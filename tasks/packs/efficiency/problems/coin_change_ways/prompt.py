def coin_change_ways(coins: list[int], t: int) -> int:
    """Return the number of ways to make the amount `t` from the denominations in `coins`, each usable any
    number of times, modulo 10**9 + 7. Order does not matter: a way is how many coins of each denomination
    are used (so 1+2 and 2+1 are the same way). The denominations are distinct positive ints, `coins` may be
    empty, and t >= 0; t == 0 has exactly one way (no coins), also when `coins` is empty.

    >>> coin_change_ways([1, 2, 5], 5)
    4
    >>> coin_change_ways([2], 3)
    0
    """
