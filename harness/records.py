"""Everything hpceval writes to a run dir, as pydantic models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from hpceval.agents.base import Usage
from hpceval.agents.settings import Sampling
from hpceval.sandbox.base import Verdict


class RunConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    suite: str
    tasks: list[str] = Field(default_factory=list)  # task-id globs; empty = all
    agent: str
    samples: int = 1
    k: list[int] = Field(default_factory=lambda: [1])
    sandbox: str = "local"
    max_sandboxes: int = 1
    seed: int = 0
    run_timeout_s: float | None = None  # overrides the packs' wall-clock limit of check and time steps
    # model agents (issue 5); the defaults keep older run.json files loading
    judge: str | None = None
    loop: str = "single"
    rounds: int = 1
    coder_sampling: Sampling = Field(default_factory=Sampling)
    judge_sampling: Sampling = Field(default_factory=Sampling)
    base_url: str | None = None
    judge_base_url: str | None = None
    max_connections: int = 16
    cache: bool = True
    cost_limit_usd: float | None = None

    def identity(self) -> dict[str, object]:
        """The fields that make two runs the same run (samples and k may grow on resume; connections, cache,
        cost limit and endpoints may change)."""
        identity: dict[str, object] = {"suite": self.suite, "tasks": sorted(self.tasks), "agent": self.agent,
                                       "sandbox": self.sandbox}
        if self.judge or self.loop != "single" or self.coder_sampling != Sampling():
            identity.update({"judge": self.judge, "loop": self.loop, "rounds": self.rounds,
                             "coder_sampling": self.coder_sampling.model_dump(exclude_none=True),
                             "judge_sampling": self.judge_sampling.model_dump(exclude_none=True)})
        return identity


class PackInfo(BaseModel):
    name: str
    version: str
    suite: str
    content_hash: str


class RunManifest(BaseModel):
    """`run.json`."""

    run_id: str
    created_at: str
    hpceval_version: str
    git_revision: str | None
    config: RunConfig
    packs: list[PackInfo]
    fingerprint: dict[str, object]


class ResourceRun(BaseModel):
    """One timed run of a sample at one resource count (ParEval records several per sample)."""

    threads: int | None = None
    ranks: int | None = None
    did_run: bool
    is_valid: bool
    runtime_s: float | None = None


class Attempt(BaseModel):
    """One line of `attempts.jsonl`: one evaluated sample (round 0 of a single-shot agent)."""

    task_id: str
    sample: int
    round: int = 0
    suite: str
    pack: str
    problem: str
    problem_type: str
    execution_model: str
    agent: str
    judge: str | None = None
    verdict: Verdict
    message: str = ""
    built: bool = False  # the candidate compiled (counts for build@k)
    code_sha: str | None = None  # name prefix of the candidate under artifacts/
    log_sha: str | None = None
    threads: int = 1
    ranks: int = 1
    build_s: float | None = None
    check_s: float | None = None
    time_s: float | None = None
    baseline_times: list[float] = Field(default_factory=list)
    candidate_times: list[float] = Field(default_factory=list)
    baseline_median_s: float | None = None
    candidate_median_s: float | None = None
    speedup: float | None = None  # median(baseline_times) / median(candidate_times)
    speedup_ci: list[float] | None = None  # 95% interval from resampling the interleaved timing pairs
    efficiency: float | None = None
    suspect: bool = False  # speedup above the task's plausible bound (speedup_bound): capped there when scored
    speedup_bound: float | None = None
    handshake_us: float | None = None  # median empty-call round trip, trusted driver <-> worker
    untimed_cpu_s: dict[str, float] = Field(default_factory=dict)  # worker CPU outside timed calls, per phase
    usage: Usage = Field(default_factory=Usage)  # of this round, all roles; the latest record carries the sum
    roles: dict[str, Usage] = Field(default_factory=dict)  # the same per role: "coder", "judge"
    counters: dict[str, float] = Field(default_factory=dict)  # profiler counters, where the host gave them
    transcript_sha: str | None = None  # the round's conversation (agents.loops.Transcript) under artifacts/
    loop_done: bool = True  # False while later rounds of this sample's loop are still to come
    fingerprint_sha: str | None = None  # artifacts/<sha>.json: the machine and image this attempt ran on
    origin: str = "hpceval"  # "pareval": imported by `hpceval import pareval`
    runs: list[ResourceRun] | None = None  # per-resource runs of imported results (None: never ran)
    started_at: str
    finished_at: str

    @property
    def cores(self) -> int:
        return self.threads * self.ranks


class Summary(BaseModel):
    """`summary.json`: recomputed from `attempts.jsonl` alone by `hpceval score`."""

    metrics: dict[str, float]
    groups: dict[str, dict[str, float]]
    # 95% bootstrap intervals over tasks: {"all" or a group name: {metric: [low, high]}}
    intervals: dict[str, dict[str, list[float]]] = Field(default_factory=dict)
    counts: dict[str, int]
    tasks: dict[str, dict[str, float]] = Field(default_factory=dict)
    k: list[int]
    n_tasks: int
    n_attempts: int
    notes: list[str] = Field(default_factory=list)
    usage: dict[str, Usage] = Field(default_factory=dict)  # tokens and dollars: "total" and per role
