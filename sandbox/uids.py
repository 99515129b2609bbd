"""Unprivileged uids for sandbox slots, leased across processes: two hpceval runs on one host must never share a
uid, or one's "kill every process of my uid" would kill the other's jobs (and RLIMIT_NPROC would be shared)."""

from __future__ import annotations

import fcntl
import os
import tempfile
from pathlib import Path

from hpceval.sandbox.base import SandboxError

LEASE_DIR = Path(tempfile.gettempdir()) / "hpceval-uids"
RANGE = 1000


class UidLease:
    """Holds `count` uids from [base, base + RANGE) for this object's lifetime (an flock per uid)."""

    def __init__(self, base: int, count: int) -> None:
        LEASE_DIR.mkdir(mode=0o755, exist_ok=True)
        self._fds: list[int] = []
        self.uids: list[int] = []
        for uid in range(base, base + RANGE):
            if len(self.uids) == count:
                break
            fd = os.open(LEASE_DIR / f"{uid}.lock", os.O_CREAT | os.O_RDWR, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            self._fds.append(fd)
            self.uids.append(uid)
        if len(self.uids) < count:
            self.release()
            raise SandboxError(f"no free sandbox uid in {base}-{base + RANGE - 1}: too many hpceval runs on this host")

    def release(self) -> None:
        for fd in self._fds:
            os.close(fd)  # closing drops the flock
        self._fds.clear()
