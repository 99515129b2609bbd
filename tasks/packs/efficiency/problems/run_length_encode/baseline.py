def run_length_encode(s: str) -> str:
    # an index loop over every character in Python, and the result grown with += piece by piece
    result = ""
    i = 0
    n = len(s)
    while i < n:
        letter = s[i]
        count = 0
        while i < n and s[i] == letter:
            count += 1
            i += 1
        for digit in str(count):
            result += digit
        result += letter
    return result
