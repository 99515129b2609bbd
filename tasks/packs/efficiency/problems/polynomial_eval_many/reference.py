def polynomial_eval_many(coeffs: list[int], points: list[int]) -> list[int]:
    # Horner's rule, reducing mod p at every step: one multiply-add of numbers below 2**60 per coefficient
    mod = 10**9 + 7
    reduced = [c % mod for c in reversed(coeffs)]
    result = []
    for x in points:
        x %= mod
        value = 0
        for c in reduced:
            value = (value * x + c) % mod
        result.append(value)
    return result
