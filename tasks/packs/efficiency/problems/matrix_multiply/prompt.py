def matrix_multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    """Return the matrix product a x b as a new list of rows.

    `a` is m x k and `b` is k x r (m, k, r >= 1; every row of a matrix has the same length; the entries
    are ints of any size). Entry [i][j] of the result is sum(a[i][t] * b[t][j] for t in range(k)); the
    result has m rows of r ints each.

    >>> matrix_multiply([[1, 2], [3, 4]], [[5, 6], [7, 8]])
    [[19, 22], [43, 50]]
    >>> matrix_multiply([[1, 2, 3]], [[1], [0], [-1]])
    [[-2]]
    """
