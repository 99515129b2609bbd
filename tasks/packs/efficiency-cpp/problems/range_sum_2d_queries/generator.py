import random  # the seeded module: the harness seeds it per level and case


def _box(rows, cols, height, width):
    r1 = random.randint(0, rows - height)
    c1 = random.randint(0, cols - width)
    return (r1, c1, r1 + height - 1, c1 + width - 1)


def generate_input(size, lid, cid):
    # level 0: the example, no queries (with and without a grid), a 1 x 1 grid, whole-grid / single-cell / full-row /
    # full-column queries with negative values, random small cases. Timed levels: a size x size grid of values in
    # [-10^9, 10^9] and size * 130 queries: rectangles with sides up to 60, up to 150, or long thin strips
    if lid == 0:
        fixed = [([[1, 2, 3], [4, 5, 6]], [(0, 0, 1, 2), (1, 1, 1, 2), (0, 2, 0, 2)]), ([], []), ([[4, 5]], []),
                 ([[-7]], [(0, 0, 0, 0), (0, 0, 0, 0)])]
        if cid < len(fixed):
            return fixed[cid]
        rows, cols = size + cid, size + 7 - cid
        grid = [[random.randint(-10**9, 10**9) for _ in range(cols)] for _ in range(rows)]
        queries = [(0, 0, rows - 1, cols - 1), (rows - 1, cols - 1, rows - 1, cols - 1), (1, 0, 1, cols - 1),
                   (0, 2, rows - 1, 2)]
        queries += [_box(rows, cols, random.randint(1, rows), random.randint(1, cols)) for _ in range(20)]
        return (grid, queries)
    u = random.random
    grid = [[random.randint(-10**9, 10**9) for _ in range(size)] for _ in range(size)]
    count = size * 130
    if cid < 2:
        side = 60 if cid == 0 else 150
        queries = [_box(size, size, 1 + int(u() * side), 1 + int(u() * side)) for _ in range(count)]
    else:
        queries = [_box(size, size, 1 + int(u() * 3), 1 + int(u() * size)) if k % 2 else
                   _box(size, size, 1 + int(u() * size), 1 + int(u() * 3)) for k in range(count)]
    return (grid, queries)
