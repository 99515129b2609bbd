def __check(input, answer, output):
    return isinstance(output, list) and output == answer and all(type(x) is int for x in output)
