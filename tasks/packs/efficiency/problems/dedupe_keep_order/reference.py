def dedupe_keep_order(items: list[int]) -> list[int]:
    # dict keys keep the order of first insertion and are hashed: one O(n) pass, done in C
    return list(dict.fromkeys(items))
