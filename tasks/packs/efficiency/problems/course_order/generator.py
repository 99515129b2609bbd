import random  # the seeded module: the harness seeds it per level and case


def _dag(n, edges_per_node):
    # random pairs that all go forwards in a hidden random order of the courses, so no cycle
    hidden = list(range(n))
    random.shuffle(hidden)
    pairs = []
    for _ in range(edges_per_node * n):
        i = random.randrange(n)
        j = random.randrange(n)
        if i != j:
            pairs.append((hidden[min(i, j)], hidden[max(i, j)]))
    return hidden, pairs


def generate_input(size, lid, cid):
    if lid == 0:
        if cid == 0:
            return (0, [])
        if cid == 1:
            return (1, [])
        if cid == 2:
            return (3, [(0, 1), (2, 2)])  # a course that must come before itself
        if cid == 3:
            return (size, [(i + 1, i) for i in range(size - 1)])  # a chain from the last course down to 0
        if cid == 4:
            # repeated pairs and courses with no pairs at all
            return (size, [(3, 1), (3, 1), (5, 1), (2, 0), (3, 1)])
        _, pairs = _dag(size, 2)
        a, b = random.sample(range(size), 2)
        return (size, pairs + [(a, b), (b, a)])  # a two-course cycle somewhere
    kind = cid % 3
    if kind == 0:
        _, pairs = _dag(size, 3)
    elif kind == 1:
        # layers of courses, each course needing a few of the layer before: long, bushy dependency chains
        hidden = list(range(size))
        random.shuffle(hidden)
        width = max(1, size // 50)
        pairs = []
        for i in range(width, size):
            layer_start = (i // width - 1) * width
            for _ in range(2):
                pairs.append((hidden[random.randrange(layer_start, layer_start + width)], hidden[i]))
    else:
        # a random DAG and one pair that closes a cycle between the last two courses of its hidden order:
        # everything else can be taken before the cycle shows
        hidden, pairs = _dag(size, 3)
        pairs += [(hidden[-2], hidden[-1]), (hidden[-1], hidden[-2])]
        random.shuffle(pairs)
    return (size, pairs)
