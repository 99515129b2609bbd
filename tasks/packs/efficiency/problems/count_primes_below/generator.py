import random  # the seeded module: the harness seeds it per level and case


def generate_input(size, lid, cid):
    if lid == 0 and cid < 5:
        return ((0, 1, 2, 3, 9)[cid],)  # the empty ranges and the first primes; 9: a square just above
    # a bound between size / 2 and size; every third one is a prime itself (not counted: p < n)
    n = random.randint(size // 2, size)
    if cid % 3 == 2:
        while any(n % d == 0 for d in range(2, int(n ** 0.5) + 1)):
            n += 1
    return (n,)
