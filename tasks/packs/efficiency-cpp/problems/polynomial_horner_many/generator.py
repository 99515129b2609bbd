import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0: the example, the zero polynomial, no points, a constant, x = 0, large |x| with a short polynomial, and
    # random cases; timed levels: degree 40, 80 or 120 with coefficients in [-1, 1] at points in [-1.1, 1.1]
    if lid == 0:
        fixed = [([1.0, -2.0, 3.0], [0.0, 1.0, -2.0, 0.5]), ([], [1.5, -2.0, 0.0]), ([2.0, 1.0], []),
                 ([-7.25], [0.0, 3.0, -1e6]), ([0.0, 0.0, 0.0, 5.0], [0.0, -0.0, 2.0, -3.0]),
                 ([1.0, -1.0, 1.0, -1.0], [1e5, -1e5, 12345.678])]
        if cid < len(fixed):
            return fixed[cid]
        return ([random.uniform(-10.0, 10.0) for _ in range(size + cid)],
                [random.uniform(-2.0, 2.0) for _ in range(size * 3 + cid)])
    degree = [40, 80, 120][cid % 3]
    return ([random.uniform(-1.0, 1.0) for _ in range(degree + 1)],
            [random.uniform(-1.1, 1.1) for _ in range(size)])
