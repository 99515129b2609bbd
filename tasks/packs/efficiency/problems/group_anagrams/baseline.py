def group_anagrams(words: list[str]) -> list[list[str]]:
    # each word is compared with the first word of every group so far, sorting both each time:
    # O(words x groups) sorts
    groups: list[list[str]] = []
    for word in words:
        for group in groups:
            if sorted(group[0]) == sorted(word):
                group.append(word)
                break
        else:
            groups.append([word])
    return sorted(sorted(group) for group in groups)
