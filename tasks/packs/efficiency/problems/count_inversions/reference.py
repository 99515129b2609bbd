def count_inversions(a: list[int]) -> int:
    # merge sort, bottom-up: when an element of the right run is taken before the rest of the left run,
    # it is inverted with every element left there; O(n log n)
    run = list(a)
    n = len(run)
    count = 0
    width = 1
    while width < n:
        merged = []
        append = merged.append
        for lo in range(0, n, 2 * width):
            left = run[lo:lo + width]
            right = run[lo + width:lo + 2 * width]
            if not right:
                merged.extend(left)
                continue
            if left[-1] <= right[0]:  # already in order: nothing inverted
                merged.extend(left)
                merged.extend(right)
                continue
            i = j = 0
            nl, nr = len(left), len(right)
            while i < nl and j < nr:
                if right[j] < left[i]:
                    append(right[j])
                    count += nl - i
                    j += 1
                else:
                    append(left[i])
                    i += 1
            merged.extend(left[i:])
            merged.extend(right[j:])
        run = merged
        width *= 2
    return count
