"""Agents that answer with what the pack ships: `reference` (the expert reference of the task) and `baseline`
(the baseline, the floor every model must beat). They make no model call and run one round."""

from __future__ import annotations

from collections.abc import Callable

from hpceval.agents.base import Completion
from hpceval.agents.client import Meter
from hpceval.agents.loops import AnswerLoop
from hpceval.tasks.loader import Task
from hpceval.tasks.prompts import TaskPrompts

SourceLookup = Callable[[Task], str]


class StaticAgent:
    connections = 0

    def __init__(self, spec: str, lookup: SourceLookup) -> None:
        self.spec = spec
        self._lookup = lookup
        self.meter = Meter()
        self.loop = AnswerLoop(self._answer)

    def _answer(self, prompts: TaskPrompts, sample: int) -> Completion:
        answer = self._lookup(prompts.task)
        return Completion(text=answer, answer=answer)

    def samples_available(self, task: Task) -> int | None:
        return None

    def close(self) -> None:
        pass
