def count_components(n: int, edges: list[tuple[int, int]]) -> int:
    """Return the number of connected components of the undirected graph with nodes 0..n-1 (n >= 0) and
    the edges (u, v) in `edges` (0 <= u, v < n; self-loops and repeated edges may occur). A node with no
    edges is a component by itself; n == 0 gives 0.

    >>> count_components(5, [(0, 1), (1, 2), (3, 3)])
    3
    >>> count_components(0, [])
    0
    """
