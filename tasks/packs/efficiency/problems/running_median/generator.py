import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([],)
    if lid == 0 and cid == 1:
        return ([random.randint(-9, 9)],)
    if lid == 0 and cid == 2:
        return ([10**9, -10**9, 10**9 - 1, 10**9],)  # the bounds: means of large odd sums
    # ints over the whole range [-10^9, 10^9], or (every other case) a small range with many duplicates
    bound = 10**9 if cid % 2 else size
    return ([random.randint(-bound, bound) for _ in range(size)],)
