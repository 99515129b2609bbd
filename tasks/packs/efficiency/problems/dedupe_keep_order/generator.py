import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([],)
    if lid == 0 and cid == 1:
        return ([random.randint(-9, 9)],)
    if lid == 0 and cid == 2:
        return ([7] * size,)  # all equal
    # ints from a pool about half the list's size (about 40% of the values distinct), or every third case
    # a pool twice its size (mostly distinct)
    pool = 2 * size if cid % 3 == 2 else size // 2
    return ([random.randint(-pool, pool) for _ in range(size)],)
