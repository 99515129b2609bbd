def distinct_substrings_count(s: str) -> int:
    # a set of every substring of each length: n^2 / 2 substrings copied and hashed, O(n^3) character work
    n = len(s)
    total = 0
    for size in range(1, n + 1):
        total += len({s[i:i + size] for i in range(n - size + 1)})
    return total
