# Tries to leave files behind (a cache for the next call, a mark outside its dir), then answers correctly.
import os

MARKS = ["/tmp/hpceval-hostile-mark", os.path.expanduser("~/hpceval-hostile-mark"), "hpceval-hostile-mark"]


def has_close_elements(numbers, threshold):
    for mark in MARKS:
        try:
            with open(mark, "w") as handle:
                handle.write("cached answer")
        except OSError:
            pass
    ordered = sorted(numbers)
    return any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False))
