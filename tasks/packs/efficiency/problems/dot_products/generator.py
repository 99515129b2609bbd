import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([],)  # no pairs
    if lid == 0 and cid == 1:
        return ([([], []), ([1.5], [-2.0]), ([0.0, 3.0], [7.25, 0.5])],)  # empty and tiny vectors
    # 200 pairs of vectors of length `size`, drawn from a pool of 24 vectors (the pool keeps the input
    # small; the pairs are still 200 separate dot products); entries in [0, 1), normal, or in +-1000
    draw = (lambda: random.random(), lambda: random.gauss(0.0, 1.0), lambda: random.uniform(-1e3, 1e3))[cid % 3]
    pool = [[draw() for _ in range(size)] for _ in range(24)]
    pairs = [(random.choice(pool), random.choice(pool)) for _ in range(200)]
    return (pairs,)
