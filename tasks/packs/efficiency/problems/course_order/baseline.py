def course_order(n: int, prerequisites: list[tuple[int, int]]) -> list[int]:
    # at every step, scan all courses from 0 upwards for the first one not yet taken whose prerequisites are
    # all taken: O(n^2 + m)
    successors: list[list[int]] = [[] for _ in range(n)]
    waiting = [0] * n
    for a, b in prerequisites:
        successors[a].append(b)
        waiting[b] += 1
    taken = [False] * n
    order = []
    for _ in range(n):
        found = -1
        for course in range(n):
            if not taken[course] and waiting[course] == 0:
                found = course
                break
        if found == -1:
            return []  # every course left waits on another one left: a cycle
        taken[found] = True
        order.append(found)
        for nxt in successors[found]:
            waiting[nxt] -= 1
    return order
