import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0:
        if cid == 0:
            return ("",)
        if cid == 1:
            return (random.choice("xY"),)
        if cid == 2:
            return ("a" * size,)  # period 1
        if cid == 3:
            return ("a" * (size - 1) + "b",)  # no shorter period: the worst case of the shifted comparison
        if cid == 4:
            return (("aab" * size)[:size],)  # a period that does not divide the length
        return ("".join(random.choice("ab") for _ in range(size)),)
    kind = cid % 3
    if kind == 0:
        # mostly "a" with a "b" about every 200 characters: the period is about the whole string, and the
        # shift by almost every p matches for about a hundred characters before it fails
        chars = ["a"] * size
        for _ in range(size // 200):
            chars[random.randrange(size)] = "b"
    elif kind == 1:
        # an exact period q of about size / 17 (a block of "a"s ending in a "b"), cut off anywhere: the shift by
        # p < q fails only at the block's "b", q - p characters in
        q = random.randint(size // 20, size // 15)
        block = "a" * (q - 1) + "b"
        chars = list((block * (size // q + 1))[:size])
    else:
        # a random block of length about size / 200 repeated, with one character changed near the end: the
        # shifts by the multiples of the block match up to that character before failing
        q = random.randint(size // 250, size // 150)
        block = [random.choice("abc") for _ in range(q)]
        chars = (block * (size // q + 1))[:size]
        i = size - 1 - random.randrange(q)
        chars[i] = "d"
    return ("".join(chars),)
