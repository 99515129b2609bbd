import random  # the seeded module: the harness seeds it per level and case


def _words(count, alphabet, longest):
    words = set()
    for _ in range(count):
        words.add("".join(random.choice(alphabet) for _ in range(random.randint(1, longest))))
    return sorted(words, key=lambda w: random.random())  # a random order


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("", random.choice([[], ["a"]]))
    if lid == 0 and cid == 1:
        return (random.choice(["a", "ab", "aaa"]), random.choice([[], ["a"], ["b", "ab"], ["aa", "a"]]))
    kind = cid % 3
    small = size <= 20
    if kind == 0:
        # two letters, every short word present: a huge count, reduced modulo 10**9 + 7
        words = _words(8 if small else 400, "ab", 4 if small else 10)
        s = "".join(random.choice("ab") for _ in range(size))
    elif kind == 1:
        # s is a concatenation of dictionary words over four letters: at least one split, long matches
        words = _words(6 if small else 1500, "abcd", 3 if small else 12)
        pieces, length = [], 0
        while length < size:
            word = random.choice(words)
            pieces.append(word)
            length += len(word)
        s = "".join(pieces)
    else:
        # random text over three letters, words that match only now and then: often no split at all
        words = _words(6 if small else 600, "abc", 3 if small else 9)
        s = "".join(random.choice("abc") for _ in range(size))
    return (s, words)
