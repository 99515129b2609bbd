def mst_weight(n: int, edges: list[tuple[int, int, int]]) -> int:
    # Kruskal: one sort of the sparse edge list by weight, then union-find (path halving, union by size)
    # keeps the edges that join two trees: O(E log E), independent of V^2
    parent = list(range(n))
    size = [1] * n
    total = 0
    for u, v, w in sorted(edges, key=lambda e: e[2]):
        while parent[u] != u:
            parent[u] = u = parent[parent[u]]
        while parent[v] != v:
            parent[v] = v = parent[parent[v]]
        if u != v:
            if size[u] < size[v]:
                u, v = v, u
            parent[v] = u
            size[u] += size[v]
            total += w
    return total
