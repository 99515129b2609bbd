import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("", random.choice("ab"))
    if lid == 0 and cid == 1:
        return (random.choice(["a", "ab", "b"]), random.choice(["a", "aa", "ab", "bab"]))
    kind = cid % 3
    if kind == 0:
        # uniform random text, short pattern: a hit every few dozen positions
        text = "".join(random.choice("ab") for _ in range(size))
        pattern = "".join(random.choice("ab") for _ in range(random.randint(4, 6)))
    elif kind == 1:
        # mostly "a", a "b" every 30 letters or so: a hit around most of the b's
        chars = ["a"] * size
        for _ in range(max(1, size // 30)):
            chars[random.randrange(size)] = "b"
        text = "".join(chars)
        pattern = "a" * random.randint(1, 6) + "b" + "a" * random.randint(1, 6)
    else:
        # copies of the pattern among random letters: a long pattern with many hits
        m = random.randint(20, 60) if size > 100 else random.randint(2, 4)
        pattern = "".join(random.choice("ab") for _ in range(m))
        pieces, length = [], 0
        while length < size:
            piece = pattern if random.random() < 0.5 else random.choice("ab") * random.randint(1, 2 * m)
            pieces.append(piece)
            length += len(piece)
        text = "".join(pieces)[:size]
    return (text, pattern)
