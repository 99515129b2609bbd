"""The `function` kind: a Python function checked and timed over input levels against an expert reference, and
scored by ENAMEL's efficiency (docs/metrics.md). A problem carries everything in its spec (schema.py); the
`enamel` pack reads its problems from ENAMEL's dataset (dataset.py). One task per problem."""

from __future__ import annotations

import re
import shutil
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from statistics import median
from typing import ClassVar

from hpceval.metrics.enamel import enamel_level_scores, enamel_level_time
from hpceval.sandbox.base import JobResult, Sandbox, StepResult, Verdict
from hpceval.tasks.kinds.base import (
    TIMERS,
    AnswerKind,
    Measurement,
    Outcome,
    Prepared,
    SetupError,
    StaticAnswer,
    Timer,
    ValidationCase,
)
from hpceval.tasks.kinds.function.cache import ReferenceTimes, TestsCache
from hpceval.tasks.kinds.function.jobs import (
    GeneratedTests,
    ReferenceForAnswers,
    RunLimits,
    TrustedReport,
    answer_job,
    keyed_result,
    reference_job,
)
from hpceval.tasks.kinds.function.schema import FunctionProblem
from hpceval.tasks.loader import Pack, PackError, Problem, Task

COUNT_TOLERANCE = 1e6  # instructions added to the count limit (as tolerance_s to the time limit)
COUNTED_WALL_SLACK = 4.0  # a counted run's wall limit: this x alpha x the reference's slowest run under valgrind
VERDICTS = {v.value: v for v in Verdict}


class FunctionMeasurement(Measurement):
    timer: str = "wall"  # wall: the level times are seconds; instructions: they are instruction counts
    hardness: list[float] = []
    level_times_s: list[float | None] = []  # max over cases of the Hodges-Lehmann time over runs; None: not timed
    reference_level_times_s: list[float | None] = []
    limit_s: float | None = None  # a run's net time (or count) above this is censored
    censored_level: int | None = None  # the level where a run reached the limit (it and later levels score 0)
    runs: int = 0
    runs_remade: int = 0  # runs of either side made again because the machine stalled them (trusted.py)
    echo_median_us: float | None = None  # the exchange's own cost, subtracted from every run
    # "beside": the reference was timed in the answer's job, its runs interleaved with the answer's (wall clock);
    # "cached": its times (or counts) from its own job on this machine (instructions, which do not drift)
    reference_timed: str = "cached"
    calls_per_run: list[int] = []  # per level, the largest batch a timed run called the entry point on
    confined: bool = False  # the candidate's processes ran under the seccomp filter (runtime/confine.py)


def function_spec(problem: Problem) -> FunctionProblem:
    assert isinstance(problem.spec, FunctionProblem), f"{problem.path}: not a function problem"
    return problem.spec


def level_times(times_s: list[list[list[float]]], hardness: list[float]) -> list[float | None]:
    """Per level: ENAMEL's level time (Hodges-Lehmann over a case's runs, max over cases); None where untimed
    or not fully measured."""
    out: list[float | None] = []
    for index, weight in enumerate(hardness):
        cases = times_s[index] if index < len(times_s) else []
        complete = weight > 0 and bool(cases) and all(cases)
        out.append(enamel_level_time(cases) if complete else None)
    return out


def reference_beside(report: TrustedReport, cached: ReferenceTimes, hardness: list[float]) -> list[float | None]:
    """The reference's level times from its runs beside the answer's. A level the job did not finish (the answer
    failed or was censored before it) takes the cached time, scaled by the median ratio of the runs made beside the
    answer to the cached ones of the same cases (ENAMEL's time correction), so the time limit still sees every
    level."""
    beside = [level.times for level in report.reference or []]
    times = level_times(beside, hardness)
    ratios = [median(runs) / median(cached.times_s[level][case])
              for level, cases in enumerate(beside) for case, runs in enumerate(cases)
              if runs and level < len(cached.times_s) and case < len(cached.times_s[level])
              and cached.times_s[level][case]]
    factor = median(ratios) if ratios else 1.0
    stored = level_times(cached.times_s, hardness)
    return [own if own is not None else (None if old is None else old * factor)
            for own, old in zip(times + [None] * (len(hardness) - len(times)), stored, strict=True)]


def time_limit(problem: FunctionProblem, reference: list[float | None], timer: str = "wall") -> float:
    """ENAMEL's limit: alpha x the reference's slowest timed level, plus a tolerance (seconds or instructions)."""
    timed = [t for t, h in zip(reference, problem.hardness, strict=True) if h > 0 and t is not None]
    return problem.alpha * max(timed) + (COUNT_TOLERANCE if timer == "instructions" else problem.tolerance_s)


def run_limits(problem: FunctionProblem, reference: ReferenceTimes, run_timeout_s: float | None) -> RunLimits:
    """What ends an answer's run: by wall, the time limit (--timeout lowers it); counted, the count limit and a
    wall limit scaled from the reference's own runs under valgrind (--timeout replaces that)."""
    limit = time_limit(problem, level_times(reference.times_s, problem.hardness), reference.timer)
    if reference.timer != "instructions":
        return RunLimits("wall", min(limit, run_timeout_s) if run_timeout_s is not None else limit)
    slowest = max((run for level in reference.wall_s for case in level for run in case), default=1.0)
    seconds = run_timeout_s or COUNTED_WALL_SLACK * problem.alpha * slowest + 10.0
    return RunLimits("instructions", seconds, limit)


def slower_than_reference(outcome: Outcome, margin: float) -> str | None:
    """None when the answer's last timed level cost at least `margin` times the reference's (or reached the
    limit there): the reference is measurably faster. Else why not."""
    m = FunctionMeasurement.model_validate(outcome.measurement.model_dump()) if outcome.measurement else None
    if m is None or not m.level_times_s:
        return "no timings to compare with the reference's"
    top = max(index for index, weight in enumerate(m.hardness) if weight > 0)
    if m.censored_level is not None and m.censored_level <= top:
        return None
    own, reference = m.level_times_s[top], m.reference_level_times_s[top]
    if own is None or reference is None or reference <= 0:
        return "no timings of the top level to compare with the reference's"
    if own >= margin * reference:
        return None
    return (f"the reference is not measurably faster at the top level: the baseline costs {own / reference:.2f}x "
            f"the reference's {_cost_text(reference, m.timer)} (needs >= {margin:g}x); make the level larger")


BUILD_ERROR = re.compile(r"error|undefined reference|multiple definition")


def _first_error(stderr: str) -> str:
    """The compiler's or the linker's first error line (what a coder fixes first; collect2's summary says less)."""
    lines = [line.strip() for line in stderr.splitlines() if BUILD_ERROR.search(line)]
    return next((line for line in lines if not line.startswith("collect2")), lines[0] if lines else "")[:500]


def _cost_text(value: float, timer: str) -> str:
    return f"{value / 1e6:.3f} M instructions" if timer == "instructions" else f"{value * 1e3:.3f} ms"


class FunctionEvaluator:
    kind: ClassVar[str] = "function"
    answers: ClassVar[AnswerKind] = AnswerKind.code
    problem_spec: ClassVar[type[FunctionProblem]] = FunctionProblem
    measurement: ClassVar[type[FunctionMeasurement]] = FunctionMeasurement
    timers: ClassVar[tuple[Timer, ...]] = TIMERS

    def __init__(self) -> None:
        self.cache = TestsCache()
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._references: dict[tuple[str, str], ReferenceTimes] = {}  # (pack/problem, timer)

    def expand(self, pack: Pack, problem: Problem) -> list[Task]:
        spec = function_spec(problem)
        return [Task(task_id=f"{pack.name}/{spec.name}{spec.task_suffix(mode)}", suite=pack.spec.suite,
                     pack=pack.name, problem=spec.name, title=spec.title, problem_type=spec.problem_type,
                     kind=self.kind, execution_model="serial", mode=mode, language=spec.language,
                     entry_point=spec.entry_point, signature=spec.prompt, source_index=spec.source_index)
                for mode in spec.modes]

    def check_pack(self, pack: Pack) -> None:
        for problem in pack.problems.values():
            function_spec(problem)

    def host_problem(self, pack: Pack, tasks: list[Task]) -> str | None:
        if any(task.language == "cpp" for task in tasks) and shutil.which("g++") is None:
            return "C++ function tasks need g++ (apt-get install g++), or --sandbox docker"
        return None  # python3 is what runs hpceval

    def static_answer(self, pack: Pack, task: Task, which: StaticAnswer) -> str:
        spec = function_spec(pack.problem_of(task))
        if which == "reference":
            return spec.reference_module()
        if spec.baseline is None:
            raise PackError(f"{task.task_id} has no baseline solution (pack {pack.name}); use the reference agent")
        return spec.baseline

    def prompt_context(self, pack: Pack, task: Task) -> Mapping[str, object]:
        spec = function_spec(pack.problem_of(task))
        return {"prompt": spec.prompt, "entry_point": spec.entry_point, "sizes": spec.sizes, "mode": task.mode,
                "baseline": spec.baseline if task.mode == "optimize" else None}

    # --- tests and reference times: made once per problem (and machine), then cached -----------------------

    def ready(self, pack: Pack, task: Task, sandbox: Sandbox, machine: str, timer: Timer = "wall") -> None:
        """Make sure the task's tests and its reference's times (or counts) on `machine` are cached (runs a
        sandbox job the first time); raise SetupError when the reference fails its own tests."""
        problem = f"{pack.name}/{task.problem}"  # a problem's modes share its tests and reference times
        with self._guard:
            lock = self._locks.setdefault(problem, threading.Lock())
        with lock:
            if (problem, timer) in self._references:
                return
            spec = function_spec(pack.problem_of(task))
            reference = self.cache.reference(spec, machine, timer)
            if reference is None or not self.cache.has_tests(spec):
                reference = self._measure_reference(spec, sandbox, machine, task.task_id, timer)
            self._references[problem, timer] = reference

    def _measure_reference(self, spec: FunctionProblem, sandbox: Sandbox, machine: str, task_id: str,
                           timer: Timer) -> ReferenceTimes:
        keyed = reference_job(spec, timer)
        result = sandbox.run(keyed.job)
        generate, time = result.step("record") or result.step("generate"), result.step("time")
        generated = keyed_result(generate.stdout, keyed.result_key, GeneratedTests) if generate else None
        if generated is not None and generated.verdict != "ok":
            raise SetupError(f"{task_id}: the reference failed on its own inputs ({generated.message}); the pack is "
                             "broken")
        timed = keyed_result(time.stdout, keyed.result_key, TrustedReport) if time else None
        if generated is None or timed is None or timed.verdict != "ok":
            failed = next((s for s in result.steps if s.verdict != Verdict.ok), None)
            why = (timed.message if timed else "") or (failed and _step_failure(failed)) or "no result"
            raise SetupError(f"{task_id}: the reference failed its own tests ({why}); the pack or dataset is broken")
        reference = ReferenceTimes(timer=timer, times_s=[level.times for level in timed.levels], echo_s=timed.echo_s,
                                   wall_s=[level.wall_s for level in timed.levels], batch=timed.batch,
                                   library_b64=generated.library_b64, generate_s=generated.generate_s,
                                   measured_at=datetime.now(UTC).isoformat(timespec="seconds"))
        self.cache.store(spec, machine, timer, generated.tests_b64, reference)
        return reference

    def _reference_of(self, task: Task, timer: str) -> ReferenceTimes:
        try:
            return self._references[f"{task.pack}/{task.problem}", timer]
        except KeyError:
            raise SetupError(f"{task.task_id}: evaluate it through hpceval.harness.evaluate (it makes the tests "
                             "first)") from None

    # --- one answer -----------------------------------------------------------------------------------------

    def prepare(self, pack: Pack, task: Task, answer: str, run_timeout_s: float | None,
                timer: Timer = "wall") -> Prepared:
        spec = function_spec(pack.problem_of(task))
        reference = self._reference_of(task, timer)
        tests = self.cache.tests(spec)
        if tests is None:
            raise SetupError(f"{task.task_id}: its cached tests vanished from {self.cache.root}; run again")
        keyed = answer_job(spec, tests, answer, run_limits(spec, reference, run_timeout_s),
                           ReferenceForAnswers(reference.echo_s, reference.calls(), reference.library_b64))
        return Prepared(job=keyed.job, secret=keyed.result_key)

    def interpret(self, pack: Pack, task: Task, answer: str, prepared: Prepared, result: JobResult) -> Outcome:
        spec = function_spec(pack.problem_of(task))
        build = result.step("build")
        if build is not None and build.verdict != Verdict.ok:  # the compiler's own errors say what is wrong
            return Outcome(verdict=build.verdict, message=_first_error(build.stderr) or build.message, built=False,
                           log=build.stderr[-20_000:])
        step = result.step("measure")
        report = keyed_result(step.stdout, prepared.secret, TrustedReport) if step else None
        log = step.stderr[-20_000:] if step else ""
        if step is None or report is None:
            failed = step.verdict if step and step.verdict != Verdict.ok else Verdict.runtime_error
            why = step.message if step and step.message else "the trusted side reported no result"
            return Outcome(verdict=failed, message=why, built=True, log=log)
        cached = self._reference_of(task, report.timer)
        if report.reference is not None:
            reference = reference_beside(report, cached, spec.hardness)
        else:
            reference = level_times(cached.times_s, spec.hardness)
        measured = self._measurement(spec, report, reference)
        verdict: Verdict = VERDICTS.get(report.verdict, Verdict.runtime_error)
        message = report.message
        failed_level = report.failed_level
        if verdict == Verdict.timeout and failed_level is not None and spec.hardness[failed_level] > 0:
            # right-censored: correct so far, too slow from this level on (ENAMEL scores it, 0 from here)
            limit = _cost_text(measured.limit_s or 0.0, measured.timer)
            verdict, message = Verdict.ok, f"reached the limit ({limit}) at level {failed_level}"
            measured.censored_level = failed_level
        if verdict == Verdict.build_error:
            return Outcome(verdict=verdict, message=message, built=False, log=log)
        correct = verdict == Verdict.ok
        self._score(spec, measured, reference, correct)
        return Outcome(verdict=verdict, message=message, built=True, log=log, measurement=measured)

    @staticmethod
    def _measurement(spec: FunctionProblem, report: TrustedReport,
                     reference: list[float | None]) -> FunctionMeasurement:
        times = [level.times for level in report.levels]
        echoes = [e for level in report.echo_s for e in level if e]
        counted = report.timer == "instructions"
        return FunctionMeasurement(
            timer=report.timer, hardness=list(spec.hardness), level_times_s=level_times(times, spec.hardness),
            reference_level_times_s=reference, limit_s=time_limit(spec, reference, report.timer),
            runs=sum(len(case) for level in times for case in level), runs_remade=report.remade,
            echo_median_us=median(echoes) * 1e6 if echoes and not counted else None,
            reference_timed="cached" if report.reference is None else "beside",
            calls_per_run=[max(level, default=1) for level in report.batch], confined=report.confined)

    @staticmethod
    def _score(spec: FunctionProblem, measured: FunctionMeasurement, reference: list[float | None],
               correct: bool) -> None:
        times: list[float | None] = []
        for level, (weight, value) in enumerate(zip(spec.hardness, measured.level_times_s, strict=True)):
            if measured.censored_level is not None and level >= measured.censored_level:
                times.append(None)
            else:
                times.append(0.0 if weight == 0 else value)
        # untimed levels weigh 0: their reference time only has to be positive
        references = [t if t is not None else 1.0 for t in reference]
        scores = enamel_level_scores(times, references, spec.hardness, alpha=spec.alpha, correct=correct)
        measured.level_efficiency = scores
        measured.efficiency = sum(h * e for h, e in zip(spec.hardness, scores, strict=True)) / sum(spec.hardness)
        reference_total = sum(t for t in reference if t is not None)
        answer_total = [t for t in measured.level_times_s if t is not None]
        if correct and measured.censored_level is None and answer_total and sum(answer_total) > 0:
            measured.speedup = reference_total / sum(answer_total)

    def feedback(self, measurement: Measurement | None) -> list[str]:
        m = FunctionMeasurement.model_validate(measurement.model_dump()) if measurement else FunctionMeasurement()
        if not m.level_times_s:
            return ["timings: none (the code did not pass its checks)"]
        lines = []
        for level, (own, ref) in enumerate(zip(m.level_times_s, m.reference_level_times_s, strict=False)):
            if own is not None and ref is not None:
                lines.append(f"level {level}: {_cost_text(own, m.timer)} against the reference's "
                             f"{_cost_text(ref, m.timer)}")
        if m.censored_level is not None:
            lines.append(f"level {m.censored_level} reached the limit of {_cost_text(m.limit_s or 0.0, m.timer)}")
        if m.efficiency is not None:
            lines.append(f"efficiency score {m.efficiency:.3f} (1 = the expert reference)")
        return lines

    def validation_cases(self, pack: Pack, task: Task) -> list[ValidationCase]:
        spec = function_spec(pack.problem_of(task))
        # broken: the signature alone (C++: a declaration without a definition, an undefined symbol)
        broken = spec.prompt if spec.language == "cpp" else (spec.prompt.rstrip("\n")
                                                             + "\n    raise NotImplementedError\n")
        cases = [ValidationCase("reference", spec.reference_module(), Verdict.ok),
                 ValidationCase("broken", broken, None)]
        if spec.baseline is not None:
            cases.append(ValidationCase("baseline", spec.baseline, Verdict.ok,
                                        also=lambda outcome: slower_than_reference(outcome, spec.validation_margin)))
        return cases


def _step_failure(step: StepResult) -> str:
    """A failed step's message and the last line of its stderr (what the process itself said about it)."""
    said = next((line.strip() for line in reversed(step.stderr.splitlines()) if line.strip()), "")
    return "; ".join(part for part in (step.message, said[-300:]) if part)
