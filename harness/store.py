"""The run store: a run dir with `run.json`, append-only `attempts.jsonl`, `artifacts/`, `summary.json`, and
`run.lock`, which the one run writing the dir holds.

`attempts.jsonl` is written one whole line per `os.write` on an `O_APPEND` descriptor and fsynced, so a
`kill -9` leaves at most a torn last line, which `open` cuts off. The last record for a
(task, sample, round) wins; `infra_error` records do not count as finished and are retried on resume.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import threading
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from hpceval.harness.errors import UserError
from hpceval.harness.records import Attempt, NewerSchema, RunManifest, Summary, migrate_attempt, migrate_manifest
from hpceval.sandbox.base import Verdict

SHA_CHARS = 20


def content_sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogateescape")).hexdigest()[:SHA_CHARS]


class RunStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.artifacts = self.root / "artifacts"
        self.attempts_path = self.root / "attempts.jsonl"
        self.manifest_path = self.root / "run.json"
        self.summary_path = self.root / "summary.json"
        self._lock = threading.Lock()
        self.lock_path = self.root / "run.lock"
        self.fingerprint_sha: str | None = None  # the machine this process measures on (set by open_run)
        self._lock_fd: int | None = None

    # -- ownership ------------------------------------------------------------------------------------
    def acquire(self) -> None:
        """Own the run dir for this process: an flock on `run.lock`, released when the process ends however it
        ends. A second run into the same dir is refused with the pid and host of the one writing it."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # what the early --out check cannot foresee (/proc, a full or read-only mount)
            raise UserError(f"--out {self.root}: cannot create the run dir ({exc.strerror}); pass a directory "
                            "you can write") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode(errors="replace").strip() or "unknown"
            os.close(fd)
            raise UserError(f"{self.root} is being written by another hpceval run ({holder}); wait for it to end "
                            "or use another --out") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}\n".encode())
        self._lock_fd = fd

    def release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing drops the flock
            self._lock_fd = None

    # -- manifest -------------------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.manifest_path.is_file()

    def read_manifest(self) -> RunManifest:
        if not self.manifest_path.is_file():
            raise UserError(f"{self.root} is not a run dir (no run.json); pass the --out of an `hpceval run`")
        try:
            return RunManifest.model_validate(migrate_manifest(_json_object(self.manifest_path.read_bytes())))
        except NewerSchema as exc:
            raise UserError(f"{self.manifest_path}: {exc}") from None
        except (ValidationError, ValueError) as exc:
            message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise UserError(f"{self.manifest_path}: malformed ({message}); restore or remove it") from None

    def write_manifest(self, manifest: RunManifest) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.artifacts.mkdir(exist_ok=True)
        _atomic_write(self.manifest_path, manifest.model_dump_json(indent=2))

    # -- attempts -------------------------------------------------------------------------------------
    def read_attempts(self, repair: bool = False) -> list[Attempt]:
        """All well-formed records; a torn last line (from a kill) is dropped, and cut off if `repair`."""
        if not self.attempts_path.is_file():
            return []
        data = self.attempts_path.read_bytes()
        records: list[Attempt] = []
        good_end = 0
        offset = 0
        for line, raw in enumerate(data.split(b"\n"), start=1):  # JSON escapes newlines: one record per line
            if offset + len(raw) == len(data):
                break  # after the last newline: empty, or a torn write
            offset += len(raw) + 1
            try:
                records.append(Attempt.model_validate(migrate_attempt(_json_object(raw))))
            except NewerSchema as exc:
                raise UserError(f"{self.attempts_path}:{line}: {exc}") from None
            except (ValidationError, ValueError) as exc:
                message = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
                raise UserError(
                    f"{self.attempts_path}:{line}: malformed record ({message}); remove that line and re-run"
                ) from None
            good_end = offset
        if repair and good_end < len(data):
            with open(self.attempts_path, "r+b") as handle:
                handle.truncate(good_end)
        return records

    def append_attempt(self, attempt: Attempt) -> None:
        line = (attempt.model_dump_json() + "\n").encode()
        with self._lock:
            fd = os.open(self.attempts_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)

    @staticmethod
    def latest(attempts: list[Attempt]) -> dict[tuple[str, int, int], Attempt]:
        latest: dict[tuple[str, int, int], Attempt] = {}
        for attempt in attempts:
            latest[(attempt.task_id, attempt.sample, attempt.round)] = attempt
        return latest

    @staticmethod
    def rounds(attempts: list[Attempt]) -> dict[tuple[str, int], list[Attempt]]:
        """The latest record of every round of every (task, sample), rounds in order."""
        by_sample: dict[tuple[str, int], list[Attempt]] = {}
        for key, attempt in sorted(RunStore.latest(attempts).items()):
            by_sample.setdefault((key[0], key[1]), []).append(attempt)
        return by_sample

    @staticmethod
    def finished_keys(attempts: list[Attempt]) -> set[tuple[str, int]]:
        """Samples whose last round is not an infra error and ended their loop."""
        return {
            key
            for key, rounds in RunStore.rounds(attempts).items()
            if rounds[-1].verdict != Verdict.infra_error and rounds[-1].loop_done
        }

    # -- artifacts ------------------------------------------------------------------------------------
    def put_artifact(self, text: str, suffix: str) -> str:
        sha = content_sha(text)
        path = self.artifacts / f"{sha}{suffix}"
        if not path.exists():
            self.artifacts.mkdir(parents=True, exist_ok=True)
            _atomic_write(path, text)
        return sha

    def artifact_path(self, sha: str) -> Path | None:
        return next(iter(sorted(self.artifacts.glob(f"{sha}.*"))), None)

    def read_artifact(self, sha: str) -> str:
        path = self.artifact_path(sha)
        if path is None:
            raise UserError(f"{self.artifacts}: artifact {sha} is missing; restore it or start a new --out")
        return path.read_text(encoding="utf-8", errors="surrogateescape")

    # -- summary --------------------------------------------------------------------------------------
    def write_summary(self, summary: Summary) -> None:
        _atomic_write(self.summary_path, summary.model_dump_json(indent=2))


def _json_object(raw: bytes) -> dict[str, Any]:
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data


def _atomic_write(path: Path, text: str) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temp.write_text(text, encoding="utf-8", errors="surrogateescape")
    os.replace(temp, path)
