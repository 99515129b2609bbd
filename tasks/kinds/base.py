"""What a task kind is: the `Evaluator` protocol, and the small types it trades with the harness.

A pack names its `kind` in pack.yaml. The kind's evaluator owns everything kind- and language-specific: the
schema of `problem.yaml`, how a problem expands into tasks, which answer an agent gives (code or a prediction),
the sandbox job that measures an answer, and how that job's result becomes a verdict and a measurement. The
harness only calls the protocol below, so a new kind (see docs/architecture.md) never touches `harness/`.
Evaluators describe jobs and read results; the sandbox runs them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

from hpceval.sandbox.base import Job, JobResult, Sandbox, Verdict

if TYPE_CHECKING:
    from hpceval.tasks.loader import Pack, Problem, Task

StaticAnswer = Literal["reference", "baseline"]


class AnswerKind(StrEnum):
    code = "code"              # a program or function; a completion without one is `no_code`
    prediction = "prediction"  # what a program does; nothing is built from it


class Measurement(BaseModel):
    """A kind's measurement of one answer, stored in every attempt next to its common core. Kinds subclass it;
    records keep the subclass's fields (extra fields are allowed so that a run dir loads without the kind's
    code). The fields here are the ones scoring reads across kinds."""

    model_config = ConfigDict(extra="allow")
    speedup: float | None = None  # baseline time / answer time, where the kind times answers
    cores: int = 1  # cores the answer ran on (efficiency = speedup / cores)
    suspect: bool = False  # speedup above `speedup_bound`: capped there when scored
    speedup_bound: float | None = None
    efficiency: float | None = None  # ENAMEL's per-sample score (1 = the expert reference), where the kind has it
    level_efficiency: list[float] | None = None  # its per-level parts e_l


@dataclass(frozen=True)
class Prepared:
    """A sandbox job for one answer, and what only the evaluator may know about it (e.g. a result key)."""

    job: Job
    secret: str = ""


@dataclass
class Outcome:
    """The evaluator's reading of a job's result."""

    verdict: Verdict
    message: str = ""
    built: bool = False  # the answer compiled (build@k); a prediction counts as built when it was read
    log: str = ""  # what the coder and judge may read: build log, step outputs
    measurement: Measurement | None = None


class SetupError(Exception):
    """What a task needs before any answer can be measured (tests, the reference's times) could not be made: the
    pack's or the machine's fault, never the answer's (the attempt is an infra_error)."""


Timer = Literal["wall", "instructions"]
TIMERS: tuple[Timer, ...] = ("wall", "instructions")


def timers_of(evaluator: object) -> tuple[Timer, ...]:
    """The timers an evaluator's measurements can use (its `timers`; an evaluator without one times by wall)."""
    return getattr(evaluator, "timers", ("wall",))


def timer_arguments(settings: MeasureSettings) -> dict[str, Timer]:
    """The keyword `prepare` and `ready` get for `settings.timer` (none for wall: evaluators without `timers`
    keep their plain signature)."""
    return {} if settings.timer == "wall" else {"timer": settings.timer}


@dataclass(frozen=True)
class Sweep:
    """A scaling sweep (`--threads`, `--ranks`): the thread and rank counts each answer is also timed at."""

    threads: tuple[int, ...] = ()
    ranks: tuple[int, ...] = ()


def sweeps(evaluator: object) -> bool:
    """Whether an evaluator's `prepare` takes a `sweep` (its `sweeps` is true; kernel tasks)."""
    return bool(getattr(evaluator, "sweeps", False))


def sweep_arguments(settings: MeasureSettings) -> dict[str, Sweep]:
    """The keyword `prepare` gets for a sweep (none without one: evaluators that cannot sweep keep their
    plain signature)."""
    if not settings.threads and not settings.ranks:
        return {}
    return {"sweep": Sweep(threads=settings.threads, ranks=settings.ranks)}


def counter_arguments(evaluator: object, settings: MeasureSettings) -> dict[str, bool]:
    """The keyword `prepare` gets when a run asks for profiler counters and the kind can give them (`profiles`);
    none otherwise, so evaluators that cannot profile keep their plain signature."""
    return {"counters": True} if settings.counters and getattr(evaluator, "profiles", False) else {}


@dataclass(frozen=True)
class MeasureSettings:
    """What a run asks of every measurement (the same for all its tasks)."""

    run_timeout_s: float | None = None  # overrides the pack's wall-clock limit of run steps
    timer: Timer = "wall"  # what a run costs: wall time, or retired instructions (kinds that list it in `timers`)
    threads: tuple[int, ...] = ()  # a scaling sweep (kinds whose evaluator `sweeps`)
    ranks: tuple[int, ...] = ()
    # profiler counters of each answer's call, for the judge (kinds whose evaluator `profiles`)
    counters: bool = False


@dataclass(frozen=True)
class ValidationCase:
    """An answer `hpceval validate` evaluates, and the verdict it must get (None: any failing verdict)."""

    name: str  # reference | baseline | broken | mutant:<name> | ...
    answer: str
    expected: Verdict | None
    also: Callable[[Outcome], str | None] | None = None  # once the verdict holds: what else fails it (a message)


@runtime_checkable
class Evaluator(Protocol):
    kind: ClassVar[str]
    answers: ClassVar[AnswerKind]
    problem_spec: ClassVar[type[BaseModel]]  # the schema of this kind's problem.yaml
    measurement: ClassVar[type[Measurement]]

    def expand(self, pack: Pack, problem: Problem) -> list[Task]:
        """The tasks of one problem (e.g. one per execution model)."""
        ...

    def check_pack(self, pack: Pack) -> None:
        """Raise PackError when the pack's files do not fit this kind (checked once, when it loads)."""
        ...

    def host_problem(self, pack: Pack, tasks: list[Task]) -> str | None:
        """Why these tasks cannot run on this host outside a container (a missing compiler), with the fix."""
        ...

    def static_answer(self, pack: Pack, task: Task, which: StaticAnswer) -> str:
        """The pack's own answer: its expert reference, or its baseline (the floor every model must beat)."""
        ...

    def prompt_context(self, pack: Pack, task: Task) -> Mapping[str, object]:
        """Variables for the pack's prompt templates, besides `task`, `problem` and `pack`."""
        ...

    def prepare(self, pack: Pack, task: Task, answer: str, run_timeout_s: float | None) -> Prepared:
        """The sandbox job that measures `answer`. `run_timeout_s` overrides the pack's limit of run steps. An
        evaluator whose `timers` list more than "wall" also takes `timer=` (keyword), given only when not wall."""
        ...

    def interpret(self, pack: Pack, task: Task, answer: str, prepared: Prepared, result: JobResult) -> Outcome:
        """The verdict, message and measurement of a finished job."""
        ...

    def feedback(self, measurement: Measurement | None) -> list[str]:
        """Lines that tell the coder and the judge what was measured (timings, resources, counters)."""
        ...

    def validation_cases(self, pack: Pack, task: Task) -> list[ValidationCase]:
        """What `hpceval validate` proves for the task: the reference passes, known-wrong answers fail."""
        ...


@runtime_checkable
class NeedsSetup(Protocol):
    """An evaluator that makes something once per task and machine before measuring answers (the `function`
    kind: tests and the reference's times, cached). The harness calls `ready` before every `prepare`."""

    def ready(self, pack: Pack, task: Task, sandbox: Sandbox, machine: str) -> None:
        """Make what the task needs on the machine whose fingerprint hashes to `machine`; raise SetupError. (With
        `timer=` as for `prepare`.)"""
        ...
