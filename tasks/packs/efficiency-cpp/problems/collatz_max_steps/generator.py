import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (a range of one start, 1 alone, ties between starts, ranges below and above 27,
    # the examples) and small random ranges; timed levels end near hi = size: the whole range [1, hi], a range from
    # about hi / 3 (its lower part can never win) and a narrow range at the top (every start is a candidate)
    if lid == 0:
        fixed = [(1, 1), (1, 2), (1, 10), (12, 13), (28, 30), (27, 27), (1, 27), (2, 2), (5, 5), (28, 54),
                 (97, 97), (100, 1000), (10**7, 10**7)]
        if cid < len(fixed):
            return fixed[cid]
        lo = random.randint(1, size * 100)
        return (lo, lo + random.randint(0, size * 100))
    hi = size - random.randint(0, size // 100)
    if cid == 0:
        return (1, hi)
    if cid == 1:
        return (hi // 3 + random.randint(0, 1000), hi)
    return (hi - hi // 3, hi)
