import random  # the seeded module: the harness seeds it per level and case


def _query(n):
    return ("query", random.randrange(n), random.randrange(n))


def generate_input(size, lid, cid):
    if lid == 0:
        if cid == 0:
            return (1, [("query", 0, 0)])
        if cid == 1:
            return (3, [])  # no operation at all
        if cid == 2:
            return (4, [("union", 1, 2), ("union", 2, 1), ("union", 3, 3)])  # no query
        if cid == 3:
            # self-links, repeated links, and queries before and after the links that decide them
            return (4, [("query", 0, 3), ("union", 0, 0), ("union", 0, 1), ("union", 1, 0), ("query", 1, 0),
                        ("query", 0, 3), ("union", 3, 2), ("union", 2, 1), ("query", 3, 0), ("query", 2, 2)])
        n = size
        return (n, [random.choice([("union",), ("query",)]) + (random.randrange(n), random.randrange(n))
                    for _ in range(2 * size)])
    # `size` operations on size // 2 nodes
    n = max(2, size // 2)
    kind = cid % 3
    operations = []
    if kind == 0:
        # random links and queries, one of each in turn: a giant component forms halfway through
        for _ in range(size // 2):
            operations.append(("union", random.randrange(n), random.randrange(n)))
            operations.append(_query(n))
    elif kind == 1:
        # the links of one long path through the nodes in a hidden order, made in random order, with queries
        # between random nodes along the way: long paths to walk
        hidden = list(range(n))
        random.shuffle(hidden)
        links = [("union", hidden[i], hidden[i + 1]) for i in range(n - 1)]
        random.shuffle(links)
        for link in links:
            operations.append(link)
            if random.random() < 0.9:
                operations.append(_query(n))
    else:
        # eight groups linked up early, each into one big component; most queries then ask across groups (a
        # search must walk a whole group to say no), some within a group
        hidden = list(range(n))
        random.shuffle(hidden)
        groups = [hidden[k::8] for k in range(8)]
        for group in groups:
            for i in range(1, len(group)):
                operations.append(("union", group[i], group[random.randrange(i)]))
        random.shuffle(operations)
        while len(operations) < size:
            first, second = random.sample(groups, 2) if random.random() < 0.8 else [random.choice(groups)] * 2
            operations.append(("query", random.choice(first), random.choice(second)))
    return (n, operations[:size])
