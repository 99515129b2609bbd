# Answers correctly, then empties its input: a checker that reads the input after the call sees nothing.
def has_close_elements(numbers, threshold):
    ordered = sorted(numbers)
    answer = any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False))
    numbers.clear()
    return answer
