import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # `size` intervals over a line about 3 x size long: many merges, many gaps
    span = 3 * size + 10
    intervals = []
    for _ in range(size):
        start = random.randrange(span)
        intervals.append((start, start + random.randrange(1, 6)))
    return (intervals,)
