def dijkstra_distances(n: int, edges: list[tuple[int, int, int]]) -> list[int]:
    """Return the shortest distances from node 0 in a directed graph with nodes 0..n-1 (n >= 1).

    Each edge (u, v, w) goes from u to v with an integer weight w >= 0; there may be parallel edges and
    self-loops. The result is a list of n ints: element i is the smallest total weight of a path from 0 to
    i (0 for node 0 itself), or -1 when no path from 0 reaches i.

    >>> dijkstra_distances(4, [(0, 1, 5), (0, 2, 1), (2, 1, 2), (3, 0, 1)])
    [0, 3, 1, -1]
    >>> dijkstra_distances(1, [])
    [0]
    """
