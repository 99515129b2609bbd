import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([random.randint(-9, 9)],)
    if lid == 0 and cid == 1:
        return ([random.randint(-50, -1) for _ in range(size)],)
    # ints in [-1000, 1000], sometimes tilted negative so the best run is short and the sum often restarts
    low = -1300 if cid % 2 else -1000
    return ([random.randint(low, 1000) for _ in range(size)],)
