def pair_sum_count(a: list[int], t: int) -> int:
    # tries every pair: O(n^2)
    n = len(a)
    count = 0
    for i in range(n):
        for j in range(i + 1, n):
            if a[i] + a[j] == t:
                count += 1
    return count
