import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0:
        if cid == 0:
            return ([],)
        if cid == 1:
            start = random.randint(-5, 5)
            return ([(start, start + random.randint(1, 4))],)
        if cid == 2:
            return ([(2, 5)] * size,)  # all the same meeting: only one fits
        if cid == 3:
            return ([(i, i + 1) for i in range(size, 0, -1)],)  # back to back: all fit
        if cid == 4:
            return ([(-i, i) for i in range(1, size + 1)],)  # nested around 0: only one fits
        return ([(s, s + random.randint(1, 3)) for s in (random.randint(-4, 8) for _ in range(size))],)
    kind = cid % 3
    meetings = []
    if kind == 0:
        # short meetings packed along a line: many clashes, a long chain of compatible ones
        span = 2 * size
        for _ in range(size):
            start = random.randrange(-size, span)
            meetings.append((start, start + random.randint(1, 12)))
    elif kind == 1:
        # lengths spread over three orders of magnitude, so long meetings cover many short ones
        span = 10**6
        for _ in range(size):
            start = random.randrange(span)
            meetings.append((start, start + int(10 ** random.uniform(1, 4))))
    else:
        # many back-to-back meetings (ends equal to starts) on a coarse grid, with duplicates
        for _ in range(size):
            start = random.randrange(size // 2) * 10
            meetings.append((start, start + 10 * random.randint(1, 3)))
    return (meetings,)
