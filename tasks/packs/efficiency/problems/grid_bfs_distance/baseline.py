def grid_bfs_distance(grid: list[list[int]]) -> int:
    # breadth-first search with a plain list as the queue: list.pop(0) shifts every element left (O(queue)),
    # and every cell is a (row, col, dist) tuple, hashed into a visited set and bounds-checked per neighbour
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == 1 or grid[rows - 1][cols - 1] == 1:
        return -1
    visited = {(0, 0)}
    queue = [(0, 0, 0)]
    while queue:
        r, c, d = queue.pop(0)
        if r == rows - 1 and c == cols - 1:
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == 0 and (nr, nc) not in visited:
                visited.add((nr, nc))
                queue.append((nr, nc, d + 1))
    return -1
