import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([], 1)
    if lid == 0 and cid == 1:
        return ([random.randint(-5, 5) for _ in range(3)], 5)  # fewer than k throughout
    if lid == 0 and cid == 2:
        return ([3] * size, 2)  # all equal
    # ints in a range about the size of the list (many duplicates), k from 1 to about half the list
    k = random.randint(1, max(1, size // 2))
    return ([random.randint(-size, size) for _ in range(size)], k)
