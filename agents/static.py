"""Agents that answer with code the pack ships: `reference` (the expert reference of the task's execution
model) and `baseline` (the sequential baseline, the floor every model must beat)."""

from __future__ import annotations

from collections.abc import Callable

from hpceval.agents.base import Completion, GenerationRequest
from hpceval.tasks.loader import Task

SourceLookup = Callable[[Task], str]


class StaticAgent:
    def __init__(self, spec: str, lookup: SourceLookup) -> None:
        self.spec = spec
        self._lookup = lookup

    def samples_available(self, task: Task) -> int | None:
        return None

    def generate(self, request: GenerationRequest) -> Completion:
        code = self._lookup(request.task)
        return Completion(text=code, code=code)
