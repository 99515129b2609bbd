def count_primes_below(n: int) -> int:
    """Return how many primes p satisfy p < n (n >= 0 an int; n <= 2 gives 0).

    >>> count_primes_below(10)
    4
    >>> count_primes_below(2)
    0
    """
