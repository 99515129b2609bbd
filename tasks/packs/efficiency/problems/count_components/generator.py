import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return (0, [])
    if lid == 0 and cid == 1:
        return (3, [(1, 1), (0, 2), (2, 0)])  # a self-loop and a repeated edge
    # `size` nodes and about 0.6 size random edges: many merges, a few hundred components left over in the
    # random graphs; the last case is a few long chains given in shuffled order
    n = size
    if cid % 3 == 2:
        order = list(range(n))
        random.shuffle(order)
        edges = [(order[i], order[i + 1]) for i in range(n - 1) if i % (n // 4 + 1) != 0]
        random.shuffle(edges)
    else:
        edges = [(random.randrange(n), random.randrange(n)) for _ in range(int(0.6 * n))]
    return (n, edges)
