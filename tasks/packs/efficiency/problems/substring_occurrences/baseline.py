def substring_occurrences(text: str, pattern: str) -> list[int]:
    # a Python-level loop over every position, building a new slice at each one to compare
    m = len(pattern)
    hits = []
    for i in range(len(text) - m + 1):
        if text[i:i + m] == pattern:
            hits.append(i)
    return hits
