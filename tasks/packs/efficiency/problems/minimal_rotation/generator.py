import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("",)
    if lid == 0 and cid == 1:
        return (random.choice(["a", "ba", "aa", "bab"]),)
    kind = cid % 3
    if kind == 0:
        # random over two letters
        s = "".join(random.choice("ab") for _ in range(size))
    elif kind == 1:
        # a short block repeated, one letter changed: many near-equal rotations with long common prefixes
        block = "".join(random.choice("ab") for _ in range(random.randint(1, 6)))
        chars = list((block * (size // len(block) + 1))[:size])
        chars[random.randrange(size)] = random.choice("abc")
        s = "".join(chars)
    else:
        # mostly "a" with a few "b": the smallest rotation starts at the longest run of a's
        chars = ["a"] * size
        for _ in range(random.randint(1, max(1, size // 100))):
            chars[random.randrange(size)] = "b"
        s = "".join(chars)
    return (s,)
