import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([],)
    if lid == 0 and cid == 1:
        return ([random.randint(-3, 3)],)
    if lid == 0 and cid == 2:
        return ([2] * size,)  # all equal: none inverted
    if lid == 0 and cid == 3:
        return (list(range(size, 0, -1)),)  # descending: every pair inverted
    # ints in a range about the list's size (some duplicates); every third case is nearly sorted
    values = [random.randint(-size, size) for _ in range(size)]
    if cid % 3 == 2:
        values.sort()
        for _ in range(size // 20 + 1):
            i, j = random.randrange(size), random.randrange(size)
            values[i], values[j] = values[j], values[i]
    return (values,)
