"""Evaluate one answer with its task's evaluator: the evaluator describes the sandbox job and reads its result;
the harness runs it. Nothing here knows a kind, a language or a step."""

from __future__ import annotations

from hpceval.harness.fingerprint import machine_key
from hpceval.sandbox.base import JobResult, Sandbox, Verdict
from hpceval.tasks.kinds import (
    MeasureSettings,
    NeedsSetup,
    Outcome,
    SetupError,
    counter_arguments,
    sweep_arguments,
    sweeps,
    timer_arguments,
    timers_of,
)
from hpceval.tasks.loader import Pack, Task


def make_ready(sandbox: Sandbox, pack: Pack, task: Task, settings: MeasureSettings | None = None) -> str | None:
    """Make what the task needs before any answer is written or measured (a NeedsSetup kind's tests and reference
    times, or its ground truth; cached, so cheap the second time): None, or why it could not (an infra_error)."""
    evaluator = pack.evaluator
    settings = settings or MeasureSettings()
    if not isinstance(evaluator, NeedsSetup) or settings.timer not in timers_of(evaluator):
        return None
    try:
        evaluator.ready(pack, task, sandbox, machine_key(sandbox), **timer_arguments(settings))
    except SetupError as exc:
        return str(exc)
    except OSError as exc:
        return f"sandbox failed: {exc}"
    return None


def evaluate(sandbox: Sandbox, pack: Pack, task: Task, answer: str,
             settings: MeasureSettings | None = None) -> Outcome:
    return evaluate_on(sandbox, pack, task, answer, settings)[0]


def evaluate_on(sandbox: Sandbox, pack: Pack, task: Task, answer: str,
                settings: MeasureSettings | None = None) -> tuple[Outcome, dict[str, object] | None]:
    """The outcome, and the fingerprint of the node that measured it when an executor ran the job elsewhere
    (`JobResult.node`; None: the sandbox's own machine)."""
    evaluator = pack.evaluator
    settings = settings or MeasureSettings()
    if settings.timer not in timers_of(evaluator):
        return Outcome(verdict=Verdict.infra_error, message=(
            f"{task.task_id} (kind {evaluator.kind}) cannot be measured by --timer {settings.timer}; "
            f"its timers: {', '.join(timers_of(evaluator))}")), None
    timer = timer_arguments(settings)
    sweep = sweep_arguments(settings) if sweeps(evaluator) else {}  # a kind that cannot sweep is timed as asked
    counters = counter_arguments(evaluator, settings)
    not_ready = make_ready(sandbox, pack, task, settings)
    if not_ready is not None:
        return Outcome(verdict=Verdict.infra_error, message=not_ready), None
    try:
        prepared = evaluator.prepare(pack, task, answer, settings.run_timeout_s, **timer, **sweep, **counters)
        # a job without steps (a prediction, scored against a truth made before) needs no sandbox
        result = sandbox.run(prepared.job) if prepared.job.steps else JobResult(verdict=Verdict.ok, steps=[])
    except SetupError as exc:
        return Outcome(verdict=Verdict.infra_error, message=str(exc)), None
    except OSError as exc:
        return Outcome(verdict=Verdict.infra_error, message=f"sandbox failed: {exc}"), None
    return evaluator.interpret(pack, task, answer, prepared, result), result.node
