def longest_substring_distinct(s: str) -> int:
    # from every start, extend the substring one character at a time with a set of the characters in it until
    # one repeats: O(n * d) where d is the length of the distinct runs, up to O(n^2) with a large alphabet
    n = len(s)
    best = 0
    for start in range(n):
        seen = set()
        end = start
        while end < n and s[end] not in seen:
            seen.add(s[end])
            end += 1
        if end - start > best:
            best = end - start
    return best
