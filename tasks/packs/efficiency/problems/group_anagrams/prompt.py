def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group the words that are anagrams of each other (the same letters, each the same number of times).
    Words are lowercase ASCII letters ("a" to "z") and may be empty; a word listed several times appears that
    many times in its group. Each group is a list sorted in increasing order, and the groups are sorted in
    increasing order (as lists, so by their first word). An empty list gives [].

    >>> group_anagrams(["eat", "tea", "tan", "ate", "nat", "bat"])
    [['ate', 'eat', 'tea'], ['bat'], ['nat', 'tan']]
    >>> group_anagrams(["", "b", ""])
    [['', ''], ['b']]
    """
