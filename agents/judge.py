"""The judge: reads the coder's answer with its evaluation (build log, check results, timings, profiler
counters), and returns one concrete fix as JSON: {"fix": "...", "done": false}. Its system message and its view
of the task come from the task's pack (TaskPrompts)."""

from __future__ import annotations

import json
import re

from pydantic import BaseModel, ValidationError

from hpceval.agents.base import Message
from hpceval.tasks.prompts import TaskPrompts

JSON_OBJECT = re.compile(r"\{.*\}", re.S)


class JudgeVerdict(BaseModel):
    fix: str = ""
    done: bool = False


def judge_messages(prompts: TaskPrompts, answer: str, feedback: str) -> list[Message]:
    return [Message(role="system", content=prompts.judge_system),
            Message(role="user", content=prompts.judge_request(answer, feedback))]


def parse_verdict(text: str) -> JudgeVerdict:
    """The judge's JSON (bare, fenced, or inside prose); a reply without valid JSON is taken as the fix
    itself, so a chatty judge still helps and never crashes the loop."""
    for candidate in [text.strip(), *JSON_OBJECT.findall(text)]:
        try:
            data = json.loads(candidate)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict):
            try:
                verdict = JudgeVerdict.model_validate(data)
            except ValidationError:
                continue
            return JudgeVerdict(fix=verdict.fix.strip(), done=verdict.done or not verdict.fix.strip())
    return JudgeVerdict(fix=text.strip(), done=not text.strip())
