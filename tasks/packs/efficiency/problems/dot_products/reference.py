from operator import mul

try:
    from math import sumprod  # Python 3.12+: the whole dot product in C, with extended precision
except ImportError:
    sumprod = None


def dot_products(pairs: list[tuple[list[float], list[float]]]) -> list[float]:
    # the element loop runs in C: math.sumprod where it exists, else sum over map(operator.mul, a, b)
    if sumprod is not None:
        return [float(sumprod(a, b)) for a, b in pairs]
    return [sum(map(mul, a, b), 0.0) for a, b in pairs]
