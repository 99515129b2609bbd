import random  # the seeded module: the harness seeds it per level and case
import string


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("",)
    if lid == 0 and cid == 1:
        return (random.choice(["a", "ab", "aa", "aba"]),)
    kind = cid % 3
    if kind == 0:
        # random over two letters: many repeated short substrings
        s = "".join(random.choice("ab") for _ in range(size))
    elif kind == 1:
        # a short block repeated, with a few changes: long repeats, many clones in the automaton
        block = "".join(random.choice("abc") for _ in range(random.randint(1, 8)))
        chars = list((block * (size // len(block) + 1))[:size])
        for _ in range(random.randint(0, 3)):
            chars[random.randrange(size)] = random.choice("abcd")
        s = "".join(chars)
    else:
        # random over the whole alphabet: nearly every substring distinct
        s = "".join(random.choice(string.ascii_lowercase) for _ in range(size))
    return (s,)
