import random  # the seeded module: the harness seeds it per level and case

BASE = 0x4E00  # CJK ideographs: over 20000 consecutive code points, all printable


def _alphabet(count):
    # `count` distinct characters: letters and digits first, then CJK ideographs
    small = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return list(small[:count]) + [chr(BASE + k) for k in range(max(0, count - len(small)))]


def generate_input(size, lid, cid):
    if lid == 0:
        if cid == 0:
            return ("",)
        if cid == 1:
            return (random.choice("aZ7" + chr(BASE)),)
        if cid == 2:
            return ("q" * size,)  # all equal
        if cid == 3:
            return ("".join(_alphabet(size)),)  # all distinct: the whole string
        if cid == 4:
            return ("abba" + "".join(random.choice("ab") for _ in range(size - 4)),)
        # a few letters of both cases and two ideographs: "a" and "A" are different characters
        return ("".join(random.choice("aAb" + chr(BASE) + chr(BASE + 1)) for _ in range(size)),)
    # long stretches of distinct characters, so a scan from every start runs far before a repeat
    width = max(2, size // 60)
    kind = cid % 3
    if kind == 0:
        # shuffles of one alphabet of `width` characters, glued one after another
        chars = []
        letters = _alphabet(width)
        while len(chars) < size:
            random.shuffle(letters)
            chars.extend(letters)
        chars = chars[:size]
    elif kind == 1:
        # characters drawn at random from a large alphabet: distinct runs of about sqrt(alphabet)
        letters = _alphabet(min(20000, 40 * width * width // size + 2))
        chars = [random.choice(letters) for _ in range(size)]
    else:
        # a cycle through `width` characters, with a few characters overwritten by random ones of the cycle
        letters = _alphabet(width)
        chars = [letters[i % width] for i in range(size)]
        for _ in range(size // width):
            chars[random.randrange(size)] = random.choice(letters)
    return ("".join(chars),)
