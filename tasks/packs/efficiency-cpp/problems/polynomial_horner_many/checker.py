import math


def __check(input, answer, output):
    # each value may be off by 1e-9 * (|c[0]| + ... + |c[d]|) * max(1, |x|)^d
    c, xs = input
    if not isinstance(output, list) or len(output) != len(xs):
        return False
    scale = 1e-9 * sum(abs(v) for v in c)
    d = max(len(c) - 1, 0)
    for x, got, want in zip(xs, output, answer, strict=True):
        if type(got) is not float or not math.isfinite(got):
            return False
        if abs(got - want) > scale * max(1.0, abs(x)) ** d + 1e-300:
            return False
    return True
