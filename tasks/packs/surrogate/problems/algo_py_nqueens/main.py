def solve(n):
    cols, diag, anti = set(), set(), set()
    placement = []
    solutions = []

    def place(row):
        if row == n:
            solutions.append(list(placement))
            return
        for col in range(n):
            if col in cols or row - col in diag or row + col in anti:
                continue
            cols.add(col)
            diag.add(row - col)
            anti.add(row + col)
            placement.append(col)
            place(row + 1)
            placement.pop()
            cols.remove(col)
            diag.remove(row - col)
            anti.remove(row + col)

    place(0)
    return solutions


for n in range(4, 9):
    found = solve(n)
    corner = sum(1 for s in found if s[0] == 0)
    print(n, len(found), corner)
print(solve(6)[0])
