"""Every flag of `hpceval run` as one pydantic model, validated before anything slow happens (no sandbox is
asked, no model client built): a bad flag is one line naming the flag and the fix."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from hpceval.agents.llm import ModelOptions
from hpceval.harness.errors import UserError
from hpceval.harness.model_flags import model_options
from hpceval.tasks.kinds import Timer

SandboxName = Literal["auto", "local", "docker"]
ExecutorName = Literal["local", "ray"]
LogLevel = Literal["debug", "info", "warning", "error"]
FLAG_NAMES = {"samples": "-n", "tasks": "--task", "timeout": "--timeout", "sample_ids": "--sample-id"}


def parse_counts(text: str, flag: str) -> list[int]:
    """`--threads 1,2,4` / `--ranks 1,2`: distinct positive counts, ascending."""
    try:
        counts = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise ValueError(f"{text!r}: give positive integers separated by commas, e.g. {flag} 1,2,4") from None
    if not counts or counts[0] < 1:
        raise ValueError(f"{text!r}: give positive integers separated by commas, e.g. {flag} 1,2,4")
    return counts


def parse_ks(text: str) -> list[int]:
    try:
        ks = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise ValueError(f"{text!r}: give positive integers separated by commas, e.g. --k 1,5") from None
    if not ks or ks[0] < 1:
        raise ValueError(f"{text!r}: give positive integers separated by commas, e.g. --k 1,5")
    return ks


def parse_sample_ids(text: str) -> list[int]:
    """`0,3-5` -> [0, 3, 4, 5]."""
    ids: set[int] = set()
    try:
        for part in (p.strip() for p in text.split(",") if p.strip()):
            low, _, high = part.partition("-")
            ids.update(range(int(low), int(high or low) + 1))
    except ValueError:
        raise ValueError(f"{text!r}: give sample numbers and ranges, e.g. --sample-id 0,3-5") from None
    if not ids or min(ids) < 0:
        raise ValueError(f"{text!r}: give sample numbers (0 and up) and ranges, e.g. --sample-id 0,3-5")
    return sorted(ids)


class RunOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    suite: str = "hpc"
    dataset: str | None = None  # where a suite that reads a dataset (enamel) reads it
    agent: str = "reference"
    tasks: list[str] = Field(default_factory=list)  # task-id globs; empty = all
    samples: int = Field(default=1, ge=1)
    k: list[int] = Field(default_factory=lambda: [1])
    limit: int | None = Field(default=None, ge=1)  # the first N tasks after the globs
    sample_ids: list[int] | None = None  # only these samples (each below `samples`)
    log_level: LogLevel = "info"
    sandbox: SandboxName | None = None  # None: the resumed run's, else auto
    image: str | None = None
    gpus: str | None = None
    timing_cpus: str | None = None
    timer: Timer = "wall"  # what a function-kind run costs: wall time, or instructions (valgrind)
    # scaling sweeps of kernel tasks: each answer is also timed at these thread and rank counts (capped at the
    # target's CPUs), besides its model's own
    threads: list[int] = Field(default_factory=list)
    ranks: list[int] = Field(default_factory=list)
    counters: bool | None = None  # profiler counters for the judge (None: with a coder-judge loop)
    cuda_toolkit: str | None = None
    executor: ExecutorName = "local"  # where sandbox jobs run: this host, or a Ray cluster (harness/executors.py)
    ray_address: str | None = None  # the Ray cluster (None: RAY_ADDRESS, else a one-node Ray started here)
    out: Path | None = None
    no_reuse: bool = False  # evaluate every sample's answer, even one identical to an answer evaluated before
    max_sandboxes: int = Field(default_factory=lambda: min(4, os.cpu_count() or 1), ge=1)
    seed: int | None = None
    timeout: float | None = Field(default=None, ge=1)
    # model agents
    judge: str | None = None
    loop: str | None = None
    rounds: int | None = Field(default=None, ge=1)
    base_url: str | None = None
    judge_base_url: str | None = None
    temperature: float | None = Field(default=None, ge=0, le=2)
    top_p: float | None = Field(default=None, ge=0, le=1)
    max_tokens: int | None = Field(default=None, ge=1)
    reasoning_effort: str | None = None
    agent_config: Path | None = None
    max_connections: int = Field(default=16, ge=1)
    no_cache: bool = False
    cost_limit: float | None = Field(default=None, ge=0)
    prices: Path | None = None
    request_timeout: float | None = Field(default=None, ge=0.1)
    max_retries: int | None = Field(default=None, ge=0)
    retry_base_delay: float | None = Field(default=None, ge=0)

    @field_validator("k", mode="before")
    @classmethod
    def _ks(cls, value: Any) -> Any:
        return parse_ks(value) if isinstance(value, str) else value

    @field_validator("k")
    @classmethod
    def _k_within_samples(cls, ks: list[int], info: ValidationInfo) -> list[int]:
        samples = info.data.get("samples", 1)
        if ks[-1] > samples:
            raise ValueError(f"k={ks[-1]} needs at least {ks[-1]} samples per task; add -n {ks[-1]} or lower --k")
        return ks

    @field_validator("threads", "ranks", mode="before")
    @classmethod
    def _counts(cls, value: Any, info: ValidationInfo) -> Any:
        return parse_counts(value, f"--{info.field_name}") if isinstance(value, str) else value

    @field_validator("sample_ids", mode="before")
    @classmethod
    def _sample_ids(cls, value: Any) -> Any:
        return parse_sample_ids(value) if isinstance(value, str) else value

    @field_validator("sample_ids")
    @classmethod
    def _ids_within_samples(cls, ids: list[int] | None, info: ValidationInfo) -> list[int] | None:
        samples = info.data.get("samples", 1)
        if ids and ids[-1] >= samples:
            raise ValueError(f"sample {ids[-1]} needs -n {ids[-1] + 1} or more (samples are numbered from 0)")
        return ids

    @field_validator("executor", mode="before")
    @classmethod
    def _lower_executor(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.lower() if isinstance(value, str) else value

    def model(self) -> ModelOptions:
        """The model agents' options (raises UserError on a flag combination that does not fit)."""
        return model_options(
            judge=self.judge, loop=self.loop, rounds=self.rounds, base_url=self.base_url,
            judge_base_url=self.judge_base_url, temperature=self.temperature, top_p=self.top_p,
            max_tokens=self.max_tokens, seed=self.seed, reasoning_effort=self.reasoning_effort,
            agent_config=self.agent_config, max_connections=self.max_connections, no_cache=self.no_cache,
            cost_limit=self.cost_limit, prices=self.prices, request_timeout=self.request_timeout,
            max_retries=self.max_retries, retry_base_delay=self.retry_base_delay)


def parse_run_options(**flags: Any) -> RunOptions:
    """`RunOptions` from the command line's values, or a UserError naming the first bad flag."""
    try:
        return RunOptions(**{name: value for name, value in flags.items() if value is not None})
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else ""
        flag = FLAG_NAMES.get(field, f"--{field.replace('_', '-')}") if field else "hpceval run"
        message = str(error["msg"]).removeprefix("Value error, ")
        raise UserError(f"{flag}: {message}") from None
