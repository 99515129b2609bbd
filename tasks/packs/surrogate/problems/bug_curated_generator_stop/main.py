def pairs(items):
    it = iter(items)
    for first in it:
        second = next(it)
        yield first, second


def total_area(sides):
    return sum(w * h for w, h in pairs(sides))


print(total_area([3, 4, 2, 5]))
print(total_area([1, 2, 3, 4, 5]))
