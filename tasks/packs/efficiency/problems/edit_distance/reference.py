def edit_distance(a: str, b: str) -> int:
    # one rolling row (the shorter string across), walked with zip instead of indexing, and plain
    # comparisons instead of min(); a match copies the diagonal, which is never worse than the other two
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        append = row.append
        left = i
        for cb, diagonal, up in zip(b, previous, previous[1:], strict=False):
            if ca == cb:
                left = diagonal
            else:
                if up < diagonal:
                    diagonal = up
                if left < diagonal:
                    diagonal = left
                left = diagonal + 1
            append(left)
        previous = row
    return previous[-1]
