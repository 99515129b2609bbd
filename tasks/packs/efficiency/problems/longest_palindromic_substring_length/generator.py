import random  # the seeded module: the harness seeds it per level and case
import string


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("",)
    if lid == 0 and cid == 1:
        return (random.choice(string.ascii_lowercase) * random.randint(1, 2),)
    kind = cid % 3
    if kind == 0:
        # nearly all "a", a few other letters: long palindromes around almost every centre
        chars = ["a"] * size
        for _ in range(random.randint(1, 6)):
            chars[random.randrange(size)] = random.choice("bc")
    elif kind == 1:
        # a random half and its mirror image, slightly mutated: one long palindrome among short ones
        half = [random.choice("ab") for _ in range(size // 2)]
        chars = half + half[::-1] + [random.choice("ab")] * (size % 2)
        for _ in range(random.randint(0, 2)):
            chars[random.randrange(size)] = random.choice("abc")
    else:
        # runs of one letter, of random lengths: palindromes of every size
        chars = []
        while len(chars) < size:
            chars.extend(random.choice("abc") * random.randint(1, max(1, size // 20)))
        chars = chars[:size]
    return ("".join(chars),)
