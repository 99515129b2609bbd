def longest_valid_parentheses(s: str) -> int:
    """Return the length of the longest contiguous substring of `s` that is a well-formed parenthesis string
    (every "(" closed by a later ")", and every ")" closing an earlier "(" of the substring). `s` holds only
    "(" and ")"; an empty string, or one without a well-formed substring, gives 0. The result is even.

    >>> longest_valid_parentheses(")()())")
    4
    >>> longest_valid_parentheses("(()(((()")
    2
    """
