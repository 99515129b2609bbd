"""`hpceval validate`: for every task, the cases its kind's evaluator names hold: the reference passes and
known-wrong answers fail (for `kernel`: the broken solution, the baseline wherever the task asks for parallel
code (`wrong_model`), and on the serial task each near-miss mutant of `mutants.yaml`).

Timed steps run QUICK_TIMING unless asked for the packs' own timing: validation proves that the timed path holds
(timed outputs checked, no untimed work, the model used, the handshake small), not how fast the reference is; that
is a run's figure (`hpceval run --agent reference`, or `benchmarks/hpc_validate.py --table`)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

from hpceval.harness.evaluate import evaluate, make_ready
from hpceval.sandbox.base import Sandbox, Verdict
from hpceval.tasks.kinds import Measurement, ValidationCase
from hpceval.tasks.loader import Pack, Task
from hpceval.tasks.schema import Timing

# a warm-up and two timed pairs (a run takes 5 to 25): three fresh timed inputs checked, every check of the timed path
QUICK_TIMING = Timing(warmup=1, min_reps=2, max_reps=2, budget_s=2.0, ci_width=0.0)


@dataclass
class Check:
    task_id: str
    solution: str  # reference | baseline | broken | mutant:<name>
    verdict: Verdict
    message: str
    expected: Verdict | None = None  # None: any failing verdict
    failed: bool = False  # the verdict held, but a further condition of the case did not (see `message`)
    measurement: Measurement | None = None  # what the job measured (the reference's speedup, for one)

    @property
    def holds(self) -> bool:
        if self.failed:
            return False
        if self.expected is None:
            return self.verdict not in (Verdict.ok, Verdict.infra_error, Verdict.skipped_no_gpu)
        if self.expected == Verdict.ok and self.verdict == Verdict.skipped_no_gpu:
            return True  # it built and passed the symbol policy; its checks need a GPU (counted apart)
        return self.verdict == self.expected

    @property
    def expectation(self) -> str:
        return "a failing verdict" if self.expected is None else self.expected.value


def solutions(pack: Pack, task: Task) -> list[ValidationCase]:
    return pack.evaluator.validation_cases(pack, task)


def in_turn(pairs: list[tuple[Pack, Task]]) -> list[tuple[Pack, Task]]:
    """The pairs reordered round-robin over their problems: the first task of each problem, then the second, ..."""
    by_problem: dict[tuple[str, str], list[tuple[Pack, Task]]] = {}
    for pack, task in pairs:
        by_problem.setdefault((pack.name, task.problem), []).append((pack, task))
    queues = list(by_problem.values())
    return [queue[i] for i in range(max(map(len, queues), default=0)) for queue in queues if i < len(queue)]


def validate_tasks(
    pairs: list[tuple[Pack, Task]], sandbox: Sandbox, workers: int, on_done: Callable[[Check], None],
    full_timing: bool = False, on_cases: Callable[[int], None] = lambda _count: None,
) -> list[Check]:
    """Every validation case of every task, at most `workers` at once; `full_timing`: time with the packs' own
    repeats (as a run does) instead of QUICK_TIMING. Each task is made ready first (its kind's tests or ground
    truth, which its cases may need): a task that cannot be is one failing `setup` check. `on_cases` hears how many
    checks there are once that is known."""
    if not full_timing:
        quick = {id(pack): replace(pack, timing_override=QUICK_TIMING) for pack, _ in pairs}
        pairs = [(quick[id(pack)], task) for pack, task in pairs]

    def run_one(item: tuple[Pack, Task, ValidationCase]) -> Check:
        pack, task, solution = item
        outcome = evaluate(sandbox, pack, task, solution.answer)
        check = Check(task.task_id, solution.name, outcome.verdict, outcome.message, solution.expected,
                      measurement=outcome.measurement)
        if check.holds and solution.also is not None and check.verdict != Verdict.skipped_no_gpu:
            failure = solution.also(outcome)
            if failure:
                check.message, check.failed = failure, True
        on_done(check)
        return check

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        # problems taken in turn: a kind makes a problem's setup once for many of its tasks, so neighbours in the
        # task list would wait on each other while other problems' setups could run beside them
        reasons = dict(pool.map(lambda pair: (pair[1].task_id, make_ready(sandbox, *pair)), in_turn(pairs)))
        not_ready = [reasons[task.task_id] for _, task in pairs]
        unready = [Check(task.task_id, "setup", Verdict.infra_error, why, Verdict.ok)
                   for (_, task), why in zip(pairs, not_ready, strict=True) if why is not None]
        items = [(pack, task, solution) for (pack, task), why in zip(pairs, not_ready, strict=True) if why is None
                 for solution in solutions(pack, task)]
        on_cases(len(items) + len(unready))
        for check in unready:
            on_done(check)
        return unready + list(pool.map(run_one, items))
