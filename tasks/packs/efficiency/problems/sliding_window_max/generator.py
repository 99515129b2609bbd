import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([], 1)
    if lid == 0 and cid == 1:
        return ([random.randint(-9, 9) for _ in range(4)], 6)  # no window at all
    if lid == 0 and cid == 2:
        return ([random.randint(-9, 9) for _ in range(size)], 1)  # every element its own window
    if lid == 0 and cid == 3:
        return ([random.randint(-9, 9) for _ in range(size)], size)  # one window, the whole list
    # ints in [-10^6, 10^6]; windows from a tenth to a third of the list; every other case trends downward,
    # which keeps the deque long
    k = random.randint(max(1, size // 10), max(1, size // 3))
    if cid % 2:
        return ([random.randint(-10**6, 10**6) for _ in range(size)], k)
    return ([-i * 20 + random.randint(0, 1000) for i in range(size)], k)
