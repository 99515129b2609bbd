def longest_valid_parentheses(s: str) -> int:
    # from every start, extend the substring one character at a time with a balance counter: O(n^2) when
    # balanced stretches are long
    n = len(s)
    best = 0
    for start in range(n):
        balance = 0
        for end in range(start, n):
            balance += 1 if s[end] == "(" else -1
            if balance < 0:
                break
            if balance == 0 and end - start + 1 > best:
                best = end - start + 1
    return best
