def fibonacci_mod(n: int, m: int) -> int:
    # walk the sequence n steps, keeping two consecutive terms mod m: O(n)
    a, b = 0, 1
    for _ in range(n):
        a, b = b, (a + b) % m
    return a % m
