import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0: the examples, empty grids, rows of length 0, r = 0, a radius past the grid, one row, one column,
    # negative values; timed levels: a size x (6/5 size) grid of values in [-10^6, 10^6] with radius 4, 8 or 12
    if lid == 0:
        fixed = [([[1, 2, 3], [4, 5, 6]], 1), ([[1, 2, 3], [4, 5, 6]], 0), ([], 3), ([[], []], 1),
                 ([[7]], 10**9), ([[random.randint(-9, 9) for _ in range(size)]], 2),
                 ([[random.randint(-9, 9)] for _ in range(size)], 1),
                 ([[random.randint(-9, 9) for _ in range(size + 1)] for _ in range(size)], 2),
                 ([[random.randint(-10**12, 10**12) for _ in range(size)] for _ in range(size - 1)], 100)]
        if cid < len(fixed):
            return fixed[cid]
        return ([[random.randint(-9, 9) for _ in range(size)] for _ in range(size)], cid % 4)
    cols = size * 6 // 5
    grid = [[random.randint(-10**6, 10**6) for _ in range(cols)] for _ in range(size)]
    return (grid, [4, 8, 12][cid % 3])
