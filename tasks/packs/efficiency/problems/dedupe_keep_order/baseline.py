def dedupe_keep_order(items: list[int]) -> list[int]:
    # `x not in out` scans the output list: O(d) per element, O(n d) in all
    out: list[int] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out
