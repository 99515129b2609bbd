"""The timing lane: timed steps run alone on the machine (or on their reserved cpuset), host-wide.

The lanes are `flock`s on files under /tmp/hpceval-lanes. A lock belongs to an open file description, so
threads of one process and other hpceval processes on the same host share one lane, and the kernel drops
a lock the moment its holder dies (even by `kill -9`)."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LANE_DIR = Path(tempfile.gettempdir()) / "hpceval-lanes"


def _open_lock(name: str) -> int:
    try:
        LANE_DIR.mkdir(exist_ok=True)
        if LANE_DIR.stat().st_uid == os.geteuid():
            os.chmod(LANE_DIR, 0o1777)  # users of one host share the lanes
        return os.open(LANE_DIR / name, os.O_RDONLY | os.O_CREAT, 0o644)
    except PermissionError:
        return os.open(LANE_DIR / name, os.O_RDONLY)  # created by another user; flock needs no write access


class MachineLane:
    """A readers-writer lock over the machine: any number of shared steps (builds, checks) run together;
    an exclusive step (timing) waits for them to drain and runs alone. A turnstile keeps new shared steps
    from starving an exclusive step that is waiting."""

    def __init__(self, name: str = "machine") -> None:
        self.name = name

    @contextmanager
    def hold(self, exclusive: bool) -> Iterator[None]:
        turnstile = _open_lock(f"{self.name}.turnstile")
        lane = _open_lock(f"{self.name}.lock")
        try:
            fcntl.flock(turnstile, fcntl.LOCK_EX)
            if exclusive:
                fcntl.flock(lane, fcntl.LOCK_EX)  # holding the turnstile: no new shared step gets in meanwhile
                fcntl.flock(turnstile, fcntl.LOCK_UN)
            else:
                fcntl.flock(turnstile, fcntl.LOCK_UN)
                fcntl.flock(lane, fcntl.LOCK_SH)
            yield
        finally:
            os.close(lane)  # closing the descriptor releases its lock
            os.close(turnstile)


class ReservedLane:
    """Timed steps run one at a time on a reserved cpuset; shared steps run on the other CPUs, unhindered."""

    def __init__(self, name: str) -> None:
        self.name = name

    @contextmanager
    def hold(self, exclusive: bool) -> Iterator[None]:
        if not exclusive:
            yield
            return
        lane = _open_lock(f"{self.name}.lock")
        try:
            fcntl.flock(lane, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lane)
