from bisect import bisect_left


def longest_increasing_subsequence(nums: list[int]) -> int:
    # patience sorting: tails[k] is the smallest tail of an increasing run of length k+1; a binary search
    # places each element, so the whole is O(n log n)
    tails: list[int] = []
    append = tails.append
    for x in nums:
        k = bisect_left(tails, x)
        if k == len(tails):
            append(x)
        else:
            tails[k] = x
    return len(tails)
