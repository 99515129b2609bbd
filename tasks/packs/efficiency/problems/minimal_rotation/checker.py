def __check(input, answer, output):
    return type(output) is str and output == answer
