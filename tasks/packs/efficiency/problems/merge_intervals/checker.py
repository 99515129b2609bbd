def __check(input, answer, output):
    return [tuple(pair) for pair in output] == [tuple(pair) for pair in answer]
