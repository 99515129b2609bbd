"""Numbers leased across the processes of one host (sandbox uids, Ray worker windows): an flock per number on
`<directory>/<number>.lock`, held while its file stays open, dropped by the kernel the moment its holder dies."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable
from pathlib import Path


def lease_free(directory: Path, candidates: Iterable[int], count: int) -> list[tuple[int, int]]:
    """The first `count` candidates no other process holds, each with the open file that holds it (close it to
    give the number back); fewer when not enough are free."""
    directory.mkdir(mode=0o755, parents=True, exist_ok=True)
    held: list[tuple[int, int]] = []
    for number in candidates:
        if len(held) == count:
            break
        fd = os.open(directory / f"{number}.lock", os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            continue
        held.append((number, fd))
    return held
