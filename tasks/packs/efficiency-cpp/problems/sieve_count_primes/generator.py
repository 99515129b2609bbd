import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0: the example, no bounds, the bounds 0..3 and negatives, primes and their neighbours, repeated bounds,
    # random small bounds. Timed levels (size = the largest bound, size / 4 bounds): uniform bounds; bounds in
    # ascending order with repeats; bounds clustered near the top with some at or below 2
    if lid == 0:
        fixed = [[10, 2, 3, 100, -5, 11], [], [0, 1, 2, 3, -1, -(10**18)], [7, 8, 13, 12, 14, 97, 98, 96, 64, 65, 129],
                 [size, size, 1, size]]
        if cid < len(fixed):
            return (fixed[cid],)
        return ([random.randint(-3, size * 40) for _ in range(10 * cid)],)
    u = random.random
    count = size // 4
    if cid == 0:
        ns = [int(u() * (size + 1)) for _ in range(count - 1)] + [size]
    elif cid == 1:
        ns = sorted(int(u() * (size + 1)) // 16 * 16 for _ in range(count - 1)) + [size]
    else:
        ns = [size - int(u() * 1000) if k % 10 else int(u() * 5) - 2 for k in range(count - 1)] + [size]
        random.shuffle(ns)
    return (ns,)
