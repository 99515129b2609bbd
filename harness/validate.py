"""`hpceval validate`: for every task, the reference passes, the baseline passes, and known-broken code fails."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from harness.evaluate import evaluate
from harness.pipeline import static_sources
from sandbox.base import Sandbox, Verdict
from tasks.loader import Pack, Task


@dataclass
class Check:
    task_id: str
    solution: str  # reference | baseline | broken
    verdict: Verdict
    message: str

    @property
    def holds(self) -> bool:
        if self.solution == "broken":
            return self.verdict not in (Verdict.ok, Verdict.infra_error)
        return self.verdict == Verdict.ok


def _solutions(pack: Pack, task: Task) -> dict[str, str]:
    reference, baseline = static_sources([pack])
    broken = pack.problem_of(task).read("broken.cpp")
    return {"reference": reference(task), "baseline": baseline(task), "broken": broken}


def validate_tasks(
    pairs: list[tuple[Pack, Task]], sandbox: Sandbox, workers: int, on_done: Callable[[Check], None]
) -> list[Check]:
    def run_one(item: tuple[Pack, Task, str, str]) -> Check:
        pack, task, name, code = item
        evaluation = evaluate(sandbox, pack, task, code)
        check = Check(task.task_id, name, evaluation.verdict, evaluation.message)
        on_done(check)
        return check

    items = [(pack, task, name, code) for pack, task in pairs for name, code in _solutions(pack, task).items()]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(run_one, items))
