import random  # the seeded module: the harness seeds it per level and case
import string


def _word():
    return "".join(random.choices(string.ascii_lowercase, k=random.randint(1, 6)))


def generate_input(size, lid, cid):
    if lid == 0 and cid == 0:
        return ([], 3)
    if lid == 0 and cid == 1:
        return (["b", "a", "B", "a", "b", "ab"], 10)  # fewer distinct words than k; mixed case
    # a vocabulary of about size / 10 words drawn with skewed weights (many ties among the rare ones)
    vocab = list({_word() for _ in range(max(2, size // 10))})
    vocab.sort()
    random.shuffle(vocab)
    weights = [1 + (i % 7) * (i % 3) for i in range(len(vocab))]
    words = random.choices(vocab, weights=weights, k=size)
    k = random.randint(1, max(1, len(vocab) // 4))
    return (words, k)
