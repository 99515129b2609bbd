import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (empty, one value, all equal, rising, falling, extremes, repeats); timed levels:
    # falling runs of up to size/150 values, each run above the last (every value of a run scans to the next run),
    # plateaus of equal values on a rising staircase (equal values must be skipped), and random values
    if lid == 0:
        fixed = [
            [],
            [9],
            [4, 4, 4, 4],
            [-3, -2, -1, 0, 1],
            [5, 4, 3, 2, 1],
            [10**18, -10**18, 10**18 - 1, -10**18, 10**18],
        ]
        if cid < len(fixed):
            return (fixed[cid],)
        return ([random.randint(-3, 3) for _ in range(size)],)
    n = size
    longest = max(2, n // 150)
    a = []
    if cid == 0:
        level = -10**15
        while len(a) < n:
            run = min(random.randint(1, longest), n - len(a))
            top = level + 2 * run
            a.extend(top - 2 * t - random.randint(0, 1) for t in range(run))
            level = top + random.randint(1, 5)
    elif cid == 1:
        level = 0
        while len(a) < n:
            run = min(random.randint(1, longest), n - len(a))
            a.extend([level] * run)
            level += random.randint(1, 3)
    else:
        a = [random.randint(-10**12, 10**12) for _ in range(n)]
    return (a,)
