import random  # the seeded module: the harness seeds it per level and case


def _dna(length):
    return "".join(random.choice("ACGT") for _ in range(length))


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("", _dna(random.randint(0, 3)))
    if lid == 0 and cid == 1:
        return (_dna(1), _dna(random.randint(1, 4)))
    a = _dna(size)
    if cid % 3 == 2:
        # b is a mutated copy of a (a long common subsequence), about 3/4 as long
        b = "".join(ch if random.random() < 0.8 else random.choice("ACGT") for ch in a if random.random() < 0.75)
    else:
        b = _dna(size * 3 // 4 + random.randrange(size // 4 + 1))
    return (a, b)
