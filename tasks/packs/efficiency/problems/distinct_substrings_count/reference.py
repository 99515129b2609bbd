def distinct_substrings_count(s: str) -> int:
    # suffix automaton: O(n) states built online; each state stands for len[v] - len[link[v]] distinct
    # substrings, so their sum is the answer
    length = [0]
    link = [-1]
    trans: list[dict[str, int]] = [{}]
    last = 0
    for ch in s:
        cur = len(length)
        length.append(length[last] + 1)
        link.append(0)
        trans.append({})
        p = last
        while p != -1 and ch not in trans[p]:
            trans[p][ch] = cur
            p = link[p]
        if p != -1:
            q = trans[p][ch]
            if length[p] + 1 == length[q]:
                link[cur] = q
            else:
                clone = len(length)
                length.append(length[p] + 1)
                link.append(link[q])
                trans.append(dict(trans[q]))
                while p != -1 and trans[p].get(ch) == q:
                    trans[p][ch] = clone
                    p = link[p]
                link[q] = clone
                link[cur] = clone
        last = cur
    return sum(length[v] - length[link[v]] for v in range(1, len(length)))
