# Tries to leave files behind (a cache for the next call, a mark outside its dir). It answers correctly only
# when every write failed, so its `ok` verdict is the test's proof that none got through (the job's /tmp and
# home are private: the harness could not look there afterwards).
import os

MARKS = ["/tmp/hpceval-hostile-mark", os.path.expanduser("~/hpceval-hostile-mark"), "hpceval-hostile-mark"]


def has_close_elements(numbers, threshold):
    stored = 0
    for mark in MARKS:
        try:
            with open(mark, "w") as handle:
                handle.write("cached answer")
            stored += 1
        except OSError:
            pass
    ordered = sorted(numbers)
    answer = any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False))
    return answer if stored == 0 else not answer
