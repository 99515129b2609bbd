"""The tests and reference times of `function` problems, computed once and kept in the user cache dir
(HPCEVAL_CACHE_DIR overrides it, as for the call cache).

    <cache>/function/<tests key>/tests.b64                     inputs and expected outputs (any machine)
    <cache>/function/<tests key>/reference-<machine key>.json  the reference's run times on one machine

The tests key hashes the problem and the code that makes tests from it; the reference file's name adds the
machine's fingerprint and the code that times. Change any of them and the entry is simply not found."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from pydantic import BaseModel

from hpceval.tasks.kinds.base import Timer
from hpceval.tasks.kinds.function.jobs import GLUE, MEASURE_FILES, RUNTIME
from hpceval.tasks.kinds.function.schema import FunctionProblem

CACHE_ENV = "HPCEVAL_CACHE_DIR"


class ReferenceTimes(BaseModel):
    """The reference's net costs per call, `times_s[level][case][run]` (empty for untimed levels): seconds, or
    instructions where `timer` is instructions; `wall_s` the same runs' gross wall seconds; `echo_s` a run's
    exchange cost and `batch` its calls, per level and case. By wall clock an answer's job times the reference
    again beside the answer; these times set the answer's time limit. C++: `library_b64`, the built reference."""

    timer: Timer = "wall"
    times_s: list[list[list[float]]]
    echo_s: list[list[float]]
    wall_s: list[list[list[float]]] = []
    batch: list[list[int]] = []
    library_b64: str = ""
    generate_s: float = 0.0
    measured_at: str = ""

    def calls(self) -> list[int]:
        """The largest batch of each level (1 where a level runs single calls)."""
        return [max(level, default=1) for level in self.batch]


def cache_root() -> Path:
    """As agents/cache.py's place (tasks/ may not import agents/), plus `function`."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]) / "function"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hpceval" / "function"


def _digest(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()[:32]


@functools.cache
def _code_digest(names: tuple[str, ...]) -> str:
    """The runtime files' content (read once per process: they are part of the installed package)."""
    return _digest(*((RUNTIME / name).read_text() for name in names))


def tests_key(problem: FunctionProblem) -> str:
    """C++ answers come from the built reference, through the code that measures: it is part of the key too."""
    makers = ("generate.py", "gen_helpers.py", *((*MEASURE_FILES, GLUE) if problem.language == "cpp" else ()))
    return _digest(json.dumps(problem.trusted_view(), sort_keys=True), _code_digest(makers))


def timing_key(problem: FunctionProblem, machine: str, timer: str) -> str:
    return _digest(machine, timer, str(problem.reps), _code_digest((*MEASURE_FILES, GLUE)))


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".part-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(temporary, path)


class TestsCacheStats(BaseModel):
    path: str
    problems: int  # problems whose tests are cached
    reference_timings: int  # (problem, machine, timer) triples whose reference times are cached
    bytes: int


class TestsCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or cache_root()

    def stats(self) -> TestsCacheStats:
        entries = [d for d in self.root.iterdir() if d.is_dir()] if self.root.is_dir() else []
        files = [f for d in entries for f in d.iterdir() if f.is_file()]
        return TestsCacheStats(path=str(self.root), problems=sum((d / "tests.b64").is_file() for d in entries),
                               reference_timings=sum(f.name.startswith("reference-") for f in files),
                               bytes=sum(f.stat().st_size for f in files))

    def clear(self) -> int:
        """Delete every cached test set and reference timing; the number of problems removed."""
        removed = self.stats().problems
        if self.root.is_dir():
            shutil.rmtree(self.root)
        return removed

    def _tests_path(self, problem: FunctionProblem) -> Path:
        return self.root / tests_key(problem) / "tests.b64"

    def _reference_path(self, problem: FunctionProblem, machine: str, timer: str) -> Path:
        return self.root / tests_key(problem) / f"reference-{timing_key(problem, machine, timer)}.json"

    def has_tests(self, problem: FunctionProblem) -> bool:
        return self._tests_path(problem).is_file()

    def tests(self, problem: FunctionProblem) -> str | None:
        path = self._tests_path(problem)
        return path.read_text() if path.is_file() else None

    def reference(self, problem: FunctionProblem, machine: str, timer: str) -> ReferenceTimes | None:
        path = self._reference_path(problem, machine, timer)
        if not path.is_file():
            return None
        return ReferenceTimes.model_validate_json(path.read_text())

    def store(self, problem: FunctionProblem, machine: str, timer: str, tests_b64: str,
              reference: ReferenceTimes) -> None:
        _write_atomic(self._tests_path(problem), tests_b64)
        _write_atomic(self._reference_path(problem, machine, timer), reference.model_dump_json())
