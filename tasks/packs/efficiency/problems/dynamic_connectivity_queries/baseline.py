from collections import deque


def dynamic_connectivity_queries(n: int, operations: list[tuple[str, int, int]]) -> list[bool]:
    # keep the links as adjacency lists and answer each query with a breadth-first search from a that stops
    # when it reaches b: O(size of a's component) per query
    neighbours: list[list[int]] = [[] for _ in range(n)]
    answers = []
    for kind, a, b in operations:
        if kind == "union":
            neighbours[a].append(b)
            neighbours[b].append(a)
            continue
        seen = [False] * n
        seen[a] = True
        queue = deque([a])
        found = a == b
        while queue and not found:
            node = queue.popleft()
            for nxt in neighbours[node]:
                if not seen[nxt]:
                    if nxt == b:
                        found = True
                        break
                    seen[nxt] = True
                    queue.append(nxt)
        answers.append(found)
    return answers
