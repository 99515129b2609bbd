"""Loops of the coder (and the judge): `single` (one completion), `repair` (the coder sees its build errors,
failing checks and timings and revises, until the code passes or R rounds are spent), `coder-judge` (after
each round the judge returns one fix; the coder applies it; until the judge is satisfied or R rounds).
The harness evaluates each round and stores it with its `Transcript`, from which a loop resumes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from hpceval.agents.base import Completion, Message, Usage
from hpceval.agents.client import ChatModel
from hpceval.agents.extract import extract_code
from hpceval.agents.judge import judge_messages, parse_verdict
from hpceval.tasks.loader import Task

LoopKind = Literal["single", "repair", "coder-judge"]
LOOPS: tuple[LoopKind, ...] = ("single", "repair", "coder-judge")
CODER_SYSTEM = "You are an expert in high-performance computing who writes correct, fast C++."
LOG_CHARS = 4000


class Feedback(BaseModel):
    """What one evaluation tells the coder and the judge (built by the harness from an attempt)."""

    verdict: str
    message: str = ""
    log: str = ""  # build log and driver output
    threads: int = 1
    ranks: int = 1
    baseline_median_s: float | None = None
    candidate_median_s: float | None = None
    speedup: float | None = None
    counters: dict[str, float] = Field(default_factory=dict)

    def render(self) -> str:
        lines = [f"verdict: {self.verdict}" + (f" ({self.message})" if self.message else ""),
                 f"resources: {self.threads} thread(s) x {self.ranks} rank(s)"]
        if self.speedup is not None:
            lines.append(f"timings: baseline median {self.baseline_median_s:.6f} s, candidate median "
                         f"{self.candidate_median_s:.6f} s, speedup {self.speedup:.3f}x")
        else:
            lines.append("timings: none (the code did not pass its checks)")
        if self.counters:
            lines.append("profiler counters: " + ", ".join(f"{k}={v:g}" for k, v in sorted(self.counters.items())))
        else:
            lines.append("profiler counters: not available on this host")
        log = self.log if len(self.log) <= LOG_CHARS else "[...]\n" + self.log[-LOG_CHARS:]
        lines.append(f"build and check log:\n{log.strip() or '(empty)'}")
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


def revision_request(feedback: Feedback, fix: str | None) -> str:
    head = f"A reviewer asks for this change:\n{fix}\n\n" if fix else ""
    return (f"{head}Your code was compiled, checked and timed:\n{feedback.render()}\n\n"
            "Revise it. Answer with the complete code in one C++ code block, same signature, no `main`.")


class CoderLoop:
    def __init__(self, kind: LoopKind, rounds: int, coder: ChatModel, judge: ChatModel | None) -> None:
        self.kind = kind
        self.rounds = 1 if kind == "single" else max(1, rounds)
        self.coder = coder
        self.judge = judge

    def write(self, prompt: str, task: Task, sample: int, previous: Transcript | None) -> Turn:
        """The coder's code for the next round: from the prompt, or revising after `previous`.
        Raises CallFailed."""
        if previous is None:
            messages = [Message(role="system", content=CODER_SYSTEM), Message(role="user", content=prompt)]
        else:
            assert previous.next_message is not None, "revise only after a review"
            messages = [*previous.coder, Message(role="user", content=previous.next_message)]
        reply = self.coder.call(messages, sample)
        code = extract_code(reply.text, task.entry_point, task.signature)
        completion = Completion(text=reply.text, code=code, usage=reply.usage)
        return Turn(completion, [*messages, Message(role="assistant", content=reply.text)], {"coder": reply.usage})

    def review(self, transcript: Transcript, prompt: str, code: str | None, feedback: Feedback,
               sample: int) -> tuple[Transcript, Usage]:
        """Decide whether the loop goes on and what the coder is told next. Raises CallFailed (judge)."""
        last_round = transcript.round + 1 >= self.rounds
        if self.kind == "single" or last_round or (self.kind == "repair" and feedback.verdict == "ok"):
            return transcript.model_copy(update={"done": True, "next_message": None}), Usage()
        if self.kind == "repair" or self.judge is None or code is None:
            return transcript.model_copy(update={"next_message": revision_request(feedback, None)}), Usage()
        messages = judge_messages(prompt, code, feedback.render())
        reply = self.judge.call(messages, sample)
        verdict = parse_verdict(reply.text)
        update = {"judge": [*messages, Message(role="assistant", content=reply.text)], "fix": verdict.fix,
                  "done": verdict.done and feedback.verdict == "ok", "review_error": None}
        update["next_message"] = None if update["done"] else revision_request(feedback, verdict.fix or None)
        return transcript.model_copy(update=update), reply.usage
