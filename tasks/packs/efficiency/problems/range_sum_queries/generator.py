import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([random.randint(-9, 9) for _ in range(3)], [])
    if lid == 0 and cid == 1:
        return ([random.randint(-9, 9)], [(0, 0)])
    # `size` ints in [-10^6, 10^6] and `size` queries of random (l, r), so ranges average a third of the list
    a = [random.randint(-10**6, 10**6) for _ in range(size)]
    queries = []
    for _ in range(size):
        lo, hi = random.randrange(size), random.randrange(size)
        queries.append((lo, hi) if lo <= hi else (hi, lo))
    return (a, queries)
