def matrix_multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    # the schoolbook triple loop: three list look-ups by index and an index store for every one of the
    # m k r multiplications, all in Python bytecode
    m, k, r = len(a), len(b), len(b[0])
    c = [[0] * r for _ in range(m)]
    for i in range(m):
        for j in range(r):
            for t in range(k):
                c[i][j] += a[i][t] * b[t][j]
    return c
