def run_length_encode(s: str) -> str:
    """Encode `s` by runs: each maximal block of equal consecutive letters becomes its length in decimal (no
    leading zeros) followed by the letter, and the pieces are concatenated in order. `s` holds ASCII letters
    only (no digits); an empty string gives "".

    >>> run_length_encode("aaabccddddddddddddA")
    '3a1b2c12d1A'
    >>> run_length_encode("")
    ''
    """
