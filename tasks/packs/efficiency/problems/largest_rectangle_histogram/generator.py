import random  # the seeded module: the harness seeds it per level and case


def _plateaus(size, levels, top):
    # runs of equal bars drawn from only `levels` distinct heights: long stretches of bars at least as tall
    out = []
    while len(out) < size:
        out.extend([random.randint(1, levels) * (top // levels)] * random.randint(1, 40))
    return out[:size]


def generate_input(size, lid, cid):
    if lid == 0:
        if cid == 0:
            return ([],)
        if cid == 1:
            return ([random.randint(0, 9)],)
        if cid == 2:
            return ([7] * size,)  # all equal: the whole histogram
        if cid == 3:
            return ([0, 0, 5, 0, 0] + [0] * (size - 5),)  # zeros around one bar
        if cid == 4:
            return (list(range(1, size + 1)),)  # increasing: the best is in the middle
        return ([random.randint(0, 6) for _ in range(size)],)
    top = 10**9
    kind = cid % 3
    if kind == 0:
        # nearly sorted: increasing heights with local noise and two low dips near the thirds; from each bar the
        # bars to its right are taller up to the next dip or the end
        bars = sorted(random.randint(1, top) for _ in range(size))
        for _ in range(size // 20):
            i = random.randrange(size)
            j = min(size - 1, i + random.randint(1, 5))
            bars[i], bars[j] = bars[j], bars[i]
        for third in (size // 3, 2 * size // 3):
            bars[third + random.randint(-size // 12, size // 12)] = random.randint(0, top // 1000)
    elif kind == 1:
        # a valley: decreasing then increasing heights, with a few low bars scattered through it
        half = sorted((random.randint(1, top) for _ in range(size)), reverse=True)
        bars = half[: size // 2] + sorted(half[size // 2:])
        for _ in range(5):
            bars[random.randrange(size)] = random.randint(0, top // 100)
    else:
        bars = _plateaus(size, 8, top)
    return (bars,)
