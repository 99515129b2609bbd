import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (an empty matrix, no rows, no columns, one value, one row, one column, values that
    # cancel, the largest values, the examples) and small random matrices; timed levels hold size * size values in
    # three shapes - square, tall (8 * size rows of size / 8) and wide (size / 2 rows of 2 * size) - with values
    # uniform in [-1000, 1000]: the column walk is worst on the square and tall shapes, whose columns span far
    # more cache lines than the cache holds
    if lid == 0:
        fixed = [
            ([], 0, 0),
            ([], 0, 2),
            ([], 3, 0),
            ([2.5], 1, 1),
            ([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 2, 3),
            ([1.5, -2.5], 2, 1),
            ([0.25, -7.0, 3.0, 1e6], 1, 4),
            ([1e6, 1e-6, -1e6, 2e-6, 0.5, -1e-6], 3, 2),
            ([1e6] * 12, 4, 3),
            ([-1e6, 1e6] * 6, 6, 2),
        ]
        if cid < len(fixed):
            return fixed[cid]
        rows, cols = random.randint(1, size), random.randint(1, size)
        return ([random.uniform(-10.0, 10.0) for _ in range(rows * cols)], rows, cols)
    rows, cols = [(size, size), (8 * size, size // 8), (size // 2, 2 * size)][cid % 3]
    return ([random.uniform(-1000.0, 1000.0) for _ in range(rows * cols)], rows, cols)
