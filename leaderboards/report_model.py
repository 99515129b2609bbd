"""The view model of a run report (`hpceval report`): plain strings, numbers and lists that the harness fills from
a run dir (harness/report_pages.py) and leaderboards/run_report.py renders. Every string here may be untrusted
(a candidate's code, a model's words, a build log): the templates escape them all."""

from __future__ import annotations

import hashlib
import re

from pydantic import BaseModel, Field

PAGE_STEM_CHARS = 80  # the readable part of a task page's file name
UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def task_page_name(task_id: str) -> str:
    """A task page's file name: the id with every character outside [A-Za-z0-9._-] as `_`, cut to a readable
    length, plus a hash of the exact id (so `a/b` and `a_b`, or ids that differ only in case, never share a
    file). Deterministic: the same id always gets the same page."""
    stem = UNSAFE.sub("_", task_id).strip("._")[:PAGE_STEM_CHARS] or "task"
    digest = hashlib.sha256(task_id.encode("utf-8", errors="surrogateescape")).hexdigest()[:10]
    return f"{stem}-{digest}.html"


class Fact(BaseModel):
    """One labelled value of a definition list (a run's setting, a timing)."""

    label: str
    value: str


class Metric(BaseModel):
    """A score with its 95% bootstrap interval over tasks (None where it has none)."""

    name: str
    value: float | None = None
    low: float | None = None
    high: float | None = None


class GroupRow(BaseModel):
    """One group of the summary (`all`, `model omp`, ...) with its metrics in the summary's column order."""

    name: str
    metrics: list[Metric]


class UsageRow(BaseModel):
    role: str
    calls: int = 0
    cached_calls: int = 0
    retries: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float = 0.0


class PackRow(BaseModel):
    name: str
    version: str
    suite: str
    content_hash: str


class RunInfo(BaseModel):
    run_id: str
    run_dir: str
    created_at: str
    hpceval_version: str
    git_revision: str = ""
    suite: str
    agent: str
    judge: str = ""
    loop: str
    rounds: int
    sandbox: str
    timer: str
    samples: int
    k: list[int]
    packs: list[PackRow]
    settings: list[Fact] = Field(default_factory=list)  # the other settings that change what is measured
    fingerprint: list[Fact] = Field(default_factory=list)


class SummaryView(BaseModel):
    source: str  # where the scores come from: the run's summary.json, or scored here from attempts.jsonl
    overall: list[Metric]  # every metric of the whole run, with its interval
    columns: list[str]  # the headline metrics of the groups table, in order
    groups: list[GroupRow]  # one per group the terminal table shows, "all" first
    counts: list[Fact]
    n_tasks: int
    n_attempts: int
    notes: list[str] = Field(default_factory=list)
    usage: list[UsageRow] = Field(default_factory=list)  # "total" first, then per role


class SampleVerdict(BaseModel):
    sample: int
    verdict: str
    ok: bool
    rounds: int = 1


class SpeedColumn(BaseModel):
    """A per-task metric column of the index: the summary's key (`speedup_n@1`) and its header."""

    key: str
    title: str


class TaskRow(BaseModel):
    task_id: str
    page: str  # relative to the index: tasks/<file>.html
    kind: str
    execution_model: str
    problem_type: str
    samples: list[SampleVerdict]
    pass_at_1: float | None = None
    build_at_1: float | None = None
    speed: dict[str, float | None] = Field(default_factory=dict)  # SpeedColumn.key -> value (None: undefined)


class LogStepView(BaseModel):
    name: str
    header: str
    command: str = ""
    stdout: str = ""
    stderr: str = ""
    runs: bool = False  # a check or time step: its stdout is the trusted driver's JSON
    mismatches: list[str] = Field(default_factory=list)


class LevelRow(BaseModel):
    """One input level of a function-kind answer."""

    level: int
    time: float | None = None
    reference_time: float | None = None
    efficiency: float | None = None
    unit: str = "s"


class Message(BaseModel):
    role: str
    content: str


class RoundView(BaseModel):
    round: int
    kept: bool  # the round that scores
    verdict: str
    ok: bool
    reused_from: str = ""  # "reused from sample N": the outcome of an identical answer, not evaluated again
    message: str = ""
    told: str = ""  # the revision request this round answered (rounds after the first)
    answer_title: str = "answer"
    answer: str | None = None
    answer_file: str = ""  # under the run dir's artifacts/
    completion: str = ""  # the model's whole reply, where it differs from the answer read out of it
    steps: list[LogStepView] = Field(default_factory=list)
    raw_log: str = ""  # a log that is not in steps
    timings: list[Fact] = Field(default_factory=list)
    levels: list[LevelRow] = Field(default_factory=list)
    feedback: list[str] = Field(default_factory=list)  # the kind's own account of its measurement
    judge_name: str = ""
    judge: list[Message] = Field(default_factory=list)
    review_error: str = ""
    next_message: str = ""
    usage: list[Fact] = Field(default_factory=list)
    started_at: str = ""
    finished_at: str = ""


class SampleView(BaseModel):
    sample: int
    verdict: str  # of the kept round
    ok: bool
    prompt: str = ""  # only where it differs from the task's prompt
    rounds: list[RoundView]


class PageLink(BaseModel):
    task_id: str
    page: str  # the file name, relative to the tasks/ folder


class TaskPage(BaseModel):
    task_id: str
    page: str  # the file name under tasks/
    kind: str
    labels: list[Fact]
    prompt: str | None = None
    metrics: list[Metric] = Field(default_factory=list)  # the task's scores in summary.json
    samples: list[SampleView]
    previous: PageLink | None = None
    next: PageLink | None = None


class RunReport(BaseModel):
    title: str
    run: RunInfo
    summary: SummaryView
    speed_columns: list[SpeedColumn]
    tasks: list[TaskRow]
    pages: list[TaskPage]
