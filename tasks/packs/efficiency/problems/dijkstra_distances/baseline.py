def dijkstra_distances(n: int, edges: list[tuple[int, int, int]]) -> list[int]:
    # Dijkstra without a priority queue: every step scans all n nodes for the nearest unvisited one (O(V^2))
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        adj[u].append((v, w))
    inf = float("inf")
    dist = [inf] * n
    dist[0] = 0
    visited = [False] * n
    for _ in range(n):
        best = -1
        for i in range(n):
            if not visited[i] and dist[i] != inf and (best == -1 or dist[i] < dist[best]):
                best = i
        if best == -1:
            break
        visited[best] = True
        for v, w in adj[best]:
            if dist[best] + w < dist[v]:
                dist[v] = dist[best] + w
    return [d if d != inf else -1 for d in dist]
