MOD = 10**9 + 7


def word_break_count(s: str, words: list[str]) -> int:
    # a trie of the words: from each reachable position, walk s down the trie and stop as soon as no word
    # continues, so the work per position is bounded by the longest matching prefix, not by len(words)
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True  # end of a word ("" never clashes with a letter)
    n = len(s)
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(n):
        here = ways[i]
        if not here:
            continue
        node = root
        j = i
        while j < n:
            node = node.get(s[j])
            if node is None:
                break
            j += 1
            if "" in node:
                ways[j] = (ways[j] + here) % MOD
    return ways[n]
