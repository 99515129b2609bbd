"""The run's log: `hpceval.log` in the run dir, at `--log-level`, appended to by every command that resumes
the run. The terminal keeps its own display (harness/progress.py); the log is for later reading."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hpceval import __version__
from hpceval.harness.records import RunConfig

LOG_NAME = "hpceval.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


@contextmanager
def run_log(out: Path, level: str, config: RunConfig) -> Iterator[Path]:
    """Log every `hpceval.*` record at `level` or above to `<out>/hpceval.log` while the block runs."""
    path = out / LOG_NAME
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level.upper())
    root = logging.getLogger("hpceval")
    previous = root.level
    root.addHandler(handler)
    root.setLevel(min(handler.level, previous or logging.WARNING))
    log = logging.getLogger("hpceval.run")
    log.info("hpceval %s: %s on %s, config %s", __version__, config.agent, config.suite,
             config.model_dump_json(exclude_defaults=True))
    try:
        yield path
    finally:
        log.info("run ends")
        root.removeHandler(handler)
        root.setLevel(previous)
        handler.close()
