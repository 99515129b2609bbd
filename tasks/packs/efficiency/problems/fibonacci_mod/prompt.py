def fibonacci_mod(n: int, m: int) -> int:
    """Return F(n) mod m, where F is the Fibonacci sequence F(0) = 0, F(1) = 1, F(k) = F(k - 1) + F(k - 2).

    0 <= n <= 10**18 and 1 <= m < 2**31. The result is an int in 0..m-1 (so m == 1 always gives 0).

    >>> fibonacci_mod(10, 1000)
    55
    >>> fibonacci_mod(100, 10**9 + 7)
    687995182
    >>> fibonacci_mod(0, 5)
    0
    >>> fibonacci_mod(1, 1)
    0
    """
