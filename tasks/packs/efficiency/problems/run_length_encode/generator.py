import random  # the seeded module: the harness seeds it per level and case
import string


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ("",)
    if lid == 0 and cid == 1:
        return (random.choice(["a", "Z", "ab", "aA"]),)
    # runs of random letters with random lengths, as in data worth run-length encoding; the longest runs
    # need several digits
    alphabet = random.choice(["ab", "abc", string.ascii_letters])
    longest = [60, 300, 1000][cid % 3] if size > 100 else 12
    chars = []
    length = 0
    while length < size:
        run = random.choice(alphabet) * random.randint(1, longest)
        chars.append(run)
        length += len(run)
    return ("".join(chars)[:size],)
