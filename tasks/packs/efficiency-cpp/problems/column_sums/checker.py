import math


def __check(input, answer, output):
    # entry c may be off by 1e-9 * (|values[c]| + |values[cols + c]| + ...): any order of addition passes
    values, rows, cols = input
    if not isinstance(output, list) or len(output) != cols or len(answer) != cols:
        return False
    for c in range(cols):
        got = output[c]
        if type(got) is not float or not math.isfinite(got):
            return False
        bound = 1e-9 * math.fsum(map(abs, values[c::cols])) if rows > 0 else 0.0
        if not abs(got - answer[c]) <= bound:
            return False
    return True
