def dot_products(pairs: list[tuple[list[float], list[float]]]) -> list[float]:
    # an index loop with a running total: two list look-ups, a multiply and an add in Python bytecode,
    # with a new float object for each, per element
    result = []
    for a, b in pairs:
        total = 0.0
        for i in range(len(a)):
            total += a[i] * b[i]
        result.append(total)
    return result
