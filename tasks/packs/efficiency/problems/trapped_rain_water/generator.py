import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0:
        if cid == 0:
            return ([],)
        if cid == 1:
            return (random.choice([[5], [3, 1], [0, 0]]),)  # fewer than three bars
        if cid == 2:
            return ([4] * size,)  # all equal: nothing held
        if cid == 3:
            return (list(range(size, 0, -1)),)  # only falls: nothing held
        if cid == 4:
            return ([size] + [0] * (size - 2) + [size - 1],)  # one wide basin, the right wall lower
        return ([random.randint(0, 5) for _ in range(size)],)
    top = 10**9
    kind = cid % 3
    if kind == 0:
        # random heights: many small pools
        bars = [random.randint(0, top) for _ in range(size)]
    elif kind == 1:
        # a mountain range: a random walk, so pools are wide and deep
        bars, h = [], top // 2
        for _ in range(size):
            h = min(top, max(0, h + random.randint(-top // 50, top // 50)))
            bars.append(h)
    else:
        # two tall walls near the ends around a rough floor, with a peak somewhere inside
        bars = [random.randint(0, top // 10) for _ in range(size)]
        bars[random.randrange(size // 10 + 1)] = top
        bars[size - 1 - random.randrange(size // 10 + 1)] = top - random.randint(0, top // 10)
        bars[random.randrange(size)] = random.randint(0, top)
    return (bars,)
