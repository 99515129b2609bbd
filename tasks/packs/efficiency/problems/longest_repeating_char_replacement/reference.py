def longest_repeating_char_replacement(s: str, k: int) -> int:
    # one sliding window that never shrinks: the right end moves every step and the left end at most one
    # step, and the best letter count seen so far never needs to decrease (only a larger one can make the
    # window grow), so the window's final length is the answer: O(n)
    counts = dict.fromkeys(s, 0)
    top = 0
    left = 0
    size = 0  # the window's length, right - left + 1 after the step
    for ch in s:
        c = counts[ch] + 1
        counts[ch] = c
        if c > top:
            top = c
        if size - top >= k:  # the grown window would need k + 1 replacements: slide it instead
            counts[s[left]] -= 1
            left += 1
        else:
            size += 1
    return size
