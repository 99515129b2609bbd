def polynomial_eval_many(coeffs: list[int], points: list[int]) -> list[int]:
    """Return [P(x) % (10**9 + 7) for x in points], where P(x) = sum(coeffs[i] * x**i) (coeffs[0] is the
    constant term).

    The coefficients and points are ints of either sign (each below 10**18 in absolute value); `coeffs`
    may be empty (P = 0) and `points` may be empty (the result is []). Every value is in 0..10**9 + 6
    (Python's %, so never negative), in the order of `points`.

    >>> polynomial_eval_many([1, 2, 3], [0, 1, 2, -1])
    [1, 6, 17, 2]
    >>> polynomial_eval_many([5], [10**9 + 7, 3])
    [5, 5]
    """
