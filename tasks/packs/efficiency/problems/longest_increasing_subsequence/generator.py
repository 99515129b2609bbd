import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([],)
    if lid == 0 and cid == 1:
        return ([random.randint(-5, 5)],)
    # ints over a range about as wide as the list (many repeats), sometimes a noisy rising trend
    span = max(2, size)
    if cid % 3 == 2:
        nums = [i // 2 + random.randrange(span // 4 + 1) for i in range(size)]
    else:
        nums = [random.randrange(-span, span) for _ in range(size)]
    return (nums,)
