import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (empty, one value, repeats, extremes, rising and falling); timed levels mix
    # random values, a rising trend with noise (every value lands in the upper half) and a widening zigzag with
    # repeats (each arrival lands on the bigger side, so every step moves a value between the halves)
    if lid == 0:
        fixed = [
            [],
            [42],
            [3, 3, 3, 3, 3],
            [10**18, -10**18, 0, -1, 1, 10**18, -10**18],
            [1, 2, 3, 4, 5, 6, 7, 8],
            [8, 7, 6, 5, 4, 3, 2, 1],
        ]
        if cid < len(fixed):
            return (fixed[cid],)
        return ([random.randint(-5, 5) for _ in range(size)],)
    n = size
    if cid == 0:
        return ([random.randint(-10**12, 10**12) for _ in range(n)],)
    if cid == 1:
        return ([5 * i + random.randint(-1000, 1000) for i in range(n)],)
    return ([(i // 2 * 3 + random.randint(0, 3)) * (1 if i % 2 == 0 else -1) for i in range(n)],)
