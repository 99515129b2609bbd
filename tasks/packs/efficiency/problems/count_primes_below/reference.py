def count_primes_below(n: int) -> int:
    # sieve of Eratosthenes over the odd numbers in a bytearray: each prime's odd multiples from p*p are
    # crossed out by one slice assignment (a C loop), and the survivors are counted with bytearray.count
    if n <= 2:
        return 0
    half = n // 2  # index i stands for 2 i + 1, for 1 <= 2 i + 1 < n (index 0, the number 1, is not prime)
    sieve = bytearray([1]) * half
    sieve[0] = 0
    i = 1
    while (2 * i + 1) ** 2 < n:
        if sieve[i]:
            p = 2 * i + 1
            start = p * p // 2
            sieve[start::p] = bytes(len(range(start, half, p)))
        i += 1
    return sieve.count(1) + 1  # + 1 for the prime 2
