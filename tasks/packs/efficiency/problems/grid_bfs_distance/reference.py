from collections import deque

FLIP = bytes([1, 0]) + bytes(254)  # wall 1 -> 0, open 0 -> 1


def grid_bfs_distance(grid: list[list[int]]) -> int:
    # breadth-first search with a deque (O(1) pops) over flat indices of a grid padded with a wall border,
    # so a neighbour is one addition and no bounds checks are needed; distances counted level by level
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == 1 or grid[rows - 1][cols - 1] == 1:
        return -1
    width = cols + 1
    free = bytearray(width * (rows + 2))  # 1 = open; row -1, row `rows` and the column after each row are walls
    for r, row in enumerate(grid):
        base = (r + 1) * width
        free[base:base + cols] = bytes(row).translate(FLIP)
    start, goal = width, rows * width + cols - 1
    if start == goal:
        return 0
    free[start] = 0
    queue = deque((start,))
    popleft, append = queue.popleft, queue.append
    steps = 0
    while queue:
        steps += 1
        for _ in range(len(queue)):  # exactly the cells at distance steps - 1
            u = popleft()
            for v in (u + 1, u + width, u - 1, u - width):
                if free[v]:
                    if v == goal:
                        return steps
                    free[v] = 0
                    append(v)
    return -1
