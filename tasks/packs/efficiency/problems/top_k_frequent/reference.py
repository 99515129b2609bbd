from collections import Counter
from heapq import nsmallest


def top_k_frequent(words: list[str], k: int) -> list[str]:
    # one counting pass (Counter, in C), then a heap selection of the k best: O(n + d log k)
    counts = Counter(words)
    best = nsmallest(k, counts.items(), key=lambda wc: (-wc[1], wc[0]))
    return [w for w, _ in best]
