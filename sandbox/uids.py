"""Unprivileged uids for sandbox slots, leased across processes: two hpceval runs on one host must never share a
uid, or one's "kill every process of my uid" would kill the other's jobs (and RLIMIT_NPROC would be shared)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hpceval.sandbox.base import SandboxError
from hpceval.sandbox.leases import lease_free

LEASE_DIR = Path(tempfile.gettempdir()) / "hpceval-uids"
RANGE = 1000


class UidLease:
    """Holds `count` uids from [base, base + RANGE) for this object's lifetime (an flock per uid)."""

    def __init__(self, base: int, count: int) -> None:
        held = lease_free(LEASE_DIR, range(base, base + RANGE), count)
        self._fds: list[int] = [fd for _, fd in held]
        self.uids: list[int] = [uid for uid, _ in held]
        if len(self.uids) < count:
            self.release()
            raise SandboxError(f"no free sandbox uid in {base}-{base + RANGE - 1}: too many hpceval runs on this host")

    def release(self) -> None:
        for fd in self._fds:
            os.close(fd)  # closing drops the flock
        self._fds.clear()
