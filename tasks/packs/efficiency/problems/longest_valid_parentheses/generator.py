import random  # the seeded module: the harness seeds it per level and case


def _balanced(length):
    # a random well-formed string of `length` (even) characters
    chars, opened, left = [], 0, length
    while left:
        if opened and (opened == left or random.random() < 0.5):
            chars.append(")")
            opened -= 1
        else:
            chars.append("(")
            opened += 1
        left -= 1
    return chars


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("",)
    if lid == 0 and cid == 1:
        return (random.choice(["(", ")", "()", ")(", "(()"]),)
    kind = cid % 3
    if kind == 0:
        # a balanced string with a few characters flipped: a handful of long valid stretches
        chars = _balanced(size - size % 2)
        for _ in range(random.randint(1, 4) if chars else 0):
            i = random.randrange(len(chars))
            chars[i] = "(" if chars[i] == ")" else ")"
    elif kind == 1:
        # balanced blocks of random lengths glued by stray brackets
        chars = []
        while len(chars) < size:
            chars.extend(_balanced(2 * random.randint(1, max(1, size // 8))))
            chars.append(random.choice("()"))
        chars = chars[:size]
    else:
        # uniformly random brackets
        chars = [random.choice("()") for _ in range(size)]
    return ("".join(chars),)
