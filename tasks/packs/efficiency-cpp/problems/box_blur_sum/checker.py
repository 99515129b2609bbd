def __check(input, answer, output):
    if not isinstance(output, list) or len(output) != len(answer):
        return False
    for got, want in zip(output, answer, strict=True):
        if not isinstance(got, list) or got != want or not all(type(x) is int for x in got):
            return False
    return True
