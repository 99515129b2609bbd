"""What every agent is: something that turns a generation request into a completion."""

from __future__ import annotations

from typing import Literal, Protocol

from pydantic import BaseModel, Field

from hpceval.tasks.loader import Task


class GenerationRequest(BaseModel):
    task: Task
    prompt: str
    sample: int
    seed: int = 0


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
    code: str | None  # the extracted code, None when the completion holds none
    usage: Usage = Field(default_factory=Usage)


class AgentError(Exception):
    """The agent could not be built or could not answer; the message names the fix."""


class Agent(Protocol):
    spec: str

    def samples_available(self, task: Task) -> int | None:
        """How many distinct samples this agent can give for the task (None: unlimited)."""
        ...

    def generate(self, request: GenerationRequest) -> Completion: ...
