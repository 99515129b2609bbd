from operator import mul


def matrix_multiply(a: list[list[int]], b: list[list[int]]) -> list[list[int]]:
    # transpose b once (zip), then every entry is one sum(map(mul, row, column)): the k multiplications
    # and additions of an entry run inside C, with no indexing at all
    columns = list(zip(*b, strict=True))
    return [[sum(map(mul, row, column)) for column in columns] for row in a]
