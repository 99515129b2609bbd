import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    # random values (level 0: 0 to 5 values, the empty array first); case 2 of every level is sorted descending, the
    # most inversions there are
    values = [random.randint(-10**9, 10**9) for _ in range(size if lid else cid)]
    if cid == 2:
        values.sort(reverse=True)
    return (values,)
