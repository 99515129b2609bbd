"""The judge: reads the coder's code with its build log, check results, timings and profiler counters, and
returns one concrete fix as JSON: {"fix": "...", "done": false}."""

from __future__ import annotations

import json
import re

from pydantic import BaseModel, ValidationError

from hpceval.agents.base import Message

JUDGE_SYSTEM = """You review C++ code written for a high-performance computing task. You see the task, the code,
its build log, its correctness checks, its timings against a sequential baseline and profiler counters.
Find the single most valuable change: first anything that breaks the build or correctness, then the
biggest speed problem (parallelisation, memory access, vectorisation, load balance, communication).
Answer with JSON only: {"fix": "<one concrete change, specific enough to apply>", "done": false}.
Answer {"fix": "", "done": true} only when the code is correct and you see no worthwhile speed-up."""

JSON_OBJECT = re.compile(r"\{.*\}", re.S)


class JudgeVerdict(BaseModel):
    fix: str = ""
    done: bool = False


def judge_messages(task_prompt: str, code: str, feedback: str) -> list[Message]:
    user = (f"## Task given to the coder\n{task_prompt.strip()}\n\n## The coder's code\n```cpp\n{code.rstrip()}\n```"
            f"\n\n## Evaluation\n{feedback.strip()}\n\nReturn your one fix as JSON.")
    return [Message(role="system", content=JUDGE_SYSTEM), Message(role="user", content=user)]


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
