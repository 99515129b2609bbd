def largest_rectangle_histogram(heights: list[int]) -> int:
    # one pass with a stack of (start, height) of strictly increasing heights above a sentinel of height -1.
    # A lower bar closes every taller rectangle on the stack (it ended just before this bar) and inherits the
    # start of the last one closed, since the lower bar's rectangle extends over them; the rectangles still
    # open after the last bar reach the end. Each bar is pushed and popped at most once: O(n).
    stack = [(-1, -1)]
    push, pop = stack.append, stack.pop
    best = 0
    for i, h in enumerate(heights):
        start = i
        while stack[-1][1] >= h:
            start, top = pop()
            area = top * (i - start)
            if area > best:
                best = area
        push((start, h))
    end = len(heights)
    for start, top in stack[1:]:  # the bars still open reach the end
        area = top * (end - start)
        if area > best:
            best = area
    return best
