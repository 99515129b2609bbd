def mst_weight(n: int, edges: list[tuple[int, int, int]]) -> int:
    # Prim on a dense n x n weight matrix built from the sparse edges: O(V^2) memory and time, with an O(V)
    # scan for the nearest node outside the tree at every step
    inf = float("inf")
    weight = [[inf] * n for _ in range(n)]
    for u, v, w in edges:
        if u != v and w < weight[u][v]:
            weight[u][v] = weight[v][u] = w
    key = [inf] * n
    in_tree = [False] * n
    total = 0
    for _ in range(n):
        u = -1
        for i in range(n):
            if not in_tree[i] and (u == -1 or key[i] < key[u]):
                u = i
        in_tree[u] = True
        if key[u] != inf:  # else u starts the tree of a new component
            total += key[u]
        row = weight[u]
        for v in range(n):
            if not in_tree[v] and row[v] < key[v]:
                key[v] = row[v]
    return total
