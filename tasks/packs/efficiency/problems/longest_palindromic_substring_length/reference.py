def longest_palindromic_substring_length(s: str) -> int:
    # Manacher: on s with separators, each centre starts from the mirrored centre's radius (capped at the
    # rightmost palindrome's edge), so the expansions sum to O(n) overall
    if not s:
        return 0
    t = "^#" + "#".join(s) + "#$"  # distinct sentinels stop every expansion without bounds checks
    radius = [0] * len(t)
    centre = right = 0
    for i in range(1, len(t) - 1):
        if i < right:
            k = radius[2 * centre - i]
            if k > right - i:
                k = right - i
        else:
            k = 0
        while t[i + k + 1] == t[i - k - 1]:
            k += 1
        radius[i] = k
        if i + k > right:
            centre, right = i, i + k
    return max(radius)
