"""Everything hpceval writes to a run dir, as pydantic models. `run.json` and every attempt carry a
`schema_version`; the store migrates records of an older schema when it reads them (`migrate_attempt`,
`migrate_manifest`) and refuses those of a newer one with the fix."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, SerializeAsAny

from hpceval.agents.base import Usage
from hpceval.agents.settings import Sampling
from hpceval.sandbox.base import Verdict
from hpceval.tasks.kinds.base import Measurement, Timer

# 1: hpceval 0.1.0 (one flat attempt record of the kernel kind); 2: a common core and the kind's `measurement`;
# 3: adds fields an older hpceval would refuse as malformed (run.json's executor and reuse, an attempt's
# reused_from), so that it says "upgrade" instead; a record of 2 reads as it is
SCHEMA_VERSION = 3
# the fields of a 0.1.0 attempt that belong to the kernel kind's measurement now
KERNEL_FIELDS_V1 = ("threads", "ranks", "build_s", "check_s", "time_s", "baseline_times", "candidate_times",
                    "baseline_median_s", "candidate_median_s", "speedup", "speedup_ci", "efficiency", "suspect",
                    "speedup_bound", "handshake_us", "untimed_cpu_s", "counters", "runs")


class NewerSchema(ValueError):
    pass


def _schema_of(data: dict[str, Any], what: str) -> int:
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise NewerSchema(f"{what} has schema_version {version}, newer than this hpceval reads ({SCHEMA_VERSION}); "
                          "upgrade hpceval (pip install -U hpceval)")
    return version


def migrate_manifest(data: dict[str, Any]) -> dict[str, Any]:
    """run.json as schema 2 has it (schema 1, 0.1.0, differs only in its attempts)."""
    _schema_of(data, "run.json")
    return {**data, "schema_version": SCHEMA_VERSION}


def migrate_attempt(data: dict[str, Any]) -> dict[str, Any]:
    """A record as schema 2 has it: a 0.1.0 record's kernel fields move into `measurement`, `code_sha` becomes
    `answer_sha`, and its cores are threads x ranks."""
    if _schema_of(data, "the attempt") >= 2:
        return data
    out = {k: v for k, v in data.items() if k not in KERNEL_FIELDS_V1 and k != "code_sha"}
    measurement = {k: data[k] for k in KERNEL_FIELDS_V1 if k in data}
    measurement["cores"] = int(data.get("threads") or 1) * int(data.get("ranks") or 1)
    out.update(schema_version=SCHEMA_VERSION, kind="kernel", answer_sha=data.get("code_sha"), measurement=measurement)
    return out


class RunConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    suite: str
    dataset: str | None = None  # --dataset (its content is in the pack's content hash, which a resume checks)
    tasks: list[str] = Field(default_factory=list)  # task-id globs; empty = all
    agent: str
    samples: int = 1
    k: list[int] = Field(default_factory=lambda: [1])
    limit: int | None = None  # --limit: the first N tasks after the globs (a resume may change it)
    sample_ids: list[int] | None = None  # --sample-id: only these samples (a resume may change it)
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
    image: str | None = None  # docker: the recipe or image reference asked for
    gpus: str | None = None
    timing_cpus: str | None = None
    timer: Timer = "wall"  # wall | instructions: no score table mixes runs of different timers
    threads: list[int] = Field(default_factory=list)  # the scaling sweep (--threads, --ranks), capped at the target
    ranks: list[int] = Field(default_factory=list)
    # profiler counters of each answer's call (for the judge: on with a coder-judge loop, or --counters); they add
    # a step after the timing and change no verdict or speedup
    counters: bool = False
    # where the sandbox jobs ran (--executor local|ray, --ray-address): not an identity field, it changes no
    # measurement (each attempt names the node it was measured on); a resume may change it
    executor: str = "local"
    ray_address: str | None = None
    # an answer identical to one already evaluated for the task takes over its outcome (harness/reuse.py); False
    # (--no-reuse): every sample is measured on its own. Not an identity field: it changes no verdict or score
    reuse: bool = True

    # settings that change what is measured; a resume must repeat them (samples, k, limit and sample ids may
    # change the selection; connections, cache, cost limit, endpoints and --max-sandboxes may change too)
    IDENTITY_FIELDS: ClassVar[tuple[str, ...]] = (
        "suite", "tasks", "agent", "sandbox", "image", "gpus", "timing_cpus", "timer", "threads", "ranks", "seed",
        "run_timeout_s",
        "judge", "loop", "rounds", "coder_sampling", "judge_sampling")

    def identity(self) -> dict[str, object]:
        """The fields that make two runs the same run."""
        out: dict[str, object] = {}
        for name in self.IDENTITY_FIELDS:
            value = getattr(self, name)
            out[name] = (sorted(value) if name == "tasks" else
                         value.model_dump(exclude_none=True) if isinstance(value, BaseModel) else value)
        return out

    def differences(self, other: RunConfig) -> list[str]:
        """`field: this (that)` for every identity field where the two runs differ."""
        mine, theirs = self.identity(), other.identity()
        return [f"{name} {theirs[name]!r} (the run has {mine[name]!r})" for name in mine if mine[name] != theirs[name]]


class PackInfo(BaseModel):
    name: str
    version: str
    suite: str
    content_hash: str


class RunManifest(BaseModel):
    """`run.json`."""

    schema_version: int = SCHEMA_VERSION
    run_id: str
    created_at: str
    hpceval_version: str
    git_revision: str | None
    config: RunConfig
    packs: list[PackInfo]
    fingerprint: dict[str, object]


class ReusedFrom(BaseModel):
    """The sample and round whose evaluation an attempt took over (its answer was the same text, for the same task
    in the same run): the sandbox did not run it again (harness/reuse.py)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    sample: int
    round: int = 0

    def describe(self) -> str:
        return f"reused from sample {self.sample}" + (f" round {self.round}" if self.round else "")


class Attempt(BaseModel):
    """One line of `attempts.jsonl`: one evaluated round of a sample (round 0 of a single-round agent). The
    common core, then the task kind's `measurement` (e.g. tasks/kinds/kernel: KernelMeasurement)."""

    model_config = ConfigDict(extra="forbid")  # kind-specific fields go into `measurement`, nowhere else
    schema_version: int = SCHEMA_VERSION
    task_id: str
    sample: int
    round: int = 0
    suite: str
    pack: str
    problem: str
    problem_type: str
    kind: str = "kernel"
    execution_model: str = "serial"
    agent: str
    judge: str | None = None
    verdict: Verdict
    message: str = ""
    built: bool = False  # the answer compiled (counts for build@k); a prediction that was read
    answer_sha: str | None = None  # name prefix of the answer (code or prediction) under artifacts/
    log_sha: str | None = None
    measurement: SerializeAsAny[Measurement] | None = None
    usage: Usage = Field(default_factory=Usage)  # of this round, all roles; the latest record carries the sum
    roles: dict[str, Usage] = Field(default_factory=dict)  # the same per role: "coder", "judge"
    transcript_sha: str | None = None  # the round's conversation (agents.loops.Transcript) under artifacts/
    loop_done: bool = True  # False while later rounds of this sample's loop are still to come
    fingerprint_sha: str | None = None  # artifacts/<sha>.json: the machine and image this attempt ran on
    # the outcome (verdict, message, log, measurement, machine) is that of an identical answer evaluated before in
    # this run; None: this attempt's answer was evaluated for it
    reused_from: ReusedFrom | None = None
    origin: str = "hpceval"  # "pareval": imported by `hpceval import pareval`
    started_at: str
    finished_at: str

    @property
    def speedup(self) -> float | None:
        return self.measurement.speedup if self.measurement else None

    @property
    def cores(self) -> int:
        return self.measurement.cores if self.measurement else 1

    def log_line(self) -> str:
        """One plain line: task, sample, round, verdict, speedup (when ok), seconds."""
        try:
            seconds = datetime.fromisoformat(self.finished_at) - datetime.fromisoformat(self.started_at)
            took = f" {seconds.total_seconds():.1f} s"
        except ValueError:
            took = ""
        speedup = self.speedup
        measured = f" speedup {speedup:.3f}" if speedup is not None and self.verdict == Verdict.ok else ""
        reused = f" ({self.reused_from.describe()})" if self.reused_from else ""
        return f"{self.task_id} sample {self.sample} round {self.round}: {self.verdict.value}{measured}{took}{reused}"


class Summary(BaseModel):
    """`summary.json`: recomputed from `attempts.jsonl` alone by `hpceval score`."""

    schema_version: int = SCHEMA_VERSION
    metrics: dict[str, float]
    groups: dict[str, dict[str, float]]
    # 95% bootstrap intervals over tasks: {"all" or a group name: {metric: [low, high]}}
    intervals: dict[str, dict[str, list[float]]] = Field(default_factory=dict)
    counts: dict[str, int]
    tasks: dict[str, dict[str, float]] = Field(default_factory=dict)
    # each task's execution_model, problem_type, pack and problem (the leaderboard's breakdowns and plots)
    labels: dict[str, dict[str, str]] = Field(default_factory=dict)
    k: list[int]
    n_tasks: int
    n_attempts: int
    notes: list[str] = Field(default_factory=list)
    usage: dict[str, Usage] = Field(default_factory=dict)  # tokens and dollars: "total" and per role
