"""Builds made once per run: the outputs of a cacheable step (`Step.cache_key`, `Step.keep`) kept in the harness's
memory, keyed by the step's key and the sandbox's toolchain, and placed in a later job's work dir instead of
running the step again.

Only steps that build the harness's own files are cacheable (a problem's trusted driver, its worker stub's object):
they run before any of the candidate's code in their job, so what they made is read back before a candidate could
touch it, and it is never read back from a place a job can write. The cache lives as long as the sandbox object
(one CLI command): a new command builds each once again, with whatever toolchain it then finds.

With `shared`, a directory of the harness's own (mode 0700, out of every job's reach: see `share_builds`), the
processes of one node share their builds too: the Ray workers of a node (harness/ray_executor.py) build each trusted
step once per node and run, not once per worker process. A process that misses in memory takes an flock on the
step's key there; while another process builds it, it waits; then it reads the entry (a manifest of each file's
mode and sha256, written last by a rename) or, where there is none, builds it itself and writes it."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from hpceval.sandbox.base import Step, StepResult, Verdict

STALE_S = 24 * 3600  # a node's shared builds of a run whose directory has not changed for this long are removed
MAX_BYTES = 1 << 30  # past this much the cache stops keeping new builds (it never evicts: a run's set is bounded)


@dataclass(frozen=True)
class Kept:
    data: bytes
    mode: int  # the file's permission bits (an executable stays one)


class BuildCache:
    def __init__(self, toolchain: str, shared: Path | None = None) -> None:
        self.toolchain = toolchain
        self.shared = shared
        self._held: dict[str, int] = {}  # key -> the flock (in `shared`) this process holds while it builds the step
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
                    break
            building.wait()
        found = self._from_shared(key) if self.shared is not None else None
        with self._lock:
            if found is None:
                self.misses += 1
                return None
            self.hits += 1
            self._keep(key, found)
        self.release(step)
        return found

    def _keep(self, key: str, files: dict[str, Kept]) -> None:
        """Hold the files in memory (the caller holds the lock) when the cache has room."""
        size = sum(len(kept.data) for kept in files.values())
        if self._bytes + size <= MAX_BYTES and key not in self._entries:
            self._entries[key] = dict(files)
            self._bytes += size

    def store(self, step: Step, files: dict[str, Kept]) -> None:
        """Keep a built step's outputs (when they are all its `keep` files; in memory when the cache has room, in the
        node's directory when this process built them for the node), and release it."""
        if step.cache_key and sorted(files) == sorted(step.keep):
            key = self._key(step)
            with self._lock:
                self._keep(key, files)
                building = key in self._held  # this process holds the node's flock: it built the step
            if self.shared is not None and building:  # the node's other processes need it, room here or not
                self._to_shared(key, files)
        self.release(step)

    def release(self, step: Step) -> None:
        """The step that `lookup` left to the caller is done (built and stored, or not): wake the jobs waiting on it,
        in this process and, through the flock, in the node's other processes."""
        if not step.cache_key or not step.keep:
            return
        key = self._key(step)
        with self._lock:
            building = self._building.pop(key, None)
            held = self._held.pop(key, None)
        if held is not None:
            os.close(held)  # drops the flock
        if building is not None:
            building.set()

    # -- the node's shared directory ----------------------------------------------------------------------------

    def _from_shared(self, key: str) -> dict[str, Kept] | None:
        """The entry another process of the node wrote, waiting while one builds it; None: this process builds it
        and holds the key's flock until `release`."""
        assert self.shared is not None
        fd = os.open(self.shared / f"{key}.lock", os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)  # waits while another process of the node builds this step
        found = read_entry(self.shared / key)
        if found is not None:
            os.close(fd)
            return found
        # a torn or tampered entry goes (under the flock), so that the one this process builds can take its place
        shutil.rmtree(self.shared / key, ignore_errors=True)
        with self._lock:
            self._held[key] = fd
        return None

    def _to_shared(self, key: str, files: dict[str, Kept]) -> None:
        assert self.shared is not None
        staging = Path(tempfile.mkdtemp(prefix=".entry-", dir=self.shared))
        try:
            manifest = {}
            for index, (name, kept) in enumerate(sorted(files.items())):
                (staging / str(index)).write_bytes(kept.data)
                digest = hashlib.sha256(kept.data).hexdigest()
                manifest[name] = {"file": str(index), "mode": kept.mode, "sha256": digest}
            (staging / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
            os.rename(staging, self.shared / key)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)  # not shared: the other processes build it themselves


def read_entry(entry: Path) -> dict[str, Kept] | None:
    """A shared entry's files, each checked against the manifest's sha256; None when it is missing or does not
    match (then the step is built again)."""
    try:
        manifest = json.loads((entry / "manifest.json").read_text(encoding="utf-8"))
        files = {}
        for name, facts in manifest.items():
            data = (entry / str(facts["file"])).read_bytes()
            if hashlib.sha256(data).hexdigest() != facts["sha256"]:
                return None
            files[name] = Kept(data, int(facts["mode"]))
        return files
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def shared_directory(base: Path, run: str) -> Path:
    """The node's directory for the builds of one run: `base/run`, both of mode 0700 and the harness user's."""
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    if base.stat().st_uid != os.geteuid() or base.is_symlink():
        raise OSError(f"{base} belongs to another user")
    os.chmod(base, 0o700)
    for old in base.iterdir():  # the builds of runs that ended long ago
        try:
            if old.name != run and time.time() - old.stat().st_mtime > STALE_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            continue
    directory = base / run
    directory.mkdir(mode=0o700, exist_ok=True)
    return directory


def cached_result(step: Step) -> StepResult:
    """The result of a step whose outputs came from the cache."""
    return StepResult(name=step.name, kind=step.kind, verdict=Verdict.ok, message="cached: built earlier in this run")
