import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return (1, [])
    if lid == 0 and cid == 1:
        # a self-loop, a zero weight, parallel edges and an unreachable node
        return (4, [(0, 0, 3), (0, 1, 0), (1, 2, 7), (0, 2, 9), (0, 2, 5), (3, 1, 1)])
    # `size` nodes, about 3 edges per node; a few nodes have no incoming edges, so some are unreachable
    n = size
    edges = []
    for _ in range(3 * n):
        u = random.randrange(n)
        v = random.randrange(n)
        if v % 17 != 5:
            edges.append((u, v, random.randint(0, 1000)))
    return (n, edges)
