"""What a `function` problem is: a Python function over input levels of growing size (ENAMEL's design)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field, model_validator

from hpceval.tasks.schema import ProblemBase

Mode = Literal["generate", "optimize"]
Language = Literal["python", "cpp"]
CXXFLAGS: tuple[str, ...] = ("-std=c++20", "-O2")  # plain x86-64: valgrind's instruction timer runs what it builds
ENAMEL_CASES: tuple[int, ...] = (8, 4, 4, 4)  # test cases per level, ENAMEL's default
ENAMEL_REPS = 4  # runs of each case of a timed level (ENAMEL: 6); an answer's job runs the reference as often


class FunctionProblem(ProblemBase):
    """Every field the trusted side needs travels with the problem: the sandbox job is built from it alone.
    language cpp: prompt, reference and baseline are C++ (the prompt's declaration is the signature; see
    runtime/hpceval_function.hpp), the generator and checker stay Python, and the answers come from the reference."""

    entry_point: str
    language: Language = "python"
    cxxflags: list[str] = Field(default_factory=lambda: list(CXXFLAGS))  # cpp: how solution.so is compiled
    prompt: str  # what the coder sees: the signature and the docstring (cpp: the includes and the declaration)
    generator: str  # Python source defining generate_input(size, lid, cid) (see runtime/generate.py)
    reference: str  # the expert solution: the prompt's body, or a whole module
    checker: str  # Python source defining __check(input, answer, output) -> bool
    baseline: str | None = None  # a naive but correct whole module (the `baseline` agent's answer)
    sizes: list[int]  # the size passed to the generator at each level
    hardness: list[float] = Field(default_factory=lambda: [0.0, 3.0, 3.0, 4.0])  # 0: checked, not timed
    cases: list[int] = Field(default_factory=lambda: list(ENAMEL_CASES))
    reps: int = ENAMEL_REPS
    alpha: float = 2.0  # time limit: alpha x the reference's slowest timed level
    tolerance_s: float = 0.01  # added to that limit (ENAMEL's tolerence_sec)
    seed: str = "hpceval"  # the generator's seed is f"{seed}:{level}:{case}"
    source_index: int | None = None  # position in the dataset the problem came from (sample files use it)
    # a task per mode (ids end in /<mode> unless the only mode is generate); optimize: make the baseline fast
    modes: list[Mode] = Field(default_factory=lambda: list[Mode](["generate"]))
    validation_margin: float = Field(default=1.5, gt=1.0)  # validate: baseline >= this x reference, top level

    FILE_FIELDS: ClassVar[dict[str, str | tuple[str, ...]]] = {
        "prompt": ("prompt.py", "prompt.cpp"), "generator": "generator.py",
        "reference": ("reference.py", "reference.cpp"), "checker": "checker.py",
        "baseline": ("baseline.py", "baseline.cpp")}

    @model_validator(mode="after")
    def _levels_agree(self) -> FunctionProblem:
        if not (len(self.sizes) == len(self.hardness) == len(self.cases)) or not self.sizes:
            raise ValueError(f"sizes, hardness and cases need one entry per level (got {len(self.sizes)}, "
                             f"{len(self.hardness)}, {len(self.cases)})")
        if not any(h > 0 for h in self.hardness):
            raise ValueError("at least one level needs a positive hardness (a timed level)")
        if min(self.cases) < 1 or self.reps < 1:
            raise ValueError("every level needs at least one case, and reps must be >= 1")
        if "optimize" in self.modes and self.baseline is None:
            raise ValueError("mode optimize starts from the baseline: add baseline.py (or baseline:)")
        if not self.modes or len(set(self.modes)) != len(self.modes):
            raise ValueError("modes: list generate and/or optimize, each once")
        if self.language == "cpp" and f"{self.entry_point}(" not in self.prompt:
            raise ValueError(f"a cpp problem's prompt declares {self.entry_point}(...): add the declaration")
        return self

    def task_suffix(self, mode: str) -> str:
        return "" if self.modes == ["generate"] else f"/{mode}"

    def reference_module(self) -> str:
        """The reference as a whole module (a body is appended to the prompt; C++ is always whole)."""
        if self.language == "cpp" or f"def {self.entry_point}" in self.reference:
            return self.reference
        return self.prompt.rstrip("\n") + "\n" + self.reference

    def trusted_view(self) -> dict[str, object]:
        """problem.json of the reference's job: what runtime/generate.py and runtime/trusted.py read."""
        return {**self.answer_view(), "generator": self.generator, "reference": self.reference,
                "cxxflags": self.cxxflags}

    def answer_view(self) -> dict[str, object]:
        """problem.json of an answer's job: what trusted.py needs, and neither the reference nor the generator
        (the candidate's process can read the job dir)."""
        return {"entry_point": self.entry_point, "language": self.language, "prompt": self.prompt,
                "checker": self.checker, "sizes": self.sizes, "hardness": self.hardness, "cases": self.cases,
                "seed": self.seed}
