import random  # the seeded module: the harness seeds it per level and case
import string


def generate_input(size, lid, cid):
    # level 0 holds the edge cases (empty text, a pattern longer than the text, text == pattern, one-letter patterns,
    # overlaps, matches at both ends, no match, the examples, a periodic pattern over all 26 letters of 150 and
    # of 12000 letters, random short texts over two letters); timed levels hold
    # the naive scan's worst cases with patterns of size/20000 letters: a text of a's with scattered b's against
    # a...ab, a periodic abab... text against (ab)^k ac with a few planted matches, and runs of a's between single
    # b's against a...a (many overlapping matches)
    if lid == 0:
        fixed = [
            ("", "a"),
            ("abc", "abcd"),
            ("a", "a"),
            ("aaaa", "aa"),
            ("abababa", "aba"),
            ("xyzabc", "abc"),
            ("abcxyz", "abc"),
            ("abc", "d"),
            ("aabaabaab", "aab"),
            ("zzzzzzzz", "z"),
            ("aaaaaaaab", "aaab"),
            ("qwertyuiopasdfghjklzxcvbnm", "qwertyuiopasdfghjklzxcvbnm"),
        ]
        if cid < len(fixed):
            return fixed[cid]
        if cid < len(fixed) + 2:  # a periodic pattern over all 26 letters: short, then long (12000 letters)
            block = "".join(random.choice(string.ascii_lowercase) for _ in range(50 if cid == len(fixed) else 4000))
            noise = "".join(random.choice(string.ascii_lowercase) for _ in range(100))
            return (block * 10 + noise + block * 3, block * 3)
        text = "".join(random.choice("ab") for _ in range(size * 4))
        return (text, "".join(random.choice("ab") for _ in range(random.randint(1, 4))))
    n = size
    m = max(4, n // 20000)
    if cid == 0:
        text = ["a"] * n
        for _ in range(n // 5000):
            text[random.randrange(n)] = "b"
        return ("".join(text), "a" * (m - 1) + "b")
    if cid == 1:
        k = m // 2 - 1
        pattern = "ab" * k + "ac"
        parts, length = [], 0
        while length < n:
            chunk = "ab" * random.randint(m, 20 * m) + (pattern if random.random() < 0.5 else "")
            parts.append(chunk)
            length += len(chunk)
        return ("".join(parts)[:n], pattern)
    parts, length = [], 0
    while length < n:
        chunk = "a" * random.randint(m // 2, 4 * m) + "b"
        parts.append(chunk)
        length += len(chunk)
    return ("".join(parts)[:n], "a" * m)
