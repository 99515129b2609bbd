def __check(input, answer, output):
    return type(output) is bool and output == answer
