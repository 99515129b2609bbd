def word_break_count(s: str, words: list[str]) -> int:
    """Return the number of ways to write `s` as a concatenation w1 + w2 + ... + wk (k >= 0) of words from
    `words`, where any word may be used any number of times, modulo 10**9 + 7. Two ways differ when their
    sequences of words differ. `words` holds distinct non-empty strings; `s` and the words hold lowercase
    ASCII letters only. An empty `s` gives 1 (the empty split); `words` may be empty.

    >>> word_break_count("catsanddog", ["cat", "cats", "and", "sand", "dog"])
    2
    >>> word_break_count("aaaa", ["a", "aa"])
    5
    """
