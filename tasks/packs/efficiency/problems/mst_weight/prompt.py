def mst_weight(n: int, edges: list[tuple[int, int, int]]) -> int:
    """Return the total weight of a minimum spanning forest of the undirected graph with nodes 0..n-1
    (n >= 0) and the edges (u, v, w) in `edges` (0 <= u, v < n; w an int, possibly negative or zero).

    The forest holds one minimum spanning tree for each connected component, so a graph that is not
    connected still has an answer; self-loops and repeated edges may occur (a self-loop is never used).
    A graph with no edges, or n == 0, gives 0.

    >>> mst_weight(4, [(0, 1, 4), (1, 2, 1), (0, 2, 2), (2, 2, -5)])
    3
    >>> mst_weight(3, [])
    0
    """
