def polynomial_eval_many(coeffs: list[int], points: list[int]) -> list[int]:
    # the exact sum of c * x**i, reduced only at the end: x**i has i times as many digits as x, so each
    # point costs O(degree^2) digit operations, and every power is computed from scratch
    mod = 10**9 + 7
    return [sum(c * x**i for i, c in enumerate(coeffs)) % mod for x in points]
