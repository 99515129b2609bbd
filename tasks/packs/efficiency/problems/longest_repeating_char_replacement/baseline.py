def longest_repeating_char_replacement(s: str, k: int) -> int:
    # every window s[start:end + 1] checked, its letter counts kept up to date as it grows: O(n^2)
    n = len(s)
    best = 0
    for start in range(n):
        counts = {}
        top = 0
        for end in range(start, n):
            counts[s[end]] = counts.get(s[end], 0) + 1
            top = max(top, counts[s[end]])
            if end - start + 1 - top <= k:
                best = max(best, end - start + 1)
    return best
