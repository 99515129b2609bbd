def trapped_rain_water(heights: list[int]) -> int:
    # for every bar, find the tallest bar on its left and on its right by scanning them: O(n^2)
    water = 0
    for i, h in enumerate(heights):
        level = min(max(heights[:i + 1]), max(heights[i:]))
        water += level - h
    return water
