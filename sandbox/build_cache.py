"""Builds made once per run: the outputs of a cacheable step (`Step.cache_key`, `Step.keep`) kept in the harness's
memory, keyed by the step's key and the sandbox's toolchain, and placed in a later job's work dir instead of
running the step again.

Only steps that build the harness's own files are cacheable (a problem's trusted driver, its worker stub's object):
they run before any of the candidate's code in their job, so what they made is read back before a candidate could
touch it, and it is never read back from a place a job can write. The cache lives as long as the sandbox object
(one CLI command): a new command builds each once again, with whatever toolchain it then finds."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass

from hpceval.sandbox.base import Step, StepResult, Verdict

MAX_BYTES = 1 << 30  # past this much the cache stops keeping new builds (it never evicts: a run's set is bounded)


@dataclass(frozen=True)
class Kept:
    data: bytes
    mode: int  # the file's permission bits (an executable stays one)


class BuildCache:
    def __init__(self, toolchain: str) -> None:
        self.toolchain = toolchain
        self._entries: dict[str, dict[str, Kept]] = {}
        self._bytes = 0
        self._lock = threading.Lock()
        self._building: dict[str, threading.Event] = {}  # keys a job is building now
        self.hits = 0
        self.misses = 0

    def _key(self, step: Step) -> str:
        return hashlib.sha256(f"{self.toolchain}\0{step.cache_key}\0{step.keep}".encode()).hexdigest()

    def lookup(self, step: Step) -> dict[str, Kept] | None:
        """The kept outputs of an earlier run of this step, or None: then the caller builds it and must call
        `store` or `release` (a step without a key is never cached). While another job builds the same step, this
        waits for it rather than build it a second time, and builds it itself if that build stored nothing."""
        if not step.cache_key or not step.keep:
            return None
        key = self._key(step)
        while True:
            with self._lock:
                found = self._entries.get(key)
                if found is not None:
                    self.hits += 1
                    return found
                building = self._building.get(key)
                if building is None:
                    self._building[key] = threading.Event()
                    self.misses += 1
                    return None
            building.wait()

    def store(self, step: Step, files: dict[str, Kept]) -> None:
        """Keep a built step's outputs (when they are all its `keep` files and the cache has room), and release it."""
        if step.cache_key and sorted(files) == sorted(step.keep):
            size = sum(len(kept.data) for kept in files.values())
            with self._lock:
                if self._bytes + size <= MAX_BYTES and self._key(step) not in self._entries:
                    self._entries[self._key(step)] = dict(files)
                    self._bytes += size
        self.release(step)

    def release(self, step: Step) -> None:
        """The step that `lookup` left to the caller is done (built and stored, or not): wake the jobs waiting on it."""
        if not step.cache_key or not step.keep:
            return
        with self._lock:
            building = self._building.pop(self._key(step), None)
        if building is not None:
            building.set()


def cached_result(step: Step) -> StepResult:
    """The result of a step whose outputs came from the cache."""
    return StepResult(name=step.name, kind=step.kind, verdict=Verdict.ok, message="cached: built earlier in this run")
