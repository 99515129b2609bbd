import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([[0]],)
    if lid == 0 and cid == 1:
        return ([[0, 1, 0]],)  # one row, blocked
    if lid == 0 and cid == 2:
        return ([[0], [0], [0], [0]],)  # one column, open
    if lid == 0 and cid == 3:
        return ([[1, 0], [0, 0]],)  # the start is a wall
    # a size x size grid with random walls (below the density that cuts it into pieces), the start and the
    # end open; in the last case the end is walled in, so the whole reachable grid is searched for nothing
    n = size
    density = (0.1, 0.25, 0.2)[cid % 3]
    grid = [[1 if random.random() < density else 0 for _ in range(n)] for _ in range(n)]
    grid[0][0] = grid[0][1] = grid[1][0] = 0
    grid[n - 1][n - 1] = 0
    if cid % 3 == 2:
        grid[n - 2][n - 1] = grid[n - 1][n - 2] = 1
    return (grid,)
