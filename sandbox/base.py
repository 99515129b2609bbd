"""The `Sandbox` interface: a job is files + steps + limits; a result carries per-step outcomes and a verdict."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field, field_validator

SEALED_PREFIX = "@sealed/"  # an argv item `@sealed/NAME`: the file NAME a `seal` step moved out of the job's reach


class Verdict(StrEnum):
    ok = "ok"
    build_error = "build_error"
    runtime_error = "runtime_error"
    wrong_answer = "wrong_answer"
    timeout = "timeout"
    memory_limit = "memory_limit"
    output_limit = "output_limit"
    infra_error = "infra_error"
    no_code = "no_code"
    policy_violation = "policy_violation"  # the candidate's object defines what it may not (symbol policy)
    untimed_work = "untimed_work"  # CPU outside the timed calls, or threads left running after one
    wrong_model = "wrong_model"  # correct, but not written in the task's execution model
    # built, but a GPU model's checks and timing could not run: the sandbox has no GPU (neither pass nor fail:
    # scored apart, build@k only)
    skipped_no_gpu = "skipped_no_gpu"


class StepKind(StrEnum):
    build = "build"
    run = "run"


class Limits(BaseModel):
    """Per-step limits. Memory is per process (address-space data segment), processes per job."""

    model_config = ConfigDict(extra="forbid")
    wall_s: float = 60.0
    cpu_s: float | None = None  # default: wall_s * cores + 10
    memory_mb: int = 4096
    processes: int = 256
    output_bytes: int = 1_000_000  # stdout + stderr
    file_bytes: int = 1 << 30  # largest file the job may write (MPI's shared-memory files need room)


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    argv: list[str]
    kind: StepKind = StepKind.run
    env: dict[str, str] = Field(default_factory=dict)
    limits: Limits = Field(default_factory=Limits)
    exclusive: bool = False  # timed steps: run alone in the timing lane
    # Files this step made that later steps run but the job must not change: once the step has succeeded, the
    # sandbox moves them out of the work dir into a place the job's uid cannot write; later steps name them as
    # `sealed(NAME)`. Without it a later step's candidate could replace what a step after it trusts.
    seal: list[str] = Field(default_factory=list)

    # A build of the harness's own files only (no candidate code has run in the job before it): the sandbox keeps
    # the files named in `keep` under `cache_key` and the sandbox's toolchain (sandbox/build_cache.py), and on a
    # later job with the same key places them in the work dir instead of running the step. Empty: never cached.
    cache_key: str = ""
    keep: list[str] = Field(default_factory=list)

    @field_validator("seal", "keep")
    @classmethod
    def _plain_names(cls, names: list[str]) -> list[str]:
        bad = [name for name in names if not name or "/" in name or name in (".", "..")]
        if bad:
            raise ValueError(f"seal and keep take plain file names of the work dir, not {bad}")
        return names


def sealed(name: str) -> str:
    """How a step's argv names a file an earlier step sealed."""
    return SEALED_PREFIX + name


def resolve_sealed(argv: list[str], sealed_dir: str) -> list[str]:
    """argv with every `@sealed/NAME` turned into that file's path under `sealed_dir`."""
    return [sealed_dir.rstrip("/") + "/" + item[len(SEALED_PREFIX):] if item.startswith(SEALED_PREFIX) else item
            for item in argv]


class Job(BaseModel):
    model_config = ConfigDict(extra="forbid")
    files: dict[str, str]  # relative path -> text content
    steps: list[Step]
    cores: int = 1
    gpus: int = 0  # GPUs its steps use (a GPU model's jobs): an executor places the job where they are


class StepResult(BaseModel):
    name: str
    kind: StepKind
    verdict: Verdict  # ok, build_error, runtime_error, timeout, memory_limit, output_limit, infra_error
    exit_code: int | None = None
    signal: int | None = None
    wall_s: float = 0.0
    cpu_s: float = 0.0
    max_rss_kb: int = 0
    stdout: str = ""
    stderr: str = ""
    message: str = ""


class JobResult(BaseModel):
    verdict: Verdict
    steps: list[StepResult]
    isolation: dict[str, bool] = Field(default_factory=dict)
    # the fingerprint of the machine that ran the job when it is not this process's host (an executor's node,
    # e.g. harness/ray_executor.py); None: the sandbox's own
    node: dict[str, object] | None = None

    def step(self, name: str) -> StepResult | None:
        return next((s for s in self.steps if s.name == name), None)


class Sandbox(Protocol):
    name: str

    def run(self, job: Job) -> JobResult:
        """Run the job's steps in order in a fresh work dir; stop at the first step that fails."""
        ...

    def close(self) -> None: ...


def job_verdict(steps: list[StepResult]) -> Verdict:
    """The verdict of a job is that of its first failing step, or ok."""
    for step in steps:
        if step.verdict != Verdict.ok:
            return step.verdict
    return Verdict.ok


class SandboxError(Exception):
    """A sandbox cannot be set up here (no daemon, no image, …); the message names the fix."""
