def longest_common_subsequence(a: str, b: str) -> int:
    # bit-parallel LCS (Allison-Dix / Hyyro): one row of the DP table is a Python int, and each character
    # of b updates the whole row with a few big-int operations, so the work is O(len(a) * len(b) / 64)
    n = len(a)
    if n == 0 or not b:
        return 0
    match: dict[str, int] = {}
    for i, ch in enumerate(a):
        match[ch] = match.get(ch, 0) | (1 << i)
    mask = (1 << n) - 1
    row = mask
    get = match.get
    for ch in b:
        u = row & get(ch, 0)
        row = ((row + u) | (row - u)) & mask
    return n - row.bit_count()
