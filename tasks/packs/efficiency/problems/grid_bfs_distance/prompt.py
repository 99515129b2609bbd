def grid_bfs_distance(grid: list[list[int]]) -> int:
    """Return the fewest steps from the top-left cell (0, 0) to the bottom-right cell of `grid`.

    `grid` is a non-empty rectangle of rows (every row the same non-zero length) of 0 (open) and 1 (wall).
    A step moves to an open cell that shares a side with the current one (up, down, left, right) and stays
    inside the grid. Return -1 when the start or the end is a wall or no path joins them; a 1 x 1 grid
    whose only cell is open gives 0.

    >>> grid_bfs_distance([[0, 0, 0], [1, 1, 0], [0, 0, 0]])
    4
    >>> grid_bfs_distance([[0, 1], [1, 0]])
    -1
    """
