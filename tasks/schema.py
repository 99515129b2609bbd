"""Pydantic schema of a task pack on disk: `pack.yaml` and each problem's `problem.yaml`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, RootModel, field_validator

EXECUTION_MODELS: tuple[str, ...] = ("serial", "omp", "mpi", "mpi+omp", "cuda")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ModelBuild(Strict):
    """How one execution model is compiled and launched. `{threads}` and `{ranks}` are substituted."""

    compiler: str = "g++"
    flags: list[str] = Field(default_factory=list)
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


class PackSpec(Strict):
    name: str
    version: str
    suite: str
    description: str = ""
    prompt_template: str = "prompt.j2"
    defaults: PackDefaults = Field(default_factory=PackDefaults)


class Tolerance(Strict):
    rtol: float = 1e-9
    atol: float = 1e-12


class CheckCase(Strict):
    size: int
    seed: int


class ProblemSizes(Strict):
    check: list[CheckCase]
    time: int
    time_seed: int = 7


class Edit(Strict):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    replace: str  # must occur exactly once in baseline.cpp
    with_: str = Field(alias="with")


class Mutant(Strict):
    """A near miss (`mutants.yaml`): baseline.cpp with a few edits; the check cases must reject it."""

    what: str
    edits: list[Edit] = Field(min_length=1)


class Mutants(RootModel[dict[str, Mutant]]):
    pass


class ProblemSpec(Strict):
    name: str
    title: str
    problem_type: str
    description: str
    entry_point: str
    signature: str
    includes: list[str] = Field(default_factory=list)
    models: list[str] = Field(default_factory=lambda: ["serial", "omp", "mpi", "mpi+omp"])
    model_notes: dict[str, str] = Field(default_factory=dict)
    tolerance: Tolerance = Field(default_factory=Tolerance)
    sizes: ProblemSizes
    timing: Timing | None = None
    plausible_speedup_per_core: float | None = None  # overrides the pack's default

    @field_validator("models")
    @classmethod
    def _known_models(cls, models: list[str]) -> list[str]:
        unknown = [m for m in models if m not in EXECUTION_MODELS]
        if unknown:
            raise ValueError(f"unknown execution model(s) {unknown}; known: {list(EXECUTION_MODELS)}")
        return models
