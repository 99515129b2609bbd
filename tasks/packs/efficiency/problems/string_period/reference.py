def string_period(s: str) -> int:
    # the smallest period is len(s) minus the longest proper border (a prefix that is also a suffix), which is
    # the last value of the KMP prefix function; computing it is O(n) amortized (each fall back along the
    # borders is paid for by an earlier step forwards)
    n = len(s)
    if n == 0:
        return 0
    border = [0] * n
    k = 0
    for i in range(1, n):
        ch = s[i]
        while k and s[k] != ch:
            k = border[k - 1]
        if s[k] == ch:
            k += 1
        border[i] = k
    return n - k
