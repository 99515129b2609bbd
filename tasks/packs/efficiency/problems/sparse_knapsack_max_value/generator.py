import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([], random.randint(0, 100))
    if lid == 0 and cid == 1:
        w = random.randint(1, 50)
        return ([(w, random.randint(1, 9)), (w + 1, random.randint(1, 9))], w - 1)
    # `size` items of weight 10**6 to 5 * 10**7; values unrelated to the weights, or roughly proportional
    # to them plus noise (more Pareto-optimal subsets); the capacity a quarter to a half of the total weight
    noise = (None, 10**5, 3 * 10**4)[cid % 3]
    items = []
    for _ in range(size):
        w = random.randint(10**6, 5 * 10**7)
        v = random.randint(1, 10**6) if noise is None else w // 50 + random.randint(0, noise)
        items.append((w, v))
    total = sum(w for w, _ in items)
    return (items, random.randint(total // 4, total // 2))
