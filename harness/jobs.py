"""Turn a task and a candidate's code into a sandbox job: build the baseline, build the candidate with the
task's driver, check it on the seeded cases, then time it against the baseline in the timing lane."""

from __future__ import annotations

import shutil
from dataclasses import dataclass

from harness.errors import UserError
from sandbox.base import Job, Limits, Step, StepKind
from tasks.loader import Pack, Task

BASELINE_PREFIX = "hpceval_baseline_"


@dataclass(frozen=True)
class Resources:
    threads: int
    ranks: int

    @property
    def cores(self) -> int:
        return self.threads * self.ranks


def task_resources(pack: Pack, task: Task) -> Resources:
    build = pack.model_build(task.execution_model)
    return Resources(threads=build.threads, ranks=build.ranks)


def _substitute(items: list[str], resources: Resources) -> list[str]:
    return [item.format(threads=resources.threads, ranks=resources.ranks) for item in items]


def make_job(pack: Pack, task: Task, code: str, run_timeout_s: float | None = None) -> Job:
    """`run_timeout_s` overrides the pack's wall-clock limit of the check and time steps."""
    problem = pack.problem_of(task)
    spec = problem.spec
    defaults = pack.spec.defaults
    build = pack.model_build(task.execution_model)
    resources = task_resources(pack, task)
    timing = pack.timing(task)
    limits = defaults.limits
    entry = spec.entry_point

    files = dict(pack.common_files())
    files.update(
        {"driver.cpp": problem.read("driver.cpp"), "baseline.cpp": problem.read("baseline.cpp"), "solution.cpp": code}
    )
    build_limits = Limits(
        wall_s=limits.build_wall_s, memory_mb=max(limits.memory_mb, 2048), processes=limits.processes,
        output_bytes=limits.output_bytes,
    )
    run_limits = Limits(
        wall_s=run_timeout_s or limits.run_wall_s, memory_mb=limits.memory_mb, processes=limits.processes,
        output_bytes=limits.output_bytes,
    )
    launcher = _substitute(build.launcher, resources)
    env = dict(zip(build.env, _substitute(list(build.env.values()), resources), strict=True))
    tolerance = ["--rtol", repr(spec.tolerance.rtol), "--atol", repr(spec.tolerance.atol)]
    cases = ",".join(f"{case.size}:{case.seed}" for case in spec.sizes.check)
    steps = [
        Step(
            name="build_baseline",
            kind=StepKind.build,
            argv=["g++", *defaults.base_flags, "-c", "baseline.cpp", f"-D{entry}={BASELINE_PREFIX}{entry}",
                  "-o", "baseline.o"],
            limits=build_limits,
        ),
        Step(
            name="build",
            kind=StepKind.build,
            argv=[build.compiler, *defaults.base_flags, *build.flags, "-I.", "driver.cpp", "solution.cpp",
                  "baseline.o", "-o", "driver"],
            limits=build_limits,
        ),
        Step(
            name="check",
            argv=[*launcher, "./driver", "check", "--cases", cases, *tolerance],
            env=env,
            limits=run_limits,
        ),
        Step(
            name="time",
            argv=[*launcher, "./driver", "time", "--size", str(spec.sizes.time), "--seed", str(spec.sizes.time_seed),
                  "--warmup", str(timing.warmup), "--min-reps", str(timing.min_reps),
                  "--max-reps", str(timing.max_reps), "--budget-s", repr(timing.budget_s), *tolerance],
            env=env,
            limits=run_limits,
            exclusive=True,
        ),
    ]
    return Job(files=files, steps=steps, cores=resources.cores)


def check_toolchain(pack: Pack, tasks: list[Task]) -> None:
    """Fail early, with the fix, when a compiler or launcher the tasks need is not installed."""
    needed: dict[str, str] = {"g++": tasks[0].task_id} if tasks else {}
    for task in tasks:
        build = pack.model_build(task.execution_model)
        needed.setdefault(build.compiler, task.task_id)
        if build.launcher:
            needed.setdefault(build.launcher[0], task.task_id)
    for tool, task_id in needed.items():
        if shutil.which(tool) is None:
            hint = "apt-get install openmpi-bin libopenmpi-dev" if tool.startswith("mpi") else "apt-get install g++"
            raise UserError(
                f"{tool} not found but {task_id} needs it; install it ({hint}) or leave those tasks out with --task"
            )
