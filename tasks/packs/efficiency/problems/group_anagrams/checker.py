def __check(input, answer, output):
    return [list(group) for group in output] == [list(group) for group in answer]
