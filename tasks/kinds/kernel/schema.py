"""Schema of a `kernel` problem's problem.yaml and mutants.yaml."""

from __future__ import annotations

from pydantic import ConfigDict, Field, RootModel, field_validator

from hpceval.tasks.schema import EXECUTION_MODELS, Limits, ProblemBase, Strict, Timing


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


class ProblemSpec(ProblemBase):
    entry_point: str
    signature: str
    includes: list[str] = Field(default_factory=list)
    models: list[str] = Field(default_factory=lambda: ["serial", "omp", "mpi", "mpi+omp"])
    model_notes: dict[str, str] = Field(default_factory=dict)
    tolerance: Tolerance = Field(default_factory=Tolerance)
    sizes: ProblemSizes
    timing: Timing | None = None  # overrides the pack's defaults.timing
    limits: Limits | None = None  # overrides the pack's defaults.limits
    plausible_speedup_per_core: float | None = None  # overrides the pack's default

    @field_validator("models")
    @classmethod
    def _known_models(cls, models: list[str]) -> list[str]:
        unknown = [m for m in models if m not in EXECUTION_MODELS]
        if unknown:
            raise ValueError(f"unknown execution model(s) {unknown}; known: {list(EXECUTION_MODELS)}")
        return models
