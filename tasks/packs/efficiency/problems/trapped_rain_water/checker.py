def __check(input, answer, output):
    return type(output) is int and output == answer
