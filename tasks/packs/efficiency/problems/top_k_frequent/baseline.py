def top_k_frequent(words: list[str], k: int) -> list[str]:
    # scans the whole list once per distinct word to count it: O(n d)
    counts = [(words.count(w), w) for w in set(words)]
    counts.sort(key=lambda cw: (-cw[0], cw[1]))
    return [w for _, w in counts[:k]]
