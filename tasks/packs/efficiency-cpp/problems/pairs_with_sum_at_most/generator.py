import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (empty, one value, every pair or no pair, repeats, negatives, the limits);
    # timed levels: random values with x near the middle of the pair sums, many repeats, and a sorted array
    # with a negative x
    if lid == 0:
        fixed = [
            ([], 0),
            ([5], 10),
            ([2, 2, 2, 2], 4),
            ([2, 2, 2, 2], 3),
            ([10**15, -10**15, 10**15, -10**15], 0),
            ([3, 1, 4, 1, 5], 5),
        ]
        if cid < len(fixed):
            return fixed[cid]
    n = size
    if cid == 0:
        a = [random.randint(-10**12, 10**12) for _ in range(n)]
        return (a, random.randint(-10**11, 10**11))
    if cid == 1:
        a = [random.randint(-20, 20) for _ in range(n)]
        return (a, random.randint(-3, 3))
    a = sorted(random.randint(-10**15, 10**15) for _ in range(n))
    return (a, -random.randint(0, 10**15))
