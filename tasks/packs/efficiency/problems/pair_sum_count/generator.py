import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([], 0)
    if lid == 0 and cid == 1:
        return ([random.randint(-3, 3)], 2 * random.randint(-3, 3))  # one element, never paired with itself
    if lid == 0 and cid == 2:
        return ([4] * size, 8)  # all equal: every pair counts
    # ints in a range about the list's size (many duplicates and many matching pairs); t near zero
    values = [random.randint(-size, size) for _ in range(size)]
    return (values, random.randint(-size // 4, size // 4))
