def fibonacci_mod(n: int, m: int) -> int:
    # fast doubling over the bits of n from the top: from (F(k), F(k + 1)) the identities
    # F(2k) = F(k) (2 F(k + 1) - F(k)) and F(2k + 1) = F(k)^2 + F(k + 1)^2 give (F(2k), F(2k + 1)), and one
    # more addition steps to 2k + 1 when the bit is set. O(log n) multiplications of numbers below m.
    a, b = 0, 1 % m
    for bit in bin(n)[2:]:
        even = a * (2 * b - a) % m
        odd = (a * a + b * b) % m
        if bit == "1":
            a, b = odd, (even + odd) % m
        else:
            a, b = even, odd
    return a
