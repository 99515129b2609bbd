import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0: the example, no values, everything outside, the edges lo and hi - 1, one bin, bins narrower than 1,
    # negative and huge coordinates, random small cases. Timed levels: (values, lo, hi, bins) with
    # 1000 bins over a wide range and a quarter of the values outside; 1500 bins with bell-shaped values;
    # 2000 bins narrower than 1 over a short range
    if lid == 0:
        fixed = [([0, 1, 2, 3, 4, 5, 9, 10, -1], 0, 10, 3), ([], -5, 5, 4), ([-10, 10, 11, 10**15], -9, 10, 2),
                 ([7, 7, 7, 16, 16], 7, 17, 5), ([3, -3, 0, 2, -1], -3, 3, 1),
                 ([0, 1, 2, 3, 4, 5, 6], 0, 7, 10), ([-10**15 + k for k in range(6)] + [10**15 - 1], -10**15,
                                                    -10**15 + 4 * 10**9, 10**6)]
        if cid < len(fixed):
            return fixed[cid]
        lo = random.randint(-50, 0)
        hi = lo + random.randint(1, 40)
        return ([random.randint(lo - 5, hi + 5) for _ in range(size * cid)], lo, hi, random.randint(1, 12))
    u = random.random
    lo = random.randint(-10**12, 10**12)
    if cid == 0:
        span = random.randint(10**9, 2 * 10**9)
        low, width = lo - span // 4, span + span // 2
        return ([low + int(u() * width) for _ in range(size)], lo, lo + span, 1000)
    if cid == 1:
        span = random.randint(10**8, 10**9)
        third = span / 3.0
        return ([lo + int((u() + u() + u()) * third) for _ in range(size)], lo, lo + span, 1500)
    span = 1999 - random.randint(0, 500)
    return ([lo + int(u() * span) for _ in range(size)], lo, lo + span, 2000)
