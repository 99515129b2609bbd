def __check(input, answer, output):
    return type(output) is list and all(type(x) is int for x in output) and output == answer
