def minimal_rotation(s: str) -> str:
    # two candidates i < j and a matched length k: on a mismatch the losing candidate skips k + 1 starts
    # (none of them can be the minimum), so the pointers move at most 2n + n times in all: O(n)
    n = len(s)
    if n < 2:
        return s
    t = s + s
    i, j, k = 0, 1, 0
    while i < n and j < n and k < n:
        a, b = t[i + k], t[j + k]
        if a == b:
            k += 1
            continue
        if a > b:
            i += k + 1
        else:
            j += k + 1
        if i == j:
            j += 1
        k = 0
    start = i if i < j else j
    return t[start:start + n]
