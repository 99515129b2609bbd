def group_anagrams(words: list[str]) -> list[list[str]]:
    # one dict lookup per word, keyed by its sorted letters: O(total length x log) instead of a scan of groups
    groups: dict[str, list[str]] = {}
    for word in words:
        key = "".join(sorted(word))
        group = groups.get(key)
        if group is None:
            groups[key] = [word]
        else:
            group.append(word)
    result = [sorted(group) for group in groups.values()]
    result.sort()
    return result
