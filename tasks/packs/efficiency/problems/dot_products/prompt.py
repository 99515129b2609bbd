def dot_products(pairs: list[tuple[list[float], list[float]]]) -> list[float]:
    """Return the dot product sum(a[i] * b[i] for i in range(len(a))) of every pair (a, b) in `pairs`, in
    the order of `pairs`, as floats.

    The two vectors of a pair have the same length, which may be 0 (the dot product is then 0.0); their
    entries are finite floats; `pairs` may be empty (the result is []). Results are compared with a
    relative tolerance of 1e-9, so the order of the additions does not matter.

    >>> dot_products([([1.0, 2.0, 3.0], [4.0, -5.0, 6.0]), ([], [])])
    [12.0, 0.0]
    >>> dot_products([])
    []
    """
