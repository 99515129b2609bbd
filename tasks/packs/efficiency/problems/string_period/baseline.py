def string_period(s: str) -> int:
    # try every p from 1 up and compare s with itself shifted by p, one character at a time, until a
    # mismatch: O(n^2) when long shifted matches keep failing late (e.g. "aaa...ab")
    n = len(s)
    for p in range(1, n + 1):
        i = p
        while i < n and s[i] == s[i - p]:
            i += 1
        if i == n:
            return p
    return 0
