import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0:
        # edge cases: nothing to pay with nothing, one coin, t == 0 with coins, then a few tiny mixes
        if cid == 0:
            return ([], 0)
        if cid == 1:
            return ([random.randint(1, 4)], random.randint(0, 7))
        coins = random.sample(range(1, size + 1), random.randint(2, 4))
        return (coins, 0 if cid == 2 else size + random.randint(0, 5))
    # about 20 distinct denominations, mostly small ones, sometimes one larger than t; t = size
    top = max(2, size // 8)
    coins = random.sample(range(1, top + 1), min(top, 20))
    if cid % 3 == 2:
        coins.append(size + random.randint(1, 10))
    random.shuffle(coins)
    return (coins, size)
