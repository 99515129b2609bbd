import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (k = 1, k = n, repeats, negatives, falling and rising runs); timed levels use
    # windows of about size/1000: random values, a falling array (the deque holds the whole window) and a rising
    # array with plateaus
    if lid == 0:
        fixed = [
            ([7], 1),
            ([3, -2, 9, 9, 1], 5),
            ([3, -2, 9, 9, 1], 1),
            ([5, 5, 5, 5, 5, 5], 4),
            ([10**18, 9, 8, 7, -10**18, -10**18 + 1], 2),
            ([-4, -3, -2, -1, 0, 1], 3),
        ]
        if cid < len(fixed):
            return fixed[cid]
    n = size
    k = random.randint(max(1, n // 1500), max(1, n // 800))
    if cid == 0:
        a = [random.randint(-10**12, 10**12) for _ in range(n)]
    elif cid == 1:
        a = [10**12 - 7 * i + random.randint(0, 6) for i in range(n)]
    else:
        a = [(i // 16) * 3 + random.randint(0, 2) for i in range(n)]
    return (a, k)
