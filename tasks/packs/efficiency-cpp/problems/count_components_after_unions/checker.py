def __check(input, answer, output):
    return isinstance(output, list) and len(output) == len(answer) and \
        all(type(v) is int for v in output) and output == answer
