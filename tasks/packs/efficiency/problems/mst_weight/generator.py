import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return (0, [])
    if lid == 0 and cid == 1:
        # a self-loop, parallel edges, a negative weight and an isolated node
        return (4, [(0, 1, 7), (1, 0, 3), (1, 1, -9), (1, 2, -2), (0, 2, 5)])
    # `size` nodes with about 8 random edges each (sparse); some cases add isolated nodes (a forest)
    n = size
    weights = (-1000, 1000) if cid % 2 else (0, 10**6)
    used = n if cid % 3 != 2 else n * 9 // 10
    edges = []
    for _ in range(8 * n):
        u, v = random.randrange(used), random.randrange(used)
        edges.append((u, v, random.randint(*weights)))
    return (n, edges)
