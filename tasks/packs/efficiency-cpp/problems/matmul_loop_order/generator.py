import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0: the empty product, 1 x 1, the worked example, small integer-valued and random matrices; timed levels
    # draw uniform entries in [-1, 1], the last case small integers (stored as doubles) in [-9, 9]
    if lid == 0:
        fixed = [([], []), ([[2.5]], [[-4.0]]), ([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]])]
        if cid < len(fixed):
            return fixed[cid]
        n = size + cid
    else:
        n = size
    if cid == 2 or (lid == 0 and cid == 3):
        a = [[float(random.randint(-9, 9)) for _ in range(n)] for _ in range(n)]
        b = [[float(random.randint(-9, 9)) for _ in range(n)] for _ in range(n)]
    else:
        a = [[random.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)]
        b = [[random.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)]
    return (a, b)
