def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    # keep the merged intervals in arrival order; each new interval absorbs every one it touches
    merged: list[tuple[int, int]] = []
    for start, end in intervals:
        kept = []
        for a, b in merged:
            if a <= end and start <= b:
                start, end = min(a, start), max(b, end)
            else:
                kept.append((a, b))
        kept.append((start, end))
        merged = kept
    return sorted(merged)
