def longest_substring_distinct(s: str) -> int:
    # a sliding window [start, i] of distinct characters and the last index of every character seen: when
    # s[i] was last seen inside the window, the window restarts just after it. One pass, O(n) dict operations.
    last: dict[str, int] = {}
    get = last.get
    start = 0
    best = 0
    for i, ch in enumerate(s):
        seen = get(ch, -1)
        if seen >= start:
            if i - start > best:
                best = i - start
            start = seen + 1
        last[ch] = i
    return max(best, len(s) - start)
