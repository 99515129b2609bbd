def trapped_rain_water(heights: list[int]) -> int:
    # two pointers moving inwards: the side with the lower outer bar decides that side's water level (the
    # other side holds a bar at least as tall), so each step settles one bar against its side's running
    # maximum. One pass, O(n) time and O(1) extra space.
    left, right = 0, len(heights) - 1
    left_max = right_max = 0
    water = 0
    while left < right:
        a = heights[left]
        b = heights[right]
        if a < b:
            if a > left_max:
                left_max = a
            else:
                water += left_max - a
            left += 1
        else:
            if b > right_max:
                right_max = b
            else:
                water += right_max - b
            right -= 1
    return water
