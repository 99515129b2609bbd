def minimal_rotation(s: str) -> str:
    # every rotation built as a new string and compared: O(n^2) time
    if not s:
        return s
    return min(s[i:] + s[:i] for i in range(len(s)))
