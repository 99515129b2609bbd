import random  # the seeded module: the harness seeds it per level and case
import string


def _shuffled(word):
    letters = list(word)
    random.shuffle(letters)
    return "".join(letters)


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([],)
    if lid == 0 and cid == 1:
        return (random.choice([[""], ["a"], ["", ""], ["ab", "ba", ""]]),)
    # about size / 4 distinct letter multisets ("stems"); each word is a shuffle of a random stem
    alphabet = string.ascii_lowercase[:random.choice([4, 8, 26])]
    stems = ["".join(random.choice(alphabet) for _ in range(random.randint(1, 8)))
             for _ in range(max(1, size // 4))]
    return ([_shuffled(random.choice(stems)) for _ in range(size)],)
