def count_components(n: int, edges: list[tuple[int, int]]) -> int:
    # every node carries a component id; joining two components rewrites the ids by scanning all n nodes,
    # so each of up to n - 1 merges costs O(n)
    label = list(range(n))
    for u, v in edges:
        old, new = label[v], label[u]
        if old != new:
            for i in range(n):
                if label[i] == old:
                    label[i] = new
    return len(set(label))
