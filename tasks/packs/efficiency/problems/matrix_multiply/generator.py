import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([[random.randint(-9, 9)]], [[random.randint(-9, 9)]])  # 1 x 1
    if lid == 0 and cid == 1:
        k = random.randint(1, 5)  # a column times a row: the outer product
        return ([[random.randint(-9, 9)] for _ in range(k)], [[random.randint(-9, 9) for _ in range(k)]])
    # about size x size times size x size, the shapes a little off square; digit entries (0..9), and in
    # every third case entries in -1000..1000
    m, k, r = (max(1, size + random.randint(-size // 4, size // 4)) for _ in range(3))
    low, high = (-1000, 1000) if cid % 3 == 2 else (0, 9)
    a = [[random.randint(low, high) for _ in range(k)] for _ in range(m)]
    b = [[random.randint(low, high) for _ in range(r)] for _ in range(k)]
    return (a, b)
