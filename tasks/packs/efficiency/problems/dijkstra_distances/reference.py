from heapq import heappop, heappush


def dijkstra_distances(n: int, edges: list[tuple[int, int, int]]) -> list[int]:
    # Dijkstra with a binary heap and lazy deletion: O(E log V), each node settled once
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for u, v, w in edges:
        adj[u].append((v, w))
    dist = [-1] * n
    heap = [(0, 0)]
    while heap:
        d, u = heappop(heap)
        if dist[u] != -1:
            continue
        dist[u] = d
        for v, w in adj[u]:
            if dist[v] == -1:
                heappush(heap, (d + w, v))
    return dist
