import random  # the seeded module: the harness seeds it per level and case


def _word(length, letters):
    return "".join(random.choice(letters) for _ in range(length))


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("", _word(random.randint(0, 3), "ab"))
    if lid == 0 and cid == 1:
        return (_word(random.randint(1, 3), "ab"), "")
    letters = "abcdefghijklmnopqrstuvwxyz"[: random.choice([4, 26])]
    a = _word(size, letters)
    if cid % 2 == 0:
        # b: a copy of a with about a fifth of it edited (a small distance among many matches)
        b = []
        for ch in a:
            r = random.random()
            if r < 0.07:
                continue
            b.append(random.choice(letters) if r < 0.14 else ch)
            if r > 0.94:
                b.append(random.choice(letters))
        b = "".join(b)
    else:
        b = _word(size - random.randrange(size // 3 + 1), letters)
    return (a, b)
