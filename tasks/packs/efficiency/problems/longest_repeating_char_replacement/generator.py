import random  # the seeded module: the harness seeds it per level and case
import string


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("", random.randint(0, 2))
    if lid == 0 and cid == 1:
        return (random.choice(["A", "AB", "BA", "ABA"]), random.randint(0, 1))
    kind = cid % 3
    if kind == 0:
        # two letters, small k
        s = "".join(random.choice("AB") for _ in range(size))
        k = random.randint(0, 5)
    elif kind == 1:
        # runs of a few letters, k about 1% of n: the best window spans several runs
        chars = []
        while len(chars) < size:
            chars.extend(random.choice("ABCD") * random.randint(1, 12))
        s = "".join(chars[:size])
        k = random.randint(0, max(1, size // 100))
    else:
        # the whole alphabet, k large: long windows
        s = "".join(random.choice(string.ascii_uppercase) for _ in range(size))
        k = random.randint(0, size // 2)
    return (s, k)
