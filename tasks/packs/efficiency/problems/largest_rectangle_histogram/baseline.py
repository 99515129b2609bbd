def largest_rectangle_histogram(heights: list[int]) -> int:
    # for every bar, widen to the left and to the right while the neighbours are at least as tall: the widest
    # rectangle of that bar's height. O(n^2) when long runs of bars are at least as tall (plateaus, slopes).
    n = len(heights)
    best = 0
    for i in range(n):
        h = heights[i]
        left = i
        while left > 0 and heights[left - 1] >= h:
            left -= 1
        right = i
        while right < n - 1 and heights[right + 1] >= h:
            right += 1
        area = h * (right - left + 1)
        if area > best:
            best = area
    return best
