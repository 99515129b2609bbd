def __check(input, answer, output):
    output = list(output)
    if len(output) != len(answer):
        return False
    for got, want in zip(output, answer, strict=True):
        if isinstance(got, bool) or not isinstance(got, (int, float)):
            return False
        if abs(got - want) > 1e-9 * max(1.0, abs(want)):
            return False
    return True
