"""Run results as a pandas DataFrame, for analysis in a notebook or a script.

    import hpceval.results
    df = hpceval.results.load(["runs/a", "runs/b"])
    df[df.final].groupby(["run_id", "execution_model"])["measurement.speedup"].median()

One row per attempt: every round of every (task, sample) of every run dir, the latest record of a round (as
`hpceval score` reads them). The columns, in this order:

- `run_dir` (the path as given) and `run_id` (from `run.json`);
- the attempt's core fields (`CORE_FIELDS`: task_id, sample, round, ..., verdict as a plain string, ...);
- `seconds` (finished_at - started_at) and `final` (True on the round that counts for the scores of its
  sample, `hpceval.harness.scoring.kept_round`);
- `reused_from.sample`, `reused_from.round`: where the attempt took over the outcome of an identical answer
  evaluated before in its run (harness/reuse.py), else None;
- `usage.<field>` (tokens and dollars of the round, all roles);
- `measurement.<key>`, the task kind's measurement, nested dicts flattened with dots
  (`measurement.untimed_cpu_s.load`) and lists kept as Python lists (`measurement.baseline_times`);
- `roles.<role>.<field>` (usage per role: coder, judge).

Core, `seconds`, `final`, `reused_from.*` and `usage.*` columns are always there, also in an empty frame; the
measurement and role columns are the ones the runs hold, sorted by name (missing values are NaN).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd  # type: ignore[import-untyped]

from hpceval.agents.base import Usage
from hpceval.harness.records import Attempt
from hpceval.harness.scoring import kept_round
from hpceval.harness.store import RunStore

__all__ = ["CORE_FIELDS", "FIXED_COLUMNS", "load"]

CORE_FIELDS = (
    "task_id", "sample", "round", "suite", "pack", "problem", "problem_type", "kind", "execution_model", "agent",
    "judge", "verdict", "message", "built", "answer_sha", "log_sha", "transcript_sha", "fingerprint_sha",
    "loop_done", "origin", "started_at", "finished_at", "schema_version",
)
FIXED_COLUMNS = ("run_dir", "run_id", *CORE_FIELDS, "seconds", "final", "reused_from.sample", "reused_from.round",
                 *(f"usage.{name}" for name in Usage.model_fields))
_FLATTENED = ("measurement", "roles")  # prefixes of the columns that depend on what the runs hold


def load(paths: str | Path | Iterable[str | Path], *, final_only: bool = False) -> pd.DataFrame:
    """The attempts of one run dir (a path) or several (an iterable of paths) as one DataFrame, one row per
    attempt (see the module's doc for the columns). `final_only`: only the rounds that count for the scores,
    one per (task, sample). A path that is not a run dir raises `hpceval.harness.errors.UserError`."""
    dirs = [paths] if isinstance(paths, str | Path) else list(paths)
    rows = [row for path in dirs for row in _run_rows(Path(path), final_only)]
    extra = sorted({key for row in rows for key in row if key.startswith(_FLATTENED)})
    return pd.DataFrame.from_records(rows, columns=[*FIXED_COLUMNS, *extra])


def _run_rows(path: Path, final_only: bool) -> list[dict[str, Any]]:
    store = RunStore(path)
    run_id = store.read_manifest().run_id
    rows = []
    for rounds in RunStore.rounds(store.read_attempts()).values():
        kept = kept_round(rounds)
        for attempt in rounds:
            if attempt is kept or not final_only:
                rows.append(_row(attempt, str(path), run_id, final=attempt is kept))
    return rows


def _row(attempt: Attempt, run_dir: str, run_id: str, final: bool) -> dict[str, Any]:
    data = attempt.model_dump(mode="json")  # the verdict as its string, nested models as dicts
    row: dict[str, Any] = {"run_dir": run_dir, "run_id": run_id, **{name: data[name] for name in CORE_FIELDS}}
    row["seconds"] = _seconds(attempt.started_at, attempt.finished_at)
    row["final"] = final
    reused = data.get("reused_from") or {}
    row["reused_from.sample"], row["reused_from.round"] = reused.get("sample"), reused.get("round")
    for prefix in ("usage", "measurement", "roles"):
        row.update(_flatten(data[prefix] or {}, prefix))
    return row


def _flatten(values: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in values.items():
        name = f"{prefix}.{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name))
        else:
            out[name] = value
    return out


def _seconds(started: str, finished: str) -> float | None:
    try:
        return (datetime.fromisoformat(finished) - datetime.fromisoformat(started)).total_seconds()
    except (TypeError, ValueError):  # a timestamp an importer could not give (or naive next to aware)
        return None
