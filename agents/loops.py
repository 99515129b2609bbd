"""Loops of the coder (and the judge): `single` (one completion), `repair` (the coder sees its build errors,
failing checks and timings and revises, until the code passes or R rounds are spent), `coder-judge` (after
each round the judge returns one fix; the coder applies it; until the judge is satisfied or R rounds).
The harness evaluates each round and stores it with its `Transcript`, from which a loop resumes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from hpceval.agents.base import Completion, Message, Usage
from hpceval.agents.client import ChatModel
from hpceval.agents.extract import extract_answer
from hpceval.agents.judge import judge_messages, parse_verdict
from hpceval.tasks.prompts import TaskPrompts

LoopKind = Literal["single", "repair", "coder-judge"]
LOOPS: tuple[LoopKind, ...] = ("single", "repair", "coder-judge")
LOG_CHARS = 4000


class Feedback(BaseModel):
    """What one evaluation tells the coder and the judge (built by the harness from an attempt; `details` are
    the task kind's lines about what it measured)."""

    verdict: str
    message: str = ""
    log: str = ""  # build log and step output
    details: list[str] = Field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.verdict == "ok"

    @property
    def unjudgeable(self) -> bool:
        """Nothing was checked or timed (a GPU task in a sandbox without a GPU): another round cannot learn more."""
        return self.verdict == "skipped_no_gpu"

    def render(self) -> str:
        lines = [f"verdict: {self.verdict}" + (f" ({self.message})" if self.message else ""), *self.details]
        log = self.log if len(self.log) <= LOG_CHARS else "[...]\n" + self.log[-LOG_CHARS:]
        lines.append(f"evaluation log:\n{log.strip() or '(empty)'}")
        return "\n".join(lines)


class Transcript(BaseModel):
    """Stored as an artifact per round: everything needed to inspect the round and to resume after it."""

    loop: LoopKind
    round: int
    coder: list[Message]  # the coder's conversation, through this round's reply
    judge: list[Message] = Field(default_factory=list)  # this round's review, reply included
    fix: str | None = None
    next_message: str | None = None  # what the coder is told next round; None when done or review pending
    done: bool = False
    review_error: str | None = None


@dataclass
class Turn:
    completion: Completion
    coder_messages: list[Message]
    roles: dict[str, Usage] = field(default_factory=dict)


class CoderLoop:
    def __init__(self, kind: LoopKind, rounds: int, coder: ChatModel, judge: ChatModel | None) -> None:
        self.kind = kind
        self.rounds = 1 if kind == "single" else max(1, rounds)
        self.coder = coder
        self.judge = judge

    def write(self, prompts: TaskPrompts, sample: int, previous: Transcript | None) -> Turn:
        """The coder's answer for the next round: from the prompt, or revising after `previous`.
        Raises CallFailed."""
        if previous is None:
            messages = [Message(role="system", content=prompts.coder_system),
                        Message(role="user", content=prompts.prompt)]
        else:
            assert previous.next_message is not None, "revise only after a review"
            messages = [*previous.coder, Message(role="user", content=previous.next_message)]
        reply = self.coder.call(messages, sample)
        completion = Completion(text=reply.text, answer=extract_answer(reply.text, prompts.answer), usage=reply.usage)
        return Turn(completion, [*messages, Message(role="assistant", content=reply.text)], {"coder": reply.usage})

    def review(self, transcript: Transcript, prompts: TaskPrompts, answer: str | None, feedback: Feedback,
               sample: int) -> tuple[Transcript, Usage]:
        """Decide whether the loop goes on and what the coder is told next. Raises CallFailed (judge)."""
        last_round = transcript.round + 1 >= self.rounds
        if self.kind == "single" or last_round or (self.kind == "repair" and feedback.passed) or feedback.unjudgeable:
            return transcript.model_copy(update={"done": True, "next_message": None}), Usage()
        if self.kind == "repair" or self.judge is None or answer is None:
            return transcript.model_copy(update={"next_message": prompts.revision(feedback.render(), None)}), Usage()
        messages = judge_messages(prompts, answer, feedback.render())
        reply = self.judge.call(messages, sample)
        verdict = parse_verdict(reply.text)
        update = {"judge": [*messages, Message(role="assistant", content=reply.text)], "fix": verdict.fix,
                  "done": verdict.done and feedback.passed, "review_error": None}
        update["next_message"] = None if update["done"] else prompts.revision(feedback.render(), verdict.fix or None)
        return transcript.model_copy(update=update), reply.usage


class AnswerLoop:
    """The one round of an agent without a model (reference, baseline, replay): `answer(prompts, sample)` gives
    the completion; the review always ends the loop."""

    kind: LoopKind = "single"
    rounds: int = 1

    def __init__(self, answer: Callable[[TaskPrompts, int], Completion]) -> None:
        self._answer = answer

    def write(self, prompts: TaskPrompts, sample: int, previous: Transcript | None) -> Turn:
        completion = self._answer(prompts, sample)
        return Turn(completion, [Message(role="user", content=prompts.prompt),
                                 Message(role="assistant", content=completion.text)])

    def review(self, transcript: Transcript, prompts: TaskPrompts, answer: str | None, feedback: Feedback,
               sample: int) -> tuple[Transcript, Usage]:
        return transcript.model_copy(update={"done": True, "next_message": None}), Usage()
