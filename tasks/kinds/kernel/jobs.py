"""Turn a task and a candidate's code into a sandbox job of the `kernel` kind.

Two processes measure a candidate, and only one of them runs its code (see docs/measurement.md):
  - `trusted`: the problem's driver.cpp and the sequential baseline, built from the pack's files alone.
    It generates the inputs, runs and times the baseline, compares, and times every call of the
    candidate with its own clock.
  - `worker`: the same driver.cpp built as the worker stub's object (-DHPCEVAL_WORKER), linked against
    libcandidate.so, the candidate's object after the symbol policy (symbol_policy.py, next to this file) has
    passed it and a version script has made every symbol but the entry point local.
The trusted driver and the stub's object are built from the pack's files alone, before anything of the
candidate's: the sandbox builds each once per run and toolchain (sandbox/build_cache.py), so a job compiles only
the candidate and links. The check and time steps run `trusted ... -- [mpirun ...] ./worker`; the trusted side's
result line is tagged with a per-job random key that only it learns (from its environment, which it then scrubs). The
sandbox seals `trusted` as soon as it is built: the check step's candidate cannot replace the program that
the time step runs with the key.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from hpceval.sandbox.base import Job, Limits, Step, StepKind, sealed
from hpceval.tasks.kinds.base import Sweep
from hpceval.tasks.kinds.kernel.model_use import model_problem
from hpceval.tasks.kinds.kernel.schema import ProblemSpec
from hpceval.tasks.loader import Pack, Problem, Task

BASELINE_PREFIX = "hpceval_baseline_"
POLICY_SCRIPT = Path(__file__).with_name("symbol_policy.py")
GPU_PROBE = Path(__file__).with_name("gpu_probe.cu")  # a GPU model's jobs run it before their checks
GPU_PROBE_NONE = 2  # its exit status without a device: the checks and timing are skipped_no_gpu
PROFILER = Path(__file__).with_name("profile_call.sh")  # the profile step's wrapper of the worker
# Candidate objects go into a shared library: position-independent, and without the interposition
# semantics that would keep GCC from inlining the candidate's own weak (inline/template) functions.
CANDIDATE_FLAGS = ["-fPIC", "-fno-semantic-interposition"]


class StepRole(StrEnum):
    build_trusted = "build_trusted"  # the pack's driver + baseline: a failure is the pack's, never the model's
    build = "build"                  # the candidate's object (counts for build@k)
    policy = "policy"                # symbol policy of that object
    link = "link"                    # libcandidate.so
    build_stub = "build_stub"        # the worker stub's object (driver.cpp -DHPCEVAL_WORKER): the pack's too
    build_worker = "build_worker"    # the worker stub's object linked against it
    build_gpu_probe = "build_gpu_probe"  # a GPU model's probe (gpu_probe.cu): the kind's own file
    gpu_probe = "gpu_probe"          # is there a GPU that runs this build's code? (none: skipped_no_gpu)
    check = "check"
    time = "time"
    profile = "profile"              # counters of one call, for the judge: never a verdict or a speedup


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


SWEEP_STEP = "time@"  # a sweep's time steps: time@t<threads>r<ranks>


def sweep_points(pack: Pack, task: Task, sweep: Sweep | None) -> list[Resources]:
    """The resources a scaling sweep times the task at, besides its model's own: thread counts where the model
    takes `{threads}` (omp, mpi+omp, kokkos), rank counts where its launcher takes `{ranks}` (mpi, mpi+omp), both
    crossed for mpi+omp, up to as many cores as the largest count asked (each list is capped at the target's CPUs);
    none for serial."""
    if sweep is None:
        return []
    build, own = pack.model_build(task.execution_model), task_resources(pack, task)
    by_threads = any("{threads}" in value for value in build.env.values())
    by_ranks = any("{ranks}" in item for item in build.launcher)
    threads = list(sweep.threads) if by_threads and sweep.threads else [own.threads]
    ranks = list(sweep.ranks) if by_ranks and sweep.ranks else [own.ranks]
    most = max([*sweep.threads, *sweep.ranks])
    points = [Resources(threads=t, ranks=r) for r in ranks for t in threads if t * r <= most]
    return [p for p in points if p != own]  # a model with neither has only its own count


def sweep_resources(step_name: str) -> Resources | None:
    """The resources of a sweep's time step, from its name; None for any other step."""
    if not step_name.startswith(SWEEP_STEP):
        return None
    threads, _, ranks = step_name[len(SWEEP_STEP) + 1:].partition("r")
    return Resources(threads=int(threads), ranks=int(ranks))


def kernel_spec(problem: Problem) -> ProblemSpec:
    assert isinstance(problem.spec, ProblemSpec), f"{problem.path}: not a kernel problem"
    return problem.spec


def _substitute(items: list[str], resources: Resources) -> list[str]:
    return [item.format(threads=resources.threads, ranks=resources.ranks) for item in items]


@dataclass(frozen=True)
class KernelJob:
    job: Job
    result_key: str  # the trusted driver's result lines carry it; nothing else can know it


def make_job(pack: Pack, task: Task, code: str, run_timeout_s: float | None = None,
             sweep: list[Resources] | None = None, counters: bool = False) -> KernelJob:
    """`run_timeout_s` overrides the pack's wall-clock limit of the check and time steps; `sweep` adds a time
    step per point (after the model's own, which alone decides the verdict); `counters` adds a last step that
    checks the largest check case twice more under a profiler (profile_call.sh), for the judge (CPU models)."""
    problem = pack.problem_of(task)
    spec = kernel_spec(problem)
    defaults = pack.spec.defaults
    build = pack.model_build(task.execution_model)
    resources = task_resources(pack, task)
    timing = pack.timing(task)
    limits = spec.limits or defaults.limits
    entry = spec.entry_point
    key = secrets.token_hex(16)

    pack_files = dict(pack.common_files())
    pack_files.update({"driver.cpp": problem.read("driver.cpp"), "baseline.cpp": problem.read("baseline.cpp")})
    if build.gpu:
        pack_files["gpu_probe.cu"] = GPU_PROBE.read_text()
    files = {**pack_files, "solution.cpp": code, "symbol_policy.py": POLICY_SCRIPT.read_text()}
    profiled = counters and not build.gpu  # a GPU's counters are Nsight Compute's: not here yet
    if profiled:
        files["profile_call.sh"] = PROFILER.read_text()
    build_limits = Limits(
        wall_s=limits.build_wall_s, memory_mb=max(limits.memory_mb, 2048), processes=limits.processes,
        output_bytes=limits.output_bytes,
    )
    run_limits = Limits(
        wall_s=run_timeout_s or limits.run_wall_s, memory_mb=limits.memory_mb, processes=limits.processes,
        output_bytes=limits.output_bytes,
    )
    model_flags = list(build.flags)
    candidate_flags = CANDIDATE_FLAGS if build.candidate_flags is None else build.candidate_flags
    linker = build.linker or build.compiler
    link_flags = model_flags if build.link_flags is None else list(build.link_flags)

    def worker_of(at: Resources) -> list[str]:
        return [*_substitute(build.launcher, at), "./worker"]

    def env_of(at: Resources) -> dict[str, str]:
        return {**dict(zip(build.env, _substitute(list(build.env.values()), at), strict=True)),
                "HPCEVAL_RESULT_KEY": key}

    def shared_of(at: Resources) -> list[str]:
        return ["--rtol", repr(spec.tolerance.rtol), "--atol", repr(spec.tolerance.atol), "--model",
                task.execution_model, "--threads", str(at.threads), "--ranks", str(at.ranks)]

    def time_step(name: str, at: Resources) -> Step:
        return Step(
            name=name,
            argv=[sealed("trusted"), "time", "--size", str(spec.sizes.time), "--warmup", str(timing.warmup),
                  "--min-reps", str(timing.min_reps), "--max-reps", str(timing.max_reps),
                  "--budget-s", repr(timing.budget_s), "--ci-width", repr(timing.ci_width), *shared_of(at), "--",
                  *worker_of(at)],
            env=env_of(at), limits=run_limits, exclusive=True,
        )

    worker, env, shared = worker_of(resources), env_of(resources), shared_of(resources)
    cases = ",".join(f"{case.size}:{case.seed}" for case in spec.sizes.check)

    def build_step(role: StepRole, argv: list[str], seal: list[str] | None = None) -> Step:
        return Step(name=role.value, kind=StepKind.build, argv=argv, limits=build_limits, seal=seal or [])

    def pack_build(role: StepRole, argv: list[str], output: str, seal: bool = False) -> Step:
        """A build of the pack's files alone, first in the job: made once per run and toolchain (the sandbox's
        build cache), keyed by its command and every file it can read, which are all the pack's."""
        digest = hashlib.sha256(json.dumps([argv, sorted(pack_files.items())]).encode()).hexdigest()
        return Step(name=role.value, kind=StepKind.build, argv=argv, limits=build_limits,
                    seal=[output] if seal else [], cache_key=f"kernel {digest}", keep=[output])

    steps = [
        # In the trusted build there is no candidate: renaming the entry point makes the driver's declaration
        # of it one more declaration of the baseline, which baseline.cpp defines.
        pack_build(StepRole.build_trusted, ["g++", *defaults.base_flags, f"-D{entry}={BASELINE_PREFIX}{entry}",
                                            "-I.", "driver.cpp", "baseline.cpp", "-o", "trusted"],
                   "trusted", seal=True),  # out of the candidate's reach before any of its code runs
        pack_build(StepRole.build_stub, [build.compiler, *defaults.base_flags, *model_flags, "-DHPCEVAL_WORKER",
                                         "-I.", "-c", "driver.cpp", "-o", "worker.o"], "worker.o"),
        *([pack_build(StepRole.build_gpu_probe, [build.compiler, *defaults.base_flags, *model_flags, "gpu_probe.cu",
                                                 "-o", "gpu_probe"], "gpu_probe", seal=True)] if build.gpu else []),
        build_step(StepRole.build, [build.compiler, *defaults.base_flags, *model_flags, *candidate_flags, "-c",
                                    "solution.cpp", "-o", "candidate.o"]),
        build_step(StepRole.policy, ["python3", "-I", "-S", "symbol_policy.py", "candidate.o", entry, "entry.map"]),
        build_step(StepRole.link, [linker, "-shared", *link_flags, "candidate.o",
                                   "-Wl,--version-script=entry.map", *build.libs, "-o", "libcandidate.so"]),
        build_step(StepRole.build_worker, [linker, *link_flags, "worker.o", "-L.", "-lcandidate",
                                           "-Wl,-rpath,$ORIGIN", *build.libs, "-o", "worker"]),
        # the probe is the pack's, and no code of the candidate's has run yet: its answer is the machine's
        *([Step(name=StepRole.gpu_probe.value, argv=[sealed("gpu_probe")], limits=run_limits)] if build.gpu else []),
        Step(name=StepRole.check.value, argv=[sealed("trusted"), "check", "--cases", cases, *shared, "--", *worker],
             env=env, limits=run_limits),
        time_step(StepRole.time.value, resources),
        *(time_step(f"{SWEEP_STEP}t{at.threads}r{at.ranks}", at) for at in sweep or []),
    ]
    if profiled:
        largest = max(spec.sizes.check, key=lambda case: case.size)
        case = f"{largest.size}:{largest.seed}"  # twice: the second call finds the threads and pages warm
        steps.append(Step(name=StepRole.profile.value,
                          argv=[sealed("trusted"), "check", "--cases", f"{case},{case}", *shared, "--",
                                *_substitute(build.launcher, resources), "sh", "profile_call.sh", "./worker"],
                          env=env, limits=run_limits))
    if model_problem(code, task.execution_model) is not None:
        # The source alone already fails the task (wrong_model, evaluator.py): build and check it, for the verdict
        # of its output, but spend no timed repeats on an answer that cannot score.
        steps = [step for step in steps if step.name not in (StepRole.time, StepRole.profile)
                 and sweep_resources(step.name) is None]
    cores = max([resources.cores, *(at.cores for at in sweep or [])])
    return KernelJob(job=Job(files=files, steps=steps, cores=cores, gpus=1 if build.gpu else 0), result_key=key)


KOKKOS_CONFIG = "/opt/kokkos/include/KokkosCore_config.h"  # where the kokkos model's flags look (pack.yaml)


def toolchain_problem(pack: Pack, tasks: list[Task]) -> str | None:
    """Why the tasks cannot be built on this host (a compiler or launcher not installed), with the fix."""
    needed: dict[str, str] = {"g++": tasks[0].task_id} if tasks else {}
    for task in tasks:
        build = pack.model_build(task.execution_model)
        needed.setdefault(build.compiler, task.task_id)
        if build.launcher:
            needed.setdefault(build.launcher[0], task.task_id)
    for tool in ("nm", "readelf") if tasks else ():  # the symbol policy's
        needed.setdefault(tool, tasks[0].task_id)
    for task in tasks:
        linker = pack.model_build(task.execution_model).linker
        if linker:
            needed.setdefault(linker, task.task_id)
    kokkos = next((t.task_id for t in tasks if "-DHPCEVAL_KOKKOS" in pack.model_build(t.execution_model).flags), None)
    if kokkos and not Path(KOKKOS_CONFIG).exists():
        return (f"Kokkos with its OpenMP backend is not in /opt/kokkos but {kokkos} needs it; build it with "
                "`bash sandbox/images/cpu/kokkos.sh` (or scripts/setup.sh --dev), or use --sandbox docker")
    for tool, task_id in needed.items():
        if shutil.which(tool) is None:
            hint = ("apt-get install openmpi-bin libopenmpi-dev" if tool.startswith("mpi") else
                    "apt-get install binutils" if tool in ("nm", "readelf") else
                    "the CUDA toolkit, with its bin/ on PATH" if tool == "nvcc" else "apt-get install g++")
            return f"{tool} not found but {task_id} needs it; install it ({hint}) or leave those tasks out with --task"
    return None
