"""One leaderboard row's source: what a run measured (its summary) and on what (packs, fingerprint, timer).
The harness makes an entry from a run dir; `leaderboards/results/*.json` are entries checked in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

ENTRY_SCHEMA = 1


class PackRef(BaseModel):
    name: str
    version: str
    suite: str
    content_hash: str


class Scores(BaseModel):
    """The parts of a run's `summary.json` a board shows."""

    model_config = ConfigDict(extra="ignore")
    metrics: dict[str, float]
    groups: dict[str, dict[str, float]] = Field(default_factory=dict)
    intervals: dict[str, dict[str, list[float]]] = Field(default_factory=dict)
    counts: dict[str, int] = Field(default_factory=dict)
    tasks: dict[str, dict[str, float]] = Field(default_factory=dict)
    labels: dict[str, dict[str, str]] = Field(default_factory=dict)
    k: list[int] = Field(default_factory=lambda: [1])
    n_tasks: int = 0
    n_attempts: int = 0
    notes: list[str] = Field(default_factory=list)
    usage: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @property
    def cost_usd(self) -> float:
        return float(self.usage.get("total", {}).get("cost_usd", 0.0) or 0.0)

    @property
    def solved(self) -> float:
        """Correct samples over all tasks."""
        return sum(values.get("passed", 0.0) for values in self.tasks.values())


class Entry(BaseModel):
    """A run as the board sees it."""

    model_config = ConfigDict(extra="forbid")
    entry_schema: int = ENTRY_SCHEMA
    run_id: str
    created_at: str
    hpceval_version: str
    git_revision: str | None = None
    suite: str
    dataset: str | None = None
    agent: str
    judge: str | None = None
    loop: str = "single"
    rounds: int = 1
    samples: int = 1
    seed: int = 0
    sandbox: str
    timer: str = "wall"
    packs: list[PackRef]
    fingerprint: dict[str, Any]
    scores: Scores

    @property
    def label(self) -> str:
        """The row's name: the agent, with its judge and loop when it has them."""
        agent = self.agent
        if agent.startswith("replay:"):  # a samples file: its name, not where it lay on the measuring machine
            agent = "replay:" + agent.removeprefix("replay:").replace("\\", "/").rsplit("/", 1)[-1]
        if self.judge:
            return f"{agent} + judge {self.judge} ({self.loop}, {self.rounds} rounds)"
        if self.loop != "single":
            return f"{agent} ({self.loop}, {self.rounds} rounds)"
        return agent


class BadEntry(ValueError):
    pass


def read_entries(folder: Path) -> list[Entry]:
    """Every `*.json` entry under `folder` (published results), in name order."""
    if not folder.is_dir():
        raise BadEntry(f"{folder}: no such folder of results; pass a folder of entries written by "
                       "`hpceval leaderboard publish`")
    return [read_entry(path) for path in sorted(folder.glob("*.json"))]


def read_entry(path: Path) -> Entry:
    try:
        data = json.loads(path.read_text())
    except (OSError, json.JSONDecodeError) as exc:
        raise BadEntry(f"{path}: not a readable JSON entry ({exc}); rewrite it with `hpceval leaderboard publish`") \
            from None
    if isinstance(data, dict) and int(data.get("entry_schema", 1)) > ENTRY_SCHEMA:
        raise BadEntry(f"{path}: entry_schema {data['entry_schema']} is newer than this hpceval reads "
                       f"({ENTRY_SCHEMA}); upgrade hpceval")
    try:
        return Entry.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise BadEntry(f"{path}: not a leaderboard entry ({where}: {first['msg']}); rewrite it with "
                       "`hpceval leaderboard publish RUN_DIR`") from None


def entry_file_name(entry: Entry) -> str:
    """A stable file name for a published entry: suite, agent and run id."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in f"{entry.suite}-{entry.label}")
    return f"{safe}-{entry.run_id}.json"
