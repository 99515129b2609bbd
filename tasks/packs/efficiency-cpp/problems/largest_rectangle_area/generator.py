import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (empty, one bar, zeros, all equal, rising, falling, a valley, a peak, the largest
    # heights, the examples); timed levels hold the naive expansion's worst cases, with runs of up to size/20000
    # bars: rising runs (every bar spreads right to the end of its run), plateaus of equal bars (every bar spreads
    # over its whole plateau), and falling runs with noise (every bar spreads left)
    if lid == 0:
        big = 10**12
        fixed = [
            [],
            [0],
            [7],
            [0, 0, 0, 0],
            [3, 3, 3],
            [2, 1, 5, 6, 2, 3],
            [2, 4],
            [1, 2, 3, 4, 5, 6, 7, 8],
            [8, 7, 6, 5, 4, 3, 2, 1],
            [5, 4, 1, 0, 1, 4, 5],
            [1, 3, 6, 9, 6, 3, 1],
            [big, big, big - 1, 0, big],
            [0, big, 0],
        ]
        if cid < len(fixed):
            return (fixed[cid],)
        return ([random.randint(0, 4) for _ in range(size)],)
    n = size
    longest = max(2, n // 20000)
    heights = []
    if cid == 0:
        while len(heights) < n:
            run = min(random.randint(1, longest), n - len(heights))
            h = random.randint(0, 10**9)
            for _ in range(run):
                heights.append(h)
                h += random.randint(1, 1000)
    elif cid == 1:
        while len(heights) < n:
            run = min(random.randint(1, longest), n - len(heights))
            heights.extend([random.randint(0, 10**12)] * run)
    else:
        while len(heights) < n:
            run = min(random.randint(1, longest), n - len(heights))
            h = random.randint(10**9, 2 * 10**9)
            for _ in range(run):
                heights.append(h + random.randint(0, 3))
                h -= random.randint(4, 1000)
    return (heights,)
