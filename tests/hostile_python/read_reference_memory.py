# An answer's job times the expert reference beside the answer, in a zygote of its own that gets the reference in a
# memfd. This answer finds that process and tries its descriptors (the memfd) and its memory (/proc/PID/mem) for the
# reference's code, which it could then run at no effort. It answers correctly only when it could read none of them,
# so its `ok` proves them out of its reach (the reference's zygote makes itself undumpable).
import os


def _reference_zygotes() -> list[int]:
    found = []
    for name in os.listdir("/proc"):
        try:
            with open(f"/proc/{name}/cmdline", "rb") as handle:
                argv = handle.read().split(b"\0")
        except OSError:
            continue
        if any(arg.endswith(b"worker.py") for arg in argv) and any(arg.startswith(b"@") for arg in argv):
            found.append(int(name))
    return found


def _readable(pid: int) -> bool:
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                with open(f"/proc/{pid}/fd/{fd}", "rb") as handle:
                    if b"has_close_elements" in handle.read(1 << 20):
                        return True
            except OSError:
                pass
    except OSError:
        pass
    try:
        with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as memory:
            for line in maps:
                span, perms = line.split()[:2]
                if not perms.startswith("rw"):
                    continue
                start, end = (int(x, 16) for x in span.split("-"))
                try:
                    memory.seek(start)
                    if b"has_close_elements" in memory.read(min(end - start, 64 << 20)):
                        return True
                except OSError:
                    continue
    except OSError:
        pass
    return False


def has_close_elements(numbers, threshold):
    ordered = sorted(numbers)
    answer = any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False))
    return not answer if any(_readable(pid) for pid in _reference_zygotes()) else answer
