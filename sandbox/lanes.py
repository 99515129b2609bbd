"""The timing lane: timed steps run alone on the machine (or on their reserved cpuset)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class MachineLane:
    """A readers-writer lock over the machine: any number of shared steps (builds, checks) run together;
    an exclusive step (timing) waits for them to drain and runs alone. Waiting exclusives go first."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._shared = 0
        self._exclusive = False
        self._waiting_exclusive = 0

    @contextmanager
    def hold(self, exclusive: bool) -> Iterator[None]:
        with self._cond:
            if exclusive:
                self._waiting_exclusive += 1
                self._cond.wait_for(lambda: not self._exclusive and self._shared == 0)
                self._waiting_exclusive -= 1
                self._exclusive = True
            else:
                self._cond.wait_for(lambda: not self._exclusive and self._waiting_exclusive == 0)
                self._shared += 1
        try:
            yield
        finally:
            with self._cond:
                if exclusive:
                    self._exclusive = False
                else:
                    self._shared -= 1
                self._cond.notify_all()


class ReservedLane:
    """Timed steps run one at a time on a reserved cpuset; shared steps run on the other CPUs, unhindered."""

    def __init__(self) -> None:
        self._timing = threading.Lock()

    @contextmanager
    def hold(self, exclusive: bool) -> Iterator[None]:
        if not exclusive:
            yield
            return
        with self._timing:
            yield
