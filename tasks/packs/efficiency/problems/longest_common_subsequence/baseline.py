def longest_common_subsequence(a: str, b: str) -> int:
    # the textbook DP over the full (len(a)+1) x (len(b)+1) table of lists, one cell at a time: O(nm)
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table[n][m]
