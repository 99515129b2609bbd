import random  # the seeded module: the harness seeds it per level and case


def _value():
    return random.getrandbits(64) - 2**63


def generate_input(size, lid, cid):
    # level 0: the example, no queries (with and without values), one element, repeated and single-point queries,
    # the whole array, full 64-bit values (negatives included). Timed levels: size values and size / 3 queries whose
    # lengths run up to 2000, up to 8000, or (third case) short ranges with an occasional whole-array one
    if lid == 0:
        fixed = [([5, 3, 6, -1], [(0, 1), (1, 2), (2, 2), (0, 3)]), ([], []), ([9, 9], []),
                 ([-2**63], [(0, 0), (0, 0)])]
        if cid < len(fixed):
            return fixed[cid]
        n = size * cid
        a = [_value() if cid % 2 else random.randint(-3, 3) for _ in range(n)]
        queries = [(0, n - 1), (n - 1, n - 1), (0, 0), (1, n - 2), (1, n - 2)]
        for _ in range(20):
            lo = random.randint(0, n - 1)
            queries.append((lo, random.randint(lo, n - 1)))
        return (a, queries)
    u = random.random
    a = [_value() for _ in range(size)]
    queries = []
    for k in range(size // 3):
        if cid == 2 and k % 1000 == 0:
            queries.append((0, size - 1))
            continue
        length = 1 + int(u() * (2000 if cid == 0 else 8000 if cid == 1 else 64))
        lo = int(u() * (size - length + 1))
        queries.append((lo, lo + length - 1))
    return (a, queries)
