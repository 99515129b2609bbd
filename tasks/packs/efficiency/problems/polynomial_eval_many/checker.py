def __check(input, answer, output):
    return list(output) == answer
