"""Schema of a `kernel` problem's problem.yaml and mutants.yaml."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, RootModel, field_validator, model_validator

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


KernelMode = Literal["generate", "translate", "optimize"]


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
    # a task per model and mode (ids end in /<mode>): generate writes from the spec; translate is given the
    # reference of each model in `translate_from[model]` (target model -> source model, or a list of them) to port;
    # optimize is given the
    # sequential baseline, correct but slow, to make fast in the model
    modes: list[KernelMode] = Field(default_factory=lambda: list[KernelMode](["generate"]))
    translate_from: dict[str, str | list[str]] = Field(default_factory=dict)

    @field_validator("models")
    @classmethod
    def _known_models(cls, models: list[str]) -> list[str]:
        unknown = [m for m in models if m not in EXECUTION_MODELS]
        if unknown:
            raise ValueError(f"unknown execution model(s) {unknown}; known: {list(EXECUTION_MODELS)}")
        return models

    @model_validator(mode="after")
    def _modes(self) -> ProblemSpec:
        if len(set(self.modes)) != len(self.modes) or "generate" not in self.modes:
            raise ValueError("modes: list generate, and translate and/or optimize, each once")
        for target, sources in self.translate_from.items():
            for source in [sources] if isinstance(sources, str) else sources:
                if target == source or source not in EXECUTION_MODELS or target not in EXECUTION_MODELS:
                    raise ValueError(f"translate_from: {source!r} -> {target!r} is not a pair of two execution models")
        if "translate" in self.modes and not self.translate_from:
            raise ValueError("mode translate needs translate_from (target model: source model)")
        return self

    def translations(self) -> list[tuple[str, str]]:
        """(target, source) of this problem's translate tasks, both models of the problem; a target's first source
        first."""
        if "translate" not in self.modes:
            return []
        pairs = [(t, s) for t, sources in self.translate_from.items()
                 for s in ([sources] if isinstance(sources, str) else sources)]
        return [(t, s) for t, s in pairs if t in self.models and s in self.models]
