import math


def __check(input, answer, output):
    # each cell may be off by 1e-9 * |row i of a| * |column j of b| (Euclidean norms): any summation order passes
    a, b = input
    n = len(a)
    if not isinstance(output, list) or len(output) != n:
        return False
    row_norm = [math.sqrt(sum(x * x for x in row)) for row in a]
    col_norm = [math.sqrt(sum(b[k][j] * b[k][j] for k in range(n))) for j in range(n)]
    for i in range(n):
        got, want = output[i], answer[i]
        if not isinstance(got, list) or len(got) != n:
            return False
        for j in range(n):
            x = got[j]
            if type(x) is not float or not math.isfinite(x):
                return False
            if abs(x - want[j]) > 1e-9 * row_norm[i] * col_norm[j] + 1e-300:
                return False
    return True
