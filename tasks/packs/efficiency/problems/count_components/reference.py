def count_components(n: int, edges: list[tuple[int, int]]) -> int:
    # union-find with path halving and union by size: near-constant work per edge
    parent = list(range(n))
    size = [1] * n
    components = n
    for u, v in edges:
        while parent[u] != u:
            parent[u] = u = parent[parent[u]]
        while parent[v] != v:
            parent[v] = v = parent[parent[v]]
        if u != v:
            if size[u] < size[v]:
                u, v = v, u
            parent[v] = u
            size[u] += size[v]
            components -= 1
    return components
