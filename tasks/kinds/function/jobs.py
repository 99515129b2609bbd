"""The sandbox jobs of the `function` kind: one that makes a problem's tests and times its reference (cached),
and one per answer that checks and times it. runtime/ holds what runs inside them; docs/measurement.md says
what they guarantee."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field, ValidationError

from hpceval.sandbox.base import Job, Limits, Step, StepKind
from hpceval.tasks.kinds.function.schema import FunctionProblem

RUNTIME = Path(__file__).with_name("runtime")
MEASURE_FILES = ("trusted.py", "zygote.py", "worker.py", "wire.py", "native.py", "confine.py")
GLUE = "hpceval_function.hpp"  # C++ problems: compiled into solution.so beside the solution
ECHO_REPS = 1  # echo runs per case; an answer's job also takes the reference's job's echo as a cap (--echo-cap)
MEMORY_MB = 4096  # ENAMEL's memory limit
PROCESSES = 64
CHECK_GRACE_S = 1.0  # as in runtime/trusted.py
SHORT_REPS_FACTOR = 4  # as in runtime/trusted.py: a case of short runs is run this many times as often
REFERENCE_TIME_WALL_S = 3600.0  # the reference's own timing (trusted code; its batches are not known yet)
RESULT_PREFIX = "HPCEVAL_RESULT"
BUILD_LIMITS = Limits(wall_s=120.0, memory_mb=4096, processes=PROCESSES, output_bytes=200_000)
M = TypeVar("M", bound=BaseModel)


def runtime_files(names: tuple[str, ...]) -> dict[str, str]:
    return {name: (RUNTIME / name).read_text() for name in names}


class LevelReport(BaseModel):
    times: list[list[float]] = Field(default_factory=list)  # net seconds (or instructions) per run, per case
    wall_s: list[list[float]] = Field(default_factory=list)  # the runs' gross wall seconds (empty: untimed)


class TrustedReport(BaseModel):
    """The result line of runtime/trusted.py."""

    verdict: str
    message: str = ""
    timer: str = "wall"
    levels: list[LevelReport] = Field(default_factory=list)
    reference: list[LevelReport] | None = None  # an answer's job: the reference's runs beside the answer's
    confined: bool = False  # whether the candidate's processes ran under the seccomp filter (runtime/confine.py)
    echo_s: list[list[float]] = Field(default_factory=list)  # a run's exchange cost, per level and case
    batch: list[list[int]] = Field(default_factory=list)  # calls per run, per level and case
    failed_level: int | None = None
    failed_case: int | None = None
    remade: int = 0  # stalled runs made again (either side)


class GeneratedTests(BaseModel):
    """The result line of runtime/generate.py (and of trusted.py --record, which adds the verdict and, C++, the
    built reference)."""

    tests_b64: str = ""
    generate_s: float = 0.0
    verdict: str = "ok"
    message: str = ""
    library_b64: str = ""  # C++: the reference's solution.so, which answers' jobs time beside the answer


@dataclass(frozen=True)
class KeyedJob:
    job: Job
    result_key: str


@dataclass(frozen=True)
class RunLimits:
    """What ends a run: its net wall seconds (`timer` wall), or its instructions and its gross wall seconds under
    valgrind (`timer` instructions)."""

    timer: str = "wall"
    seconds: float = 60.0
    count: float | None = None


def _python(script: str, *args: str) -> list[str]:
    return ["python3", "-I", "-S", script, *args]


def seal_tests(key_hex: str, tests_b64: str) -> str:
    """The tests as an answer's job carries them: XOR with SHAKE-256(key), as runtime/trusted.py's `unseal`. The
    key goes only to the measure step's trusted process (env HPCEVAL_TESTS_KEY), so neither the build (an
    `.incbin` of the file) nor the candidate's process (reading the job dir) sees the expected outputs."""
    data = base64.b64decode(tests_b64)
    stream = hashlib.shake_256(bytes.fromhex(key_hex)).digest(len(data))
    sealed = (int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")).to_bytes(len(data), "little")
    return base64.b64encode(sealed).decode()


def solution_name(problem: FunctionProblem) -> str:
    return "solution.so" if problem.language == "cpp" else "solution.py"


def native_files(problem: FunctionProblem, source: str) -> dict[str, str]:
    """What a C++ build needs: the glue, glue.cpp (the glue, the prompt's declaration, the exports) and the
    solution as its own translation unit."""
    glue = f'#include "{GLUE}"\n{problem.prompt.rstrip()}\n\nHPCEVAL_ENTRY({problem.entry_point})\n'
    return {GLUE: (RUNTIME / GLUE).read_text(), "glue.cpp": glue, "solution.cpp": source}


def build_step(problem: FunctionProblem) -> Step:
    """g++ builds solution.so from glue.cpp and solution.cpp; -z defs makes a missing or mistyped entry point a
    build error (an undefined symbol), not a failure at load."""
    argv = ["g++", *problem.cxxflags, "-fPIC", "-shared", "-Wl,-z,defs", "-I.", "-o", "solution.so", "glue.cpp",
            "solution.cpp"]
    return Step(name="build", kind=StepKind.build, argv=argv, limits=BUILD_LIMITS)


def _wall_budget(problem: FunctionProblem, limits: RunLimits, calls: list[int], interleaved: bool) -> float:
    """The measure step's wall-clock limit: every run at its limit (a batch of `calls[level]` calls), the
    reference's runs beside the answer's, the echoes and the untimed checks; generous, it only ends a hung job."""
    counted = limits.timer == "instructions"
    reps = 1 if counted else problem.reps
    seconds = 120.0 if counted else 30.0
    for level, (count, hardness) in enumerate(zip(problem.cases, problem.hardness, strict=True)):
        if hardness <= 0:
            seconds += count * (limits.seconds + CHECK_GRACE_S)
            continue
        batch = calls[level] if level < len(calls) else 1
        run_s = limits.seconds if counted else batch * limits.seconds  # counted: a run's own wall limit
        runs = count * reps * (2 if interleaved else 1)
        extra = 0 if counted else runs * (SHORT_REPS_FACTOR - 1)  # a short case's further runs (under 1 ms each)
        echoes = count * (1 if counted else ECHO_REPS) * (run_s if counted else 0.5)
        seconds += runs * (run_s + 0.2) + extra * 0.2 + echoes
    return seconds


def measure_step(name: str, problem: FunctionProblem, tests: str, solution: str, limits: RunLimits, key: str,
                 echo_from: str | None = None, reference: str | None = None, calls: list[int] | None = None,
                 wall_s: float | None = None, reps: int | None = None, echo_runs: int = ECHO_REPS,
                 echo_cap: str | None = None) -> Step:
    """trusted.py measuring `solution` on `tests`; `reference` (an answer's job, wall clock) is timed beside it.
    `calls`: the largest batch per level (for the step's wall-clock limit), or `wall_s` the limit itself; `reps`
    the runs per case (default the problem's), `echo_runs` the echo runs per case, `echo_cap` a file of echo costs
    that cap them (wall clock)."""
    counted = limits.timer == "instructions"
    reps = 1 if counted else reps or problem.reps  # a count does not vary from run to run
    echo_runs = 1 if counted else echo_runs
    wall = wall_s or _wall_budget(problem, limits, calls or [], reference is not None)
    argv = _python("trusted.py", "--problem", "problem.json", "--tests", tests, "--solution", solution, "--reps",
                   str(reps), "--echo", str(echo_runs), "--limit-s", repr(limits.seconds), "--timer", limits.timer,
                   *(["--echo-from", echo_from] if echo_from else []),
                   *(["--echo-cap", echo_cap] if echo_cap else []),
                   *(["--reference", reference] if reference else []),
                   *(["--limit-count", repr(limits.count)] if limits.count is not None else []))
    return Step(name=name, argv=argv, env={"HPCEVAL_RESULT_KEY": key},
                limits=Limits(wall_s=wall, memory_mb=MEMORY_MB, processes=PROCESSES, output_bytes=4_000_000),
                exclusive=True)


def reference_job(problem: FunctionProblem, timer: str = "wall") -> KeyedJob:
    """Make the tests (step `generate`: inputs from the seeded generator, answers from the reference) and time
    the reference on them (step `time`), the way every answer is timed. C++: `build` first, and the answers come
    from the built reference (step `record`, after `generate` made the inputs)."""
    key = secrets.token_hex(16)
    files = runtime_files((*MEASURE_FILES, "generate.py", "gen_helpers.py"))
    files["problem.json"] = json.dumps(problem.trusted_view())
    cpp = problem.language == "cpp"
    files["reference.py"] = problem.reference_module()
    if cpp:
        files.update(native_files(problem, problem.reference))
    else:
        files["solution.py"] = files["reference.py"]  # timed under the answers' name: a count depends even on argv
    out = "inputs.pkl" if cpp else "tests.pkl"
    big = Limits(wall_s=600.0, memory_mb=8192, processes=PROCESSES, output_bytes=400_000_000)
    generate = Step(name="generate", argv=_python("generate.py", "--problem", "problem.json", "--out", out),
                    env={"HPCEVAL_RESULT_KEY": key}, limits=big)
    steps = [build_step(problem), generate] if cpp else [generate]
    if cpp:
        steps.append(Step(name="record", env={"HPCEVAL_RESULT_KEY": key}, limits=big,
                          argv=_python("trusted.py", "--problem", "problem.json", "--tests", out, "--solution",
                                       "solution.so", "--limit-s", "600", "--record", "tests.pkl")))
    steps.append(measure_step("time", problem, "tests.pkl", solution_name(problem),
                              RunLimits(timer, 600.0 if timer == "instructions" else 60.0), key,
                              wall_s=REFERENCE_TIME_WALL_S, reps=reference_reps(problem), echo_runs=1))
    return KeyedJob(Job(files=files, steps=steps, cores=1), key)


def reference_reps(problem: FunctionProblem) -> int:
    """Runs per case of the reference's own job (wall clock; one echo run per case): a third of an answer's, since
    every answer's job times the reference again beside the answer; these times set only the answers' time limit
    (a run over it is made again before it counts), and stand in for a level an answer's job did not reach."""
    return max(2, problem.reps // 3)


@dataclass(frozen=True)
class ReferenceForAnswers:
    """What an answer's job needs of its problem's reference job: the echo costs (counted runs subtract them), the
    largest batch per level, and, C++, the built reference (timed beside the answer by wall clock)."""

    echo_s: list[list[float]]
    calls: list[int]
    library_b64: str = ""


def answer_job(problem: FunctionProblem, tests_b64: str, answer: str, limits: RunLimits,
               reference: ReferenceForAnswers) -> KeyedJob:
    """One step, `measure`: the zygote compiles the answer (a syntax error is its build error), the trusted side
    checks and times it. By wall clock the reference is timed in the same step, its runs interleaved with the
    answer's, and its zygote makes the echo runs; counted, the answer's count is compared with the reference's
    cached one, less the echo costs the reference's job counted (`echo_s`). Being the job's only step that runs
    candidate code, nothing the answer leaves in the work dir is read by a later trusted one. C++: `build` comes
    first (the compiler's error is the build error). The tests and the reference travel sealed (`seal_tests`), and
    problem.json without the reference."""
    key, tests_key = secrets.token_hex(16), secrets.token_hex(32)
    files = runtime_files(MEASURE_FILES)
    files.update({"problem.json": json.dumps(problem.answer_view()), "tests.b64": seal_tests(tests_key, tests_b64)})
    cpp = problem.language == "cpp"
    if cpp:
        files.update(native_files(problem, answer))
    else:
        files["solution.py"] = answer
    counted = limits.timer == "instructions"
    files["echo.json"] = json.dumps(reference.echo_s)  # counted: subtracted as they are; wall: caps on the echoes
    if not counted:
        expert = base64.b64decode(reference.library_b64) if cpp else problem.reference_module().encode()
        files["reference.b64"] = seal_tests(tests_key, base64.b64encode(expert).decode())
    measure = measure_step("measure", problem, "tests.b64", solution_name(problem), limits, key,
                           echo_from="echo.json" if counted else None, echo_cap=None if counted else "echo.json",
                           reference=None if counted else "reference.b64", calls=reference.calls)
    measure.env["HPCEVAL_TESTS_KEY"] = tests_key
    steps = [build_step(problem), measure] if cpp else [measure]
    return KeyedJob(Job(files=files, steps=steps, cores=1), key)


def keyed_result(stdout: str, key: str, model: type[M]) -> M | None:
    """The one result line the trusted side wrote with this job's key (None when there is not exactly one)."""
    prefix = f"{RESULT_PREFIX} {key} "
    lines = [line for line in stdout.splitlines() if line.startswith(prefix)]
    if len(lines) != 1:
        return None
    try:
        return model.model_validate_json(lines[0][len(prefix):])
    except ValidationError:
        return None
