from heapq import heapify, heappop, heappush


def course_order(n: int, prerequisites: list[tuple[int, int]]) -> list[int]:
    # Kahn's algorithm with a min-heap of the courses whose prerequisites are all taken: taking the smallest
    # available course at every step gives the lexicographically smallest order. O((n + m) log n).
    successors: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for a, b in prerequisites:
        successors[a].append(b)
        waiting[b] += 1
    ready = [course for course in range(n) if not waiting[course]]
    heapify(ready)
    order = []
    take = order.append
    while ready:
        course = heappop(ready)
        take(course)
        for nxt in successors[course]:
            waiting[nxt] -= 1
            if not waiting[nxt]:
                heappush(ready, nxt)
    return order if len(order) == n else []
