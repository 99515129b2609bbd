import random  # the seeded module: the harness seeds it per level and case


def _modulus():
    kind = random.randrange(4)
    if kind == 0:
        return 10**9 + 7  # a prime
    if kind == 1:
        return 2 ** random.randint(20, 31) - 1  # up to the largest modulus allowed
    if kind == 2:
        return random.randint(2, 1000)  # small: short Pisano periods
    return random.randint(1, 2**31 - 1)


def generate_input(size, lid, cid):
    if lid == 0:
        fixed = [(0, 7), (1, 1), (2, 2), (size, 1), (size, 10**9 + 7)]
        if cid < len(fixed):
            return fixed[cid]
        return (random.randint(0, size), _modulus())
    # n near the level's size (the baseline's work), one of several kinds of modulus
    return (size - random.randrange(size // 10 + 1), _modulus())
