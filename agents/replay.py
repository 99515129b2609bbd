"""`replay:PATH`: samples read from a JSONL file, one `{"task_id": ..., "completion": ...}` per line
(`solution` is accepted for `completion`); several lines for a task are several samples, in file order."""

from __future__ import annotations

import json
from pathlib import Path

from hpceval.agents.base import AgentError, Completion, GenerationRequest
from hpceval.agents.extract import extract_code
from hpceval.tasks.loader import Task


def read_replay_file(path: Path) -> dict[str, list[str]]:
    if not path.is_file():
        raise AgentError(f"replay file {path} not found; pass an existing JSONL file as replay:PATH")
    samples: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise AgentError(f"{path}:{number}: not valid JSON ({exc.msg}); write one JSON object a line") from None
            if not isinstance(record, dict) or not isinstance(record.get("task_id"), str):
                raise AgentError(
                    f'{path}:{number}: needs a string "task_id"; write {{"task_id": ..., "completion": ...}}'
                )
            text = record.get("completion", record.get("solution"))
            if not isinstance(text, str):
                raise AgentError(f'{path}:{number}: needs a string "completion" (or "solution")')
            samples.setdefault(record["task_id"], []).append(text)
    if not samples:
        raise AgentError(f"replay file {path} holds no samples; write one JSON object a line")
    return samples


class ReplayAgent:
    def __init__(self, spec: str, path: Path) -> None:
        self.spec = spec
        self.path = path
        self.samples = read_replay_file(path)

    def check_task_ids(self, known: set[str]) -> None:
        unknown = sorted(set(self.samples) - known)
        if unknown:
            raise AgentError(
                f"{self.path}: task_id {unknown[0]!r} (and {len(unknown) - 1} more) is not among the selected "
                "tasks; check --suite/--task or the ids (`hpceval list`)"
            )

    def samples_available(self, task: Task) -> int | None:
        return len(self.samples.get(task.task_id, []))

    def generate(self, request: GenerationRequest) -> Completion:
        text = self.samples[request.task.task_id][request.sample]
        return Completion(text=text, code=extract_code(text, request.task.entry_point, request.task.signature))
