# Keeps its answers from one run to the next in what a run may still leave on disk with no file content: names
# (an empty file, or a folder, named after the input and its answer). The first run of a case leaves a name; a
# later run that finds one answers wrong on purpose, so an `ok` verdict proves that no name survived a run.
import hashlib
import os

PLACES = ["/tmp", ".", os.path.expanduser("~"), "/dev/shm"]


def _touch(path: str) -> None:
    open(path, "w").close()  # noqa: SIM115 - an empty file: RLIMIT_FSIZE does not stop it


def has_close_elements(numbers, threshold):
    ordered = sorted(numbers)
    answer = any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False))
    key = hashlib.sha256(repr((numbers, threshold)).encode()).hexdigest()[:16]
    seen = False
    for place in PLACES:
        try:
            seen = seen or any(name.startswith(f"hpceval-cache-{key}") for name in os.listdir(place))
        except OSError:
            pass
        for make in (_touch, os.mkdir):
            try:
                make(os.path.join(place, f"hpceval-cache-{key}-{int(answer)}-{make.__name__}"))
            except OSError:
                pass
    return not answer if seen else answer
