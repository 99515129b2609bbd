"""`replay:PATH`: samples made elsewhere.

* JSONL, one `{"task_id": ..., "completion": ...}` per line (`solution` is accepted for `completion`, so
  EvalPlus's sample files load); several lines for a task are several samples, in file order. A task id that is
  no hpceval task id but the name of exactly one selected task's problem (EvalPlus's `HumanEval/0` for
  `enamel/HumanEval/0`) means that task.
* JSON, ENAMEL's sample files: a list in dataset order, one list of full-solution strings per dataset row;
  row i goes to the task whose problem came from row i (rows without a task, such as ENAMEL's unscored
  problems, are skipped)."""

from __future__ import annotations

import json
from pathlib import Path

from hpceval.agents.base import AgentError, Completion
from hpceval.agents.client import Meter
from hpceval.agents.extract import extract_answer
from hpceval.agents.loops import AnswerLoop
from hpceval.tasks.loader import Task
from hpceval.tasks.prompts import TaskPrompts

ROW = "#"  # key prefix of a sample list given by dataset row (ENAMEL's JSON)


def _read_rows(path: Path) -> dict[str, list[str]]:
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise AgentError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}); write a list of lists of code "
                         "strings, or JSONL") from None
    if not isinstance(rows, list) or not all(isinstance(r, list) and all(isinstance(c, str) for c in r)
                                             for r in rows):
        raise AgentError(f"{path}: a JSON sample file is a list (in dataset order) of lists of code strings, "
                         "as ENAMEL writes them")
    return {f"{ROW}{index}": list(row) for index, row in enumerate(rows) if row}


def read_replay_file(path: Path) -> dict[str, list[str]]:
    if not path.is_file():
        raise AgentError(f"replay file {path} not found; pass an existing JSONL or JSON file as replay:PATH")
    with path.open(encoding="utf-8") as handle:
        if handle.read(4096).lstrip().startswith("["):
            return _read_rows(path)
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

    def check_task_ids(self, tasks: list[Task]) -> None:
        """Key every sample by its task's id (see the module docstring); refuse samples for no selected task."""
        known = {task.task_id for task in tasks}
        by_row = {task.source_index: task.task_id for task in tasks if task.source_index is not None}
        problems: dict[str, list[str]] = {}
        for task in tasks:
            problems.setdefault(task.problem, []).append(task.task_id)
        resolved: dict[str, list[str]] = {}
        unknown = []
        for key, texts in self.samples.items():
            if key.startswith(ROW) and key[1:].isdigit():
                if not by_row:
                    raise AgentError(f"{self.path}: a list of sample lists by dataset row needs a suite read from a "
                                     "dataset (--suite enamel --dataset ...); write JSONL with task ids otherwise")
                if int(key[1:]) in by_row:
                    resolved.setdefault(by_row[int(key[1:])], []).extend(texts)
                continue
            target = key if key in known else (problems[key][0] if len(problems.get(key, [])) == 1 else None)
            if target is None:
                unknown.append(key)
            else:
                resolved.setdefault(target, []).extend(texts)
        unknown.sort()
        if unknown:
            raise AgentError(
                f"{self.path}: task_id {unknown[0]!r} (and {len(unknown) - 1} more) is not among the selected "
                "tasks; check --suite/--task or the ids (`hpceval list`)"
            )
        self.samples = resolved

    def samples_available(self, task: Task) -> int | None:
        return len(self.samples.get(task.task_id, []))

    def _answer(self, prompts: TaskPrompts, sample: int) -> Completion:
        text = self.samples[prompts.task.task_id][sample]
        return Completion(text=text, answer=extract_answer(text, prompts.answer))

    def close(self) -> None:
        pass
