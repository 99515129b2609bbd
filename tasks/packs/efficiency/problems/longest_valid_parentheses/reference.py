def longest_valid_parentheses(s: str) -> int:
    # one pass: a stack of the indices of unmatched "(" above the index just before the current valid run,
    # so each ")" that matches gives the run's length in O(1)
    stack = [-1]
    push, pop = stack.append, stack.pop
    best = 0
    for i, ch in enumerate(s):
        if ch == "(":
            push(i)
        else:
            pop()
            if stack:
                length = i - stack[-1]
                if length > best:
                    best = length
            else:
                push(i)
    return best
