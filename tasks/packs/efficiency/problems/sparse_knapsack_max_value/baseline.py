def sparse_knapsack_max_value(items: list[tuple[int, int]], capacity: int) -> int:
    # a dict from every reachable total weight to the best value there, with no pruning of dominated
    # weights: up to 2^n entries
    best = {0: 0}
    for weight, value in items:
        for w, v in list(best.items()):
            total = w + weight
            if total <= capacity and best.get(total, -1) < v + value:
                best[total] = v + value
    return max(best.values())
