from heapq import heappush, heapreplace


def kth_smallest_stream(nums: list[int], k: int) -> list[int]:
    # a max-heap (negated) of the k smallest so far: its top is the k-th smallest; O(n log k)
    heap: list[int] = []
    result = []
    append = result.append
    for x in nums:
        if len(heap) < k:
            heappush(heap, -x)
            append(-heap[0] if len(heap) == k else -1)
        else:
            if x < -heap[0]:
                heapreplace(heap, -x)
            append(-heap[0])
    return result
