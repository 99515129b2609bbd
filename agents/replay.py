"""`replay:PATH`: samples read from a JSONL file, one `{"task_id": ..., "completion": ...}` per line
(`solution` is accepted for `completion`); several lines for a task are several samples, in file order."""

from __future__ import annotations

import json
from pathlib import Path

from hpceval.agents.base import AgentError, Completion
from hpceval.agents.client import Meter
from hpceval.agents.extract import extract_answer
from hpceval.agents.loops import AnswerLoop
from hpceval.tasks.loader import Task
from hpceval.tasks.prompts import TaskPrompts


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
    connections = 0

    def __init__(self, spec: str, path: Path) -> None:
        self.spec = spec
        self.path = path
        self.samples = read_replay_file(path)
        self.meter = Meter()
        self.loop = AnswerLoop(self._answer)

    def check_task_ids(self, known: set[str]) -> None:
        unknown = sorted(set(self.samples) - known)
        if unknown:
            raise AgentError(
                f"{self.path}: task_id {unknown[0]!r} (and {len(unknown) - 1} more) is not among the selected "
                "tasks; check --suite/--task or the ids (`hpceval list`)"
            )

    def samples_available(self, task: Task) -> int | None:
        return len(self.samples.get(task.task_id, []))

    def _answer(self, prompts: TaskPrompts, sample: int) -> Completion:
        text = self.samples[prompts.task.task_id][sample]
        return Completion(text=text, answer=extract_answer(text, prompts.answer))

    def close(self) -> None:
        pass
