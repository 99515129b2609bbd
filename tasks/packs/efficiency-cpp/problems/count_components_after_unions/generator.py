import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (no elements, no pairs, one element, self-pairs, repeated pairs, pairs inside one
    # group, a chain, the example) and small random sequences; timed levels have n = size elements and 16 * n pairs
    # in three shapes - random pairs (one group after about 5 n of them), the n - 1 links of a random path in random
    # order among repeats of earlier links and self-pairs, and groups merged in rounds of doubling size (deep trees
    # without union by size) among random pairs
    if lid == 0:
        fixed = [
            (0, []),
            (4, []),
            (1, [(0, 0)]),
            (5, [(0, 1), (1, 2), (0, 2), (3, 4), (2, 3)]),
            (3, [(1, 1)]),
            (3, [(2, 0), (0, 2), (2, 0), (1, 1), (1, 0), (0, 1)]),
            (6, [(i, i + 1) for i in range(5)]),
            (6, [(5 - i, 4 - i) for i in range(5)] + [(0, 5)]),
            (7, [(0, 6), (1, 5), (2, 4), (3, 3), (6, 5), (4, 3), (5, 4), (0, 3)]),
        ]
        if cid < len(fixed):
            return fixed[cid]
        n = random.randint(1, size)
        return (n, [(random.randrange(n), random.randrange(n)) for _ in range(random.randint(0, 2 * size))])
    n = size
    q = 16 * n
    if cid == 0:
        return (n, [(random.randrange(n), random.randrange(n)) for _ in range(q)])
    # the joining pairs (n - 1 of them) sit at random places among the q pairs
    order = list(range(n))
    random.shuffle(order)
    if cid == 1:
        joins = [(order[k], order[k + 1]) for k in range(n - 1)]
        random.shuffle(joins)
    else:
        joins, step = [], 1
        while step < n:
            joins.extend((order[k], order[k + step]) for k in range(0, n - step, 2 * step))
            step *= 2
    slots = set(random.sample(range(q), len(joins)))
    pairs, used = [], 0
    for k in range(q):
        if k in slots:
            pairs.append(joins[used])
            used += 1
        elif cid == 1:
            if used and random.random() < 0.5:
                a, b = joins[random.randrange(used)]
                pairs.append((b, a))
            else:
                v = random.randrange(n)
                pairs.append((v, v))
        else:
            pairs.append((random.randrange(n), random.randrange(n)))
    return (n, pairs)
