MOD = 10**9 + 7


def word_break_count(s: str, words: list[str]) -> int:
    # every word of the dictionary tried with startswith at every position: O(len(s) x len(words))
    n = len(s)
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(n):
        if ways[i]:
            for word in words:
                if s.startswith(word, i):
                    ways[i + len(word)] = (ways[i + len(word)] + ways[i]) % MOD
    return ways[n]
