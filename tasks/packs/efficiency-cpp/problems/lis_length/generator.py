import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (empty, one value, all equal, rising, falling, repeats that must not count twice,
    # the 64-bit extremes, the examples); timed levels: random 64-bit values, values from a small range (many
    # repeats), and a rising trend with noise (a long answer: the tails array grows with n)
    if lid == 0:
        lo, hi = -2**63, 2**63 - 1
        fixed = [
            [],
            [5],
            [4, 4, 4],
            [10, 9, 2, 5, 3, 7, 101, 18],
            [1, 2, 2, 3],
            [1, 2, 3, 4, 5, 6, 7],
            [7, 6, 5, 4, 3, 2, 1],
            [hi, lo, hi, lo + 1, 0, hi - 1, hi],
            [3, 1, 3, 1, 3, 1, 2, 2, 4],
            [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15],
        ]
        if cid < len(fixed):
            return (fixed[cid],)
        return ([random.randint(-3, 3) for _ in range(size)],)
    n = size
    if cid == 0:
        values = [random.randint(-2**63, 2**63 - 1) for _ in range(n)]
    elif cid == 1:
        values = [random.randint(0, 999) for _ in range(n)]
    else:
        values = [3 * i + random.randint(-10**3, 10**3) for i in range(n)]
    return (values,)
