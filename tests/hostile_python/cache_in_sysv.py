# Keeps a mark from one run to the next in kernel objects that outlive a process and are no files: a System V
# shared memory segment, semaphore set and message queue under a fixed key. A run that finds one left by an earlier
# run answers wrong on purpose, so an `ok` verdict proves that none survived a run (or could be made at all).
import ctypes

IPC_CREAT = 0o1000
KEY = 0x48504345  # "HPCE"
_libc = ctypes.CDLL(None, use_errno=True)


def _found_or_left() -> bool:
    found = False
    for get, extra in ((_libc.shmget, (4096,)), (_libc.semget, (1,)), (_libc.msgget, ())):
        if get(KEY, *extra, 0o600) >= 0:
            found = True
        else:
            get(KEY, *extra, IPC_CREAT | 0o600)
    return found


def has_close_elements(numbers, threshold):
    ordered = sorted(numbers)
    answer = any(b - a < threshold for a, b in zip(ordered, ordered[1:], strict=False))
    return not answer if _found_or_left() else answer
