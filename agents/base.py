"""What every agent is: a loop of rounds (one round for agents without a model) that turns a task's prompts
into answers, with its spending and the resources it holds."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, Field

from hpceval.tasks.loader import Task

if TYPE_CHECKING:
    from hpceval.agents.client import Meter
    from hpceval.agents.loops import Feedback, LoopKind, Transcript, Turn
    from hpceval.tasks.prompts import TaskPrompts


class Usage(BaseModel):
    """Tokens and dollars of one or more model calls. `cost_usd` is money spent: a cache hit costs 0."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0
    calls: int = 0  # calls made, cache hits included
    cached_calls: int = 0  # answered from the cache (no request sent)
    retries: int = 0  # requests retried after a 429, 5xx, timeout or dropped connection

    def __add__(self, other: Usage) -> Usage:
        return Usage(**{name: getattr(self, name) + getattr(other, name) for name in Usage.model_fields})


class Message(BaseModel):
    role: Literal["system", "user", "assistant"]
    content: str


class Completion(BaseModel):
    text: str  # the raw completion as the agent returned it
    answer: str | None  # the extracted answer (code, or a prediction), None when the completion holds none
    usage: Usage = Field(default_factory=Usage)


class AgentError(Exception):
    """The agent could not be built or could not answer; the message names the fix."""


class AgentLoop(Protocol):
    """Rounds of an agent: `write` the next answer, then `review` what the harness measured of it."""

    @property
    def kind(self) -> LoopKind: ...

    @property
    def rounds(self) -> int: ...

    def write(self, prompts: TaskPrompts, sample: int, previous: Transcript | None) -> Turn:
        """The next round's answer: from the prompts, or revising after `previous`. Raises CallFailed."""
        ...

    def review(self, transcript: Transcript, prompts: TaskPrompts, answer: str | None, feedback: Feedback,
               sample: int) -> tuple[Transcript, Usage]:
        """Whether the loop goes on, and what the coder is told next. Raises CallFailed."""
        ...


class Agent(Protocol):
    @property
    def spec(self) -> str: ...

    @property
    def loop(self) -> AgentLoop: ...

    @property
    def meter(self) -> Meter:
        """Money spent, against the run's cost limit."""
        ...

    @property
    def connections(self) -> int:
        """Model calls this agent may have in flight (0: it makes none)."""
        ...

    def samples_available(self, task: Task) -> int | None:
        """How many distinct samples this agent can give for the task (None: unlimited)."""
        ...

    def close(self) -> None:
        """Release connections, threads and caches; the harness calls it once, at the end of a run."""
        ...
