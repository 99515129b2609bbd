"""Pydantic schema of a task pack on disk: `pack.yaml` and each problem's `problem.yaml`."""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field

EXECUTION_MODELS: tuple[str, ...] = ("serial", "omp", "mpi", "mpi+omp", "kokkos", "cuda")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ModelBuild(Strict):
    """How one execution model is compiled and launched. `{threads}` and `{ranks}` are substituted."""

    compiler: str = "g++"
    flags: list[str] = Field(default_factory=list)
    libs: list[str] = Field(default_factory=list)  # link only: the candidate's library and the worker
    # what makes the candidate's object fit for a shared library (None: the kernel kind's -fPIC and friends;
    # nvcc passes them to its host compiler with -Xcompiler)
    candidate_flags: list[str] | None = None
    linker: str | None = None  # links the candidate's library and the worker (None: the compiler)
    link_flags: list[str] | None = None  # the flags of those links (None: `flags`)
    gpu: bool = False  # checks and timing need a GPU: without one they are recorded as skipped_no_gpu
    launcher: list[str] = Field(default_factory=list)
    env: dict[str, str] = Field(default_factory=dict)
    threads: int = 1
    ranks: int = 1
    prompt_note: str = ""


class Timing(Strict):
    warmup: int = 1
    min_reps: int = 5
    max_reps: int = 30
    budget_s: float = 3.0
    # repeats stop early, after min_reps, once the speedup's 95% interval is at most this wide relative to the
    # speedup (0: always run to max_reps or the budget)
    ci_width: float = Field(default=0.05, ge=0.0)


class Limits(Strict):
    build_wall_s: float = 60.0
    run_wall_s: float = 60.0
    memory_mb: int = 4096
    processes: int = 256
    output_bytes: int = 1_000_000


class PackDefaults(Strict):
    language: str = "cpp"
    base_flags: list[str] = Field(default_factory=lambda: ["-std=c++17", "-O3"])
    models: dict[str, ModelBuild] = Field(default_factory=dict)
    timing: Timing = Field(default_factory=Timing)
    limits: Limits = Field(default_factory=Limits)
    # A speedup above this many times the task's cores is marked `suspect` (and capped when scored).
    plausible_speedup_per_core: float = 8.0


class PromptFiles(Strict):
    """The pack's jinja2 templates, relative to the pack folder; where one is not given, hpceval's default in
    tasks/templates/ is used (the defaults are written for any language and kind)."""

    task: str = "prompt.j2"  # the task itself (required: no default)
    coder_system: str | None = None
    judge_system: str | None = None
    revision: str | None = None  # after a round: the evaluation (and a judge's fix), asking for a revision
    judge_request: str | None = None  # the judge's view of the task, the answer and its evaluation


class AnswerFormat(Strict):
    """How an answer is read out of a completion."""

    language: str = "cpp"  # fence tag shown to the judge; fences tagged with it (or untagged) hold the answer
    fence_tags: list[str] = Field(default_factory=list)  # further tags accepted as the answer's language
    # code prepended when a completion gives a bare function body, which is wrapped in the task's signature
    body_prelude: str = ""


class PackSpec(Strict):
    name: str
    version: str
    suite: str
    kind: str = "kernel"  # the task kind: its evaluator turns answers into sandbox jobs (tasks/kinds/)
    # a pack whose problems come from a dataset (`--dataset PATH_OR_ID`) rather than problems/: its format
    dataset: str | None = None
    dataset_hint: str = ""  # where users get that dataset, for the error when --dataset is missing
    description: str = ""
    # task-id globs `hpceval run` evaluates when no --task is given (a quick, representative set); empty: every task
    default_tasks: list[str] = Field(default_factory=list)
    prompt_template: str | None = None  # older name of prompts.task
    prompts: PromptFiles = Field(default_factory=PromptFiles)
    answer: AnswerFormat = Field(default_factory=AnswerFormat)
    defaults: PackDefaults = Field(default_factory=PackDefaults)
    # fields every problem.yaml inherits and may override (nested mappings merge: tolerance: {rtol: ...})
    problem_defaults: dict[str, object] = Field(default_factory=dict)
    # the pack's own data, for its kind or its users; hpceval keeps it and never reads it
    metadata: dict[str, object] = Field(default_factory=dict)

    def model_post_init(self, __context: object) -> None:
        if self.prompt_template is not None:
            self.prompts = self.prompts.model_copy(update={"task": self.prompt_template})


class ProblemBase(BaseModel):
    """What every kind's problem.yaml has; a kind's schema extends it (e.g. tasks/kinds/kernel/schema.py)."""

    model_config = ConfigDict(extra="forbid")
    name: str
    title: str
    problem_type: str
    description: str
    metadata: dict[str, object] = Field(default_factory=dict)  # the problem's own data; hpceval never reads it

    # text fields a problem folder may hold as files instead (field -> file name, or names of which the first
    # present is read; the YAML wins where both)
    FILE_FIELDS: ClassVar[dict[str, str | tuple[str, ...]]] = {}


