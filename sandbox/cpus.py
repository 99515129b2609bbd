"""The CPUs of this process, and keeping the harness itself off the CPUs reserved for timed steps.

`--timing-cpus` gives timed steps CPUs of their own: the sandbox pins every other step elsewhere, and
`keep_off` moves every thread of this process (the harness: its scheduler, JSON, the sealing of tests that can
be a hundred megabytes) off them too. Left alone, the kernel put the harness's threads on the reserved CPU
whenever the others were busy, and a timed run stalled 0.3-0.5 ms every few dozen runs."""

from __future__ import annotations

import os

_STARTED_WITH: list[int] | None = None  # this process's CPUs before keep_off narrowed them


def process_cpus() -> list[int]:
    """The CPUs this process may use, as it started (keep_off does not shrink this)."""
    return list(_STARTED_WITH) if _STARTED_WITH is not None else sorted(os.sched_getaffinity(0))


def keep_off(reserved: list[int]) -> list[int]:
    """Every thread of this process, and what it starts from now on, runs on its CPUs but `reserved`; the CPUs it
    keeps (none moved where that would leave none)."""
    global _STARTED_WITH
    started = process_cpus()
    allowed = [cpu for cpu in started if cpu not in reserved]
    if not allowed:
        return started
    _STARTED_WITH = started
    for tid in os.listdir("/proc/self/task"):
        try:
            os.sched_setaffinity(int(tid), allowed)
        except (OSError, ValueError):
            pass  # a thread that ended meanwhile
    return allowed
