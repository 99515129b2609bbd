def dynamic_connectivity_queries(n: int, operations: list[tuple[str, int, int]]) -> list[bool]:
    # union-find: a forest of the components, each tree's root standing for its component. Finds halve the
    # path they walk (every node on it skips to its grandparent), unions hang the smaller tree under the
    # larger: near-constant amortized time per operation (inverse Ackermann).
    parent = list(range(n))
    size = [1] * n
    answers = []
    answer = answers.append
    for kind, a, b in operations:
        while parent[a] != a:
            parent[a] = a = parent[parent[a]]
        while parent[b] != b:
            parent[b] = b = parent[parent[b]]
        if kind == "union":
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
        else:
            answer(a == b)
    return answers
