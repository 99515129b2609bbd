def count_primes_below(n: int) -> int:
    # trial division of every odd candidate by the primes found so far, up to its square root: one Python
    # modulo per (candidate, small prime) pair
    if n <= 2:
        return 0
    primes = [2]
    for k in range(3, n, 2):
        for p in primes:
            if p * p > k:
                primes.append(k)
                break
            if k % p == 0:
                break
        else:
            primes.append(k)
    return len(primes)
