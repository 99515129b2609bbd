"""The call cache: SQLite in the user cache dir (HPCEVAL_CACHE_DIR overrides), shared by all runs. A key is
the hash of provider, model, endpoint, sampling settings, messages and the sample index, so n samples of
one prompt stay n distinct calls and a re-run sends no request at all."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel

from hpceval.agents.base import Message

CACHE_ENV = "HPCEVAL_CACHE_DIR"
SCHEMA = """CREATE TABLE IF NOT EXISTS calls (
    key TEXT PRIMARY KEY, model TEXT NOT NULL, reply TEXT NOT NULL, created_at TEXT NOT NULL)"""


def cache_dir() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "hpceval"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hpceval"


class CachedReply(BaseModel):
    text: str
    prompt_tokens: int
    completion_tokens: int


class CacheStats(BaseModel):
    path: str
    entries: int
    bytes: int
    by_model: dict[str, int]


def call_key(model: str, endpoint: str | None, sampling: str, messages: list[Message], sample: int) -> str:
    payload = json.dumps(
        {"model": model, "endpoint": endpoint or "", "sampling": sampling, "sample": sample,
         "messages": [m.model_dump() for m in messages]},
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


class CallCache:
    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or cache_dir()) / "calls.sqlite"
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)
            self._db = db
        return self._db

    def get(self, key: str) -> CachedReply | None:
        with self._lock:
            row = self._connect().execute("SELECT reply FROM calls WHERE key = ?", (key,)).fetchone()
        return CachedReply.model_validate_json(row[0]) if row else None

    def put(self, key: str, model: str, reply: CachedReply) -> None:
        with self._lock:
            self._connect().execute(
                "INSERT OR REPLACE INTO calls (key, model, reply, created_at) VALUES (?, ?, ?, ?)",
                (key, model, reply.model_dump_json(), datetime.now(UTC).isoformat(timespec="seconds")),
            )

    def stats(self) -> CacheStats:
        if not self.path.exists():
            return CacheStats(path=str(self.path), entries=0, bytes=0, by_model={})
        with self._lock:
            rows = self._connect().execute("SELECT model, COUNT(*) FROM calls GROUP BY model ORDER BY model").fetchall()
        size = sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))
        return CacheStats(path=str(self.path), entries=sum(n for _, n in rows), bytes=size,
                          by_model={model: n for model, n in rows})

    def clear(self, model: str | None = None) -> int:
        """Delete the entries (of one `provider:model`, or all); the number deleted."""
        if not self.path.exists():
            return 0
        with self._lock:
            db = self._connect()
            cursor = db.execute("DELETE FROM calls WHERE model = ?", (model,)) if model else db.execute(
                "DELETE FROM calls")
            db.execute("VACUUM")
        return cursor.rowcount

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
