def top_k_frequent(words: list[str], k: int) -> list[str]:
    """Return the k most frequent distinct words of `words`, most frequent first; words that occur equally
    often are ordered alphabetically (plain string comparison, so "B" < "a" < "ab"). When fewer than k
    distinct words occur, return all of them in that order (an empty `words` gives []). k >= 1.

    >>> top_k_frequent(["b", "a", "c", "b", "a", "d", "b"], 3)
    ['b', 'a', 'c']
    >>> top_k_frequent(["x"], 2)
    ['x']
    """
