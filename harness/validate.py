"""`hpceval validate`: for every task, the reference passes and known-wrong code fails: the broken solution,
the baseline wherever the task asks for parallel code (`wrong_model`), and on the serial task of every problem
each near-miss mutant (`mutants.yaml`: a skipped iteration, a lower precision, a missed boundary)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from hpceval.harness.evaluate import evaluate
from hpceval.harness.pipeline import static_sources
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.tasks.loader import Pack, Task


@dataclass
class Check:
    task_id: str
    solution: str  # reference | baseline | broken | mutant:<name>
    verdict: Verdict
    message: str
    expected: Verdict | None = None  # None: any failing verdict

    @property
    def holds(self) -> bool:
        if self.expected is None:
            return self.verdict not in (Verdict.ok, Verdict.infra_error)
        return self.verdict == self.expected

    @property
    def expectation(self) -> str:
        return "a failing verdict" if self.expected is None else self.expected.value


@dataclass(frozen=True)
class Solution:
    name: str
    code: str
    expected: Verdict | None


def solutions(pack: Pack, task: Task) -> list[Solution]:
    reference, baseline = static_sources([pack])
    problem = pack.problem_of(task)
    baseline_verdict = Verdict.ok if task.execution_model == "serial" else Verdict.wrong_model
    out = [
        Solution("reference", reference(task), Verdict.ok),
        Solution("baseline", baseline(task), baseline_verdict),
        Solution("broken", problem.read("broken.cpp"), None),
    ]
    if task.execution_model == "serial":  # near misses are about the checks, the same in every model
        out += [Solution(f"mutant:{name}", code, None) for name, code in problem.mutants().items()]
    return out


def validate_tasks(
    pairs: list[tuple[Pack, Task]], sandbox: Sandbox, workers: int, on_done: Callable[[Check], None]
) -> list[Check]:
    def run_one(item: tuple[Pack, Task, Solution]) -> Check:
        pack, task, solution = item
        evaluation = evaluate(sandbox, pack, task, solution.code)
        check = Check(task.task_id, solution.name, evaluation.verdict, evaluation.message, solution.expected)
        on_done(check)
        return check

    items = [(pack, task, solution) for pack, task in pairs for solution in solutions(pack, task)]
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(run_one, items))
