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
        self.hits = 0
        self.misses = 0

    def _key(self, step: Step) -> str:
        return hashlib.sha256(f"{self.toolchain}\0{step.cache_key}\0{step.keep}".encode()).hexdigest()

    def lookup(self, step: Step) -> dict[str, Kept] | None:
        """The kept outputs of an earlier run of this step, or None (a step without a key is never cached)."""
        if not step.cache_key or not step.keep:
            return None
        with self._lock:
            found = self._entries.get(self._key(step))
            if found is None:
                self.misses += 1
            else:
                self.hits += 1
            return found

    def store(self, step: Step, files: dict[str, Kept]) -> None:
        if not step.cache_key or sorted(files) != sorted(step.keep):
            return
        size = sum(len(kept.data) for kept in files.values())
        with self._lock:
            if self._bytes + size <= MAX_BYTES and self._key(step) not in self._entries:
                self._entries[self._key(step)] = dict(files)
                self._bytes += size


def cached_result(step: Step) -> StepResult:
    """The result of a step whose outputs came from the cache."""
    return StepResult(name=step.name, kind=step.kind, verdict=Verdict.ok, message="cached: built earlier in this run")
