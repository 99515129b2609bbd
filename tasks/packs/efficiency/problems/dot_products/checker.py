import math


def __check(input, answer, output):
    output = list(output)
    return len(output) == len(answer) and all(
        isinstance(x, float) and math.isclose(x, y, rel_tol=1e-9) for x, y in zip(output, answer, strict=True))
