from heapq import heappush, heappushpop


def running_median(nums: list[int]) -> list[float]:
    # two heaps: `low` (a max-heap, negated) holds the smaller half and one more when the count is odd,
    # `high` (a min-heap) the larger half; the median is at their tops; O(log n) per insertion
    low: list[int] = []
    high: list[int] = []
    result = []
    append = result.append
    for x in nums:
        if len(low) == len(high):
            # the larger of x and high's minimum would be too big for low: route x through high
            heappush(low, -heappushpop(high, x))
            append(float(-low[0]))
        else:
            heappush(high, -heappushpop(low, -x))
            append((high[0] - low[0]) / 2)
    return result
