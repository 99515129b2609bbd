def course_order(n: int, prerequisites: list[tuple[int, int]]) -> list[int]:
    """Return the lexicographically smallest order in which to take the courses 0..n-1, or [] if none exists.

    Each pair (a, b) in `prerequisites` says that course a must be taken before course b (0 <= a, b < n).
    An order is a list holding each of 0..n-1 exactly once in which a comes before b for every pair. Among
    all such orders return the lexicographically smallest one (the one with the smallest first element,
    then the smallest second element, and so on), which is unique. When no order exists (the pairs form a
    cycle, including a pair (a, a)), return []. Pairs may repeat; n >= 0, and n == 0 gives []. There may
    be up to about 10**4 courses and a few times as many pairs.

    >>> course_order(4, [(1, 0), (2, 0), (3, 1)])
    [2, 3, 1, 0]
    >>> course_order(3, [])
    [0, 1, 2]
    >>> course_order(3, [(0, 1), (1, 2), (2, 0)])
    []
    """
