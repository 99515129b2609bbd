def __check(input, answer, output):
    return [list(row) for row in output] == answer
