"""The `kernel` kind: a C/C++ function checked and timed against the problem's sequential baseline by a trusted
driver (docs/measurement.md). A problem folder holds problem.yaml (schema.py), driver.cpp, baseline.cpp,
reference/<model>.cpp, broken.cpp and optionally mutants.yaml; one task per execution model."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from hpceval.sandbox.base import JobResult, Verdict
from hpceval.tasks.kinds.base import (
    AnswerKind,
    Measurement,
    Outcome,
    Prepared,
    StaticAnswer,
    Sweep,
    Timer,
    ValidationCase,
)
from hpceval.tasks.kinds.kernel.interpret import KernelMeasurement, interpret
from hpceval.tasks.kinds.kernel.jobs import (
    BASELINE_PREFIX,
    kernel_spec,
    make_job,
    sweep_points,
    task_resources,
    toolchain_problem,
)
from hpceval.tasks.kinds.kernel.model_use import model_problem
from hpceval.tasks.kinds.kernel.schema import Mutants, ProblemSpec
from hpceval.tasks.loader import Pack, PackError, Problem, Task, load_yaml

PROBLEM_FILES = ("driver.cpp", "baseline.cpp", "broken.cpp")


def model_file_stem(execution_model: str) -> str:
    """File name used for an execution model: `mpi+omp` -> `mpi_omp`."""
    return execution_model.replace("+", "_")


def mutants(problem: Problem) -> dict[str, str]:
    """Near misses that the checks must reject (`mutants.yaml`: edits of baseline.cpp), by name."""
    path = problem.path / "mutants.yaml"
    if not path.is_file():
        return {}
    spec = load_yaml(path, Mutants)
    assert isinstance(spec, Mutants)
    baseline = problem.read("baseline.cpp")
    out: dict[str, str] = {}
    for name, mutant in spec.root.items():
        code = baseline
        for edit in mutant.edits:
            if code.count(edit.replace) != 1:
                raise PackError(f"{path}: {name}: {edit.replace!r} occurs {code.count(edit.replace)} times in "
                                "baseline.cpp; make it match exactly once")
            code = code.replace(edit.replace, edit.with_)
        out[name] = f"// Near miss ({mutant.what}) of baseline.cpp: the check must reject it.\n{code}"
    return out


def _normalized(declaration: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\s*([(),&*<>])\s*", r"\1", declaration)).strip()


def declared_signatures(driver: str, entry: str) -> list[str]:
    """The declarations of `entry` and of its baseline twin in driver.cpp (without the trailing `;`)."""
    names = f"(?:{re.escape(entry)}|{BASELINE_PREFIX}{re.escape(entry)})"
    return [m.group(0) for m in re.finditer(rf"^[^\n;{{}}#/]*\b{names}\s*\([^;{{]*\)(?=\s*;)", driver, re.M)]


HANDSHAKE_SHARE = 0.01  # the handshake may cost at most this share of the reference's median call


def handshake_too_large(outcome: Outcome) -> str | None:
    """None when the time size is large enough to measure: the trusted side's round trip to the worker (what every
    timed call pays beyond its work) is under 1% of the reference's median call. Else the fix."""
    m = outcome.measurement
    if not isinstance(m, KernelMeasurement) or m.handshake_us is None or not m.candidate_median_s:
        return "the time step reported no handshake or no calls"
    share = m.handshake_us * 1e-6 / m.candidate_median_s
    if share < HANDSHAKE_SHARE:
        return None
    return (f"the handshake ({m.handshake_us:.0f} us) is {share:.1%} of the reference's median call "
            f"({m.candidate_median_s * 1e3:.2f} ms), over {HANDSHAKE_SHARE:.0%}: raise sizes.time")


GENERATE = "generate"  # write the code from the spec (task ids end in the mode)
TRANSLATE = "translate"  # given the reference of another model (problem.yaml translate_from), write this model's
OPTIMIZE = "optimize"  # given the sequential baseline (correct, slow), make it fast in this model


class KernelEvaluator:
    kind: ClassVar[str] = "kernel"
    answers: ClassVar[AnswerKind] = AnswerKind.code
    problem_spec: ClassVar[type[ProblemSpec]] = ProblemSpec
    measurement: ClassVar[type[KernelMeasurement]] = KernelMeasurement
    timers: ClassVar[tuple[Timer, ...]] = ("wall",)  # a parallel kernel's cost is its wall time
    sweeps: ClassVar[bool] = True  # --threads/--ranks: each answer is also timed at those counts
    profiles: ClassVar[bool] = True  # --counters: each answer's call is profiled too, for the judge

    def expand(self, pack: Pack, problem: Problem) -> list[Task]:
        spec = kernel_spec(problem)
        # (model, mode, source, id's last part): a target's first source is plain `translate`, any other
        # `translate-from-<source>`
        wanted: list[tuple[str, str, str | None, str]] = []
        for mode in (GENERATE, TRANSLATE, OPTIMIZE):
            if mode not in spec.modes:
                continue
            if mode != TRANSLATE:
                wanted += [(model, mode, None, mode) for model in spec.models]
                continue
            firsts: set[str] = set()
            for model in spec.models:
                for target, source in spec.translations():
                    if target == model:
                        last = mode if model not in firsts else f"{mode}-from-{model_file_stem(source)}"
                        firsts.add(model)
                        wanted.append((model, mode, source, last))
        return [Task(task_id=f"{pack.name}/{spec.name}/{model}/{last}", suite=pack.spec.suite, pack=pack.name,
                     problem=spec.name, title=spec.title, problem_type=spec.problem_type, kind=self.kind,
                     execution_model=model, mode=mode, language=pack.spec.defaults.language,
                     entry_point=spec.entry_point, signature=spec.signature, source_model=source)
                for model, mode, source, last in wanted]

    def check_pack(self, pack: Pack) -> None:
        """Every model has build settings; the problem's files are there and its mutants still apply; the driver
        declares the entry point, and its baseline twin, with exactly the signature in problem.yaml (so the
        prompt and the driver cannot drift apart)."""
        for problem in pack.problems.values():
            spec = kernel_spec(problem)
            for model in spec.models:
                pack.model_build(model)
            for name in PROBLEM_FILES:
                problem.read(name)
            for source in {source for _, source in spec.translations()}:  # the code a translate task is given
                problem.read(f"reference/{model_file_stem(source)}.cpp")
            mutants(problem)  # every edit still applies to baseline.cpp
            expected = _normalized(spec.signature)
            twin = _normalized(spec.signature.replace(f"{spec.entry_point}(",
                                                      f"{BASELINE_PREFIX}{spec.entry_point}(", 1))
            found = {_normalized(d) for d in declared_signatures(problem.read("driver.cpp"), spec.entry_point)}
            for wanted, what in ((expected, "entry point"), (twin, "baseline twin")):
                if wanted not in found:
                    raise PackError(f"{problem.path / 'driver.cpp'}: no declaration of the {what} `{wanted};` as "
                                    "problem.yaml's signature has it; declare it with exactly that signature")

    def host_problem(self, pack: Pack, tasks: list[Task]) -> str | None:
        return toolchain_problem(pack, tasks)

    def static_answer(self, pack: Pack, task: Task, which: StaticAnswer) -> str:
        problem = pack.problem_of(task)
        if which == "baseline":
            return problem.read("baseline.cpp")
        return problem.read(f"reference/{model_file_stem(task.execution_model)}.cpp")

    def prompt_context(self, pack: Pack, task: Task) -> Mapping[str, object]:
        """The model's build settings and note; for translate and optimize, the code given to start from."""
        problem = pack.problem_of(task)
        spec = kernel_spec(problem)
        given = None
        if task.mode == TRANSLATE and task.source_model:
            given = problem.read(f"reference/{model_file_stem(task.source_model)}.cpp")
        elif task.mode == OPTIMIZE:
            given = problem.read("baseline.cpp")
        return {"model": pack.model_build(task.execution_model),
                "model_note": spec.model_notes.get(task.execution_model, ""),
                "mode": task.mode, "source_model": task.source_model,
                "given_code": given}

    def prepare(self, pack: Pack, task: Task, answer: str, run_timeout_s: float | None,
                sweep: Sweep | None = None, counters: bool = False) -> Prepared:
        kernel_job = make_job(pack, task, answer, run_timeout_s, sweep_points(pack, task, sweep), counters=counters)
        return Prepared(job=kernel_job.job, secret=kernel_job.result_key)

    def interpret(self, pack: Pack, task: Task, answer: str, prepared: Prepared, result: JobResult) -> Outcome:
        evaluation = interpret(result, prepared.secret, job=prepared.job)
        resources = task_resources(pack, task)
        evaluation.threads, evaluation.ranks = resources.threads, resources.ranks
        spec = kernel_spec(pack.problem_of(task))
        per_core = spec.plausible_speedup_per_core or pack.spec.defaults.plausible_speedup_per_core
        evaluation.speedup_bound = per_core * resources.cores
        if evaluation.counters_source:  # profiled on the largest check case, not the timed size
            evaluation.counters_source += f", the second of two calls at size {max(c.size for c in spec.sizes.check)}"
        if evaluation.verdict in (Verdict.ok, Verdict.skipped_no_gpu):  # the source alone can fail a skipped one
            problem = model_problem(answer, task.execution_model)
            if problem:
                evaluation.verdict, evaluation.message = Verdict.wrong_model, problem
        return Outcome(verdict=evaluation.verdict, message=evaluation.message, built=evaluation.built,
                       log=evaluation.log, measurement=evaluation.measurement())

    def feedback(self, measurement: Measurement | None) -> list[str]:
        m = KernelMeasurement.model_validate(measurement.model_dump()) if measurement else KernelMeasurement()
        lines = [f"resources: {m.threads} thread(s) x {m.ranks} rank(s)"]
        if m.speedup is not None:
            lines.append(f"timings: baseline median {m.baseline_median_s:.6f} s, candidate median "
                         f"{m.candidate_median_s:.6f} s, speedup {m.speedup:.3f}x")
        else:
            lines.append("timings: none (the code did not pass its checks)")
        if m.counters:
            source = f" ({m.counters_source})" if m.counters_source else ""
            lines.append(f"profiler counters{source}: " +
                         ", ".join(f"{k}={v:g}" for k, v in sorted(m.counters.items())))
        else:
            lines.append("profiler counters: none (measured only for correct CPU answers, with --counters or a judge)")
        return lines

    def validation_cases(self, pack: Pack, task: Task) -> list[ValidationCase]:
        """A translate or optimize task's job is its generate task's (the same model, checks and timing; only
        the prompt differs), which validates it; its prompt's given code is validated there too (a reference, or
        the baseline)."""
        if task.mode != GENERATE:
            return []
        problem = pack.problem_of(task)
        baseline_verdict = Verdict.ok if task.execution_model == "serial" else Verdict.wrong_model
        out = [ValidationCase("reference", self.static_answer(pack, task, "reference"), Verdict.ok,
                              also=handshake_too_large),
               ValidationCase("baseline", self.static_answer(pack, task, "baseline"), baseline_verdict),
               ValidationCase("broken", problem.read("broken.cpp"), None)]
        if task.execution_model == "serial":  # near misses are about the checks, the same in every model
            out += [ValidationCase(f"mutant:{name}", code, None) for name, code in mutants(problem).items()]
        return out
