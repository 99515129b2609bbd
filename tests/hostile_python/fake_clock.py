# Freezes every clock the process can see, then takes its time: an in-process timer would read ~0 s.
import time

_frozen = time.perf_counter()
for _name in ("perf_counter", "time", "monotonic", "process_time"):
    setattr(time, _name, lambda: _frozen)
for _name in ("perf_counter_ns", "time_ns", "monotonic_ns"):
    setattr(time, _name, lambda: int(_frozen * 1e9))


def has_close_elements(numbers, threshold):
    start = time.perf_counter()
    _busy = time.sleep  # the real sleep still sleeps
    _busy(0.2)
    ordered = sorted(numbers)
    return any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False)) and start == time.perf_counter()
