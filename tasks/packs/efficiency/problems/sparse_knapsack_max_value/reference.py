def sparse_knapsack_max_value(items: list[tuple[int, int]], capacity: int) -> int:
    # keep only the Pareto-optimal (weight, value) pairs: sorted by weight, each pair worth strictly more
    # than every lighter one; a dominated subset can never lead to the best answer, so it is dropped
    front = [(0, 0)]
    for weight, value in items:
        if weight > capacity:
            continue
        limit = capacity - weight
        shifted = [(w + weight, v + value) for w, v in front if w <= limit]
        merged = sorted(front + shifted)  # two sorted runs: Timsort merges them in linear time
        front = []
        append = front.append
        best = -1
        for pair in merged:
            if pair[1] > best:
                if front and front[-1][0] == pair[0]:
                    front[-1] = pair
                else:
                    append(pair)
                best = pair[1]
    return front[-1][1]
