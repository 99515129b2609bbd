import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (empty, capacity 0 and 1, a capacity above the number of distinct keys, negative
    # keys, the worked example); timed levels use capacity size/200: skewed requests over 4x capacity keys, a
    # cyclic scan over capacity+1 keys with noise (LRU's worst case: almost no hits, every lookup scans the whole
    # cache), and a working set that drifts through a large key space
    if lid == 0:
        fixed = [
            ([], 3),
            ([4, 4], 0),
            ([7, 7, 8, 7, 8, 8], 1),
            ([-1, 2, -1, 3, 2, -1, 10**18, -10**18, 3], 50),
            ([1, 2, 1, 3, 2, 1], 2),
            ([1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5], 3),
        ]
        if cid < len(fixed):
            return fixed[cid]
    n = size
    c = max(1, n // 200)
    if cid == 0:
        universe = [random.randint(-10**18, 10**18) for _ in range(4 * c)]
        u = len(universe)
        keys = [universe[int(u * random.random() ** 2)] for _ in range(n)]
    elif cid == 1:
        universe = [random.randint(-10**18, 10**18) for _ in range(c + 1)]
        keys = [universe[i % (c + 1)] if random.random() < 0.95 else universe[random.randrange(c + 1)]
                for i in range(n)]
    else:
        spread = 3 * c
        keys = [(i // 4 + random.randrange(spread)) * 1000003 - 10**15 for i in range(n)]
    return (keys, c)
