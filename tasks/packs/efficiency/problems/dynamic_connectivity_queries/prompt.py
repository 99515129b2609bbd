def dynamic_connectivity_queries(n: int, operations: list[tuple[str, int, int]]) -> list[bool]:
    """Process connection operations on the nodes 0..n-1 in order and answer the connectivity queries.

    The nodes start with no links. Each operation is a tuple (kind, a, b) with 0 <= a, b < n:
    ("union", a, b) links a and b (linking nodes already connected, or a node to itself, changes nothing);
    ("query", a, b) asks whether a and b are connected by the links made so far (by the operations before
    it), i.e. joined by a path of links; every node is connected to itself. Return the answers to the
    queries as a list of bools, in the order of the queries ([] when there is no query). n >= 1; there may
    be up to about 10**4 nodes and twice as many operations.

    >>> dynamic_connectivity_queries(5, [("query", 0, 1), ("union", 0, 1), ("union", 1, 2),
    ...                                  ("query", 0, 2), ("query", 3, 4), ("query", 4, 4)])
    [False, True, False, True]
    >>> dynamic_connectivity_queries(3, [("union", 0, 2)])
    []
    """
