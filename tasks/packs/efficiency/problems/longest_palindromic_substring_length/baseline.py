def longest_palindromic_substring_length(s: str) -> int:
    # expand around each of the 2n-1 centres, one character pair at a time: O(n^2) on strings with many
    # long palindromes
    n = len(s)
    best = 0
    for centre in range(2 * n - 1):
        lo, hi = centre // 2, (centre + 1) // 2
        while lo >= 0 and hi < n and s[lo] == s[hi]:
            lo -= 1
            hi += 1
        best = max(best, hi - lo - 1)
    return best
