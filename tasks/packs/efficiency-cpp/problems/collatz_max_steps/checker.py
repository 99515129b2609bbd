def __check(input, answer, output):
    return isinstance(output, list) and len(output) == 2 and all(type(v) is int for v in output) and \
        output == answer
