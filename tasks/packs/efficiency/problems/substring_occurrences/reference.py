def substring_occurrences(text: str, pattern: str) -> list[int]:
    # str.find scans in C and jumps straight to the next hit; Python only runs once per occurrence
    hits = []
    append = hits.append
    find = text.find
    i = find(pattern)
    while i >= 0:
        append(i)
        i = find(pattern, i + 1)
    return hits
