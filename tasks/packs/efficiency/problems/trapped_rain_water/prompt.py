def trapped_rain_water(heights: list[int]) -> int:
    """Return how many units of rain water a row of bars traps.

    Bar i has width 1 and height heights[i], an int >= 0; the bars stand side by side, and water can escape
    past the first and the last bar. After rain, the water above bar i rises to
    min(max(heights[:i + 1]), max(heights[i:])), the lower of the tallest bar at or left of i and the
    tallest bar at or right of i, so bar i holds that level minus heights[i] units (never negative). Return
    the total over all bars, an int; fewer than three bars, or bars that only rise or only fall, hold 0.
    There may be up to about 10**4 bars of heights up to about 10**9.

    >>> trapped_rain_water([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1])
    6
    >>> trapped_rain_water([4, 2, 0, 3, 2, 5])
    9
    >>> trapped_rain_water([])
    0
    """
