"""A task kind that lives outside hpceval, as a third-party package's would: `stdout-predict`. The answer is a
prediction of what a shell script prints; the job runs the script in the sandbox (the ground truth) and the
prediction must match its stdout line for line. tests/test_task_kind.py registers it through the
`hpceval.evaluators` entry-point group and runs it through the real CLI; nothing in harness/ knows it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from hpceval.sandbox.base import Job, JobResult, Limits, Step, Verdict
from hpceval.tasks.kinds import AnswerKind, Measurement, Outcome, Prepared, StaticAnswer, ValidationCase
from hpceval.tasks.loader import Pack, PackError, Problem, Task
from hpceval.tasks.schema import ProblemBase


class ScriptProblem(ProblemBase):
    script: str = "program.sh"


class LineMatch(Measurement):
    lines_expected: int = 0
    lines_matched: int = 0


class StdoutPredictEvaluator:
    kind: ClassVar[str] = "stdout-predict"
    answers: ClassVar[AnswerKind] = AnswerKind.prediction
    problem_spec: ClassVar[type[ScriptProblem]] = ScriptProblem
    measurement: ClassVar[type[LineMatch]] = LineMatch

    def expand(self, pack: Pack, problem: Problem) -> list[Task]:
        spec = problem.spec
        return [Task(task_id=f"{pack.name}/{spec.name}", suite=pack.spec.suite, pack=pack.name, problem=spec.name,
                     title=spec.title, problem_type=spec.problem_type, kind=self.kind)]

    def check_pack(self, pack: Pack) -> None:
        for problem in pack.problems.values():
            assert isinstance(problem.spec, ScriptProblem)
            for name in (problem.spec.script, "reference.txt"):
                if not (problem.path / name).is_file():
                    raise PackError(f"{problem.path / name}: missing; a stdout-predict problem needs it")

    def host_problem(self, pack: Pack, tasks: list[Task]) -> str | None:
        return None

    def static_answer(self, pack: Pack, task: Task, which: StaticAnswer) -> str:
        return pack.problem_of(task).read("reference.txt") if which == "reference" else ""

    def prompt_context(self, pack: Pack, task: Task) -> Mapping[str, object]:
        problem = pack.problem_of(task)
        assert isinstance(problem.spec, ScriptProblem)
        return {"script": problem.read(problem.spec.script)}

    def prepare(self, pack: Pack, task: Task, answer: str, run_timeout_s: float | None) -> Prepared:
        problem = pack.problem_of(task)
        assert isinstance(problem.spec, ScriptProblem)
        limits = Limits(wall_s=run_timeout_s or 10.0, memory_mb=256, processes=16, output_bytes=100_000)
        step = Step(name="run", argv=["sh", "program.sh"], limits=limits)  # the answer never enters the job
        return Prepared(job=Job(files={"program.sh": problem.read(problem.spec.script)}, steps=[step], cores=1))

    def interpret(self, pack: Pack, task: Task, answer: str, prepared: Prepared, result: JobResult) -> Outcome:
        (step,) = result.steps
        if step.verdict != Verdict.ok:  # the pack's script failed: never the prediction's fault
            return Outcome(verdict=Verdict.infra_error, message=f"the script did not run: {step.message}")
        truth, predicted = step.stdout.rstrip().splitlines(), answer.rstrip().splitlines()
        matched = sum(a == b for a, b in zip(truth, predicted, strict=False))
        measured = LineMatch(lines_expected=len(truth), lines_matched=matched)
        ok = truth == predicted
        return Outcome(verdict=Verdict.ok if ok else Verdict.wrong_answer, built=True, measurement=measured,
                       message="" if ok else f"{matched} of {len(truth)} lines right", log=step.stdout)

    def feedback(self, measurement: Measurement | None) -> list[str]:
        m = LineMatch.model_validate(measurement.model_dump()) if measurement else LineMatch()
        return [f"lines right: {m.lines_matched} of {m.lines_expected}"]

    def validation_cases(self, pack: Pack, task: Task) -> list[ValidationCase]:
        reference = self.static_answer(pack, task, "reference")
        return [ValidationCase("reference", reference, Verdict.ok),
                ValidationCase("off-by-one", reference + "extra line\n", Verdict.wrong_answer)]
