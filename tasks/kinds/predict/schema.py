"""What a `predict` problem is: a *family* of items, each a program whose behaviour the model predicts.

A family's files are jinja2 templates; its `params` are drawn per item from a seeded generator (see items.py), so
one family yields `count` different items at every seed. A curated item is a family with `count: 1` and no
params. The ground truth is never written down: it comes from building and running the item in the sandbox.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from hpceval.tasks.schema import ProblemBase

# the categories of hpceval's own surrogate pack (a third-party pack may name others in problem_type)
CATEGORIES: tuple[str, ...] = ("multi_language", "algorithms", "scientific", "long_computation", "buggy",
                               "compiler_flags", "parallel", "performance")
STYLES: tuple[str, ...] = ("zero-shot", "cot", "few-shot")  # prompt styles: one task per item and style

# what is predicted, read off the item's runs (see truth.py):
#   stdout         the program's standard output
#   exit           how it ended: "exit N" or "signal NAME"
#   error          the last non-empty line of its standard error (an exception, an assertion, a runtime's message)
#   faster         the label of the fastest of `compare`'s commands (timed on the target machine)
#   ranking        `compare`'s labels, fastest first, one per line
#   ratio_bucket   the bucket of time(first label) / time(second label) among `buckets`
Truth = Literal["stdout", "exit", "error", "faster", "ranking", "ratio_bucket"]
TIMED_TRUTHS: tuple[str, ...] = ("faster", "ranking", "ratio_bucket")
Scorer = Literal["exact", "numeric", "jaccard", "rank"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IntParam(Strict):
    int: tuple[int, int]  # inclusive bounds


class FloatParam(Strict):
    float: tuple[float, float]
    digits: int = 3  # rounded to this many decimals (a value the template prints as written)


class ChoiceParam(Strict):
    choice: list[object] = Field(min_length=1)


class IntsParam(Strict):
    ints: tuple[int, int]  # each value's inclusive bounds
    length: tuple[int, int]  # the list's inclusive length bounds
    distinct: bool = False


class ShuffleParam(Strict):
    shuffle: list[object] = Field(min_length=1)  # the same values in a seeded order


Param = Annotated[IntParam | FloatParam | ChoiceParam | IntsParam | ShuffleParam, Field(union_mode="smart")]


class PredictProblem(ProblemBase):
    """One family. `problem_type` is its category. Every text below but `files`' keys is a jinja2 template over
    the item's params (and `index`, `seed`)."""

    language: str  # what the program is written in: c, cpp, python, fortran, ... (shown to the model)
    execution_model: str = "serial"  # serial, omp, mpi (groups the scores)
    count: int = Field(default=1, ge=1)  # items at every seed
    params: dict[str, Param] = Field(default_factory=dict)
    files: dict[str, str]  # file name in the item's dir -> template file in the family's folder
    build: list[str] = Field(default_factory=list)  # shell commands, in the item's dir
    run: str = ""  # the shell command whose behaviour is predicted (truths stdout, exit, error)
    stdin: str = ""
    compare: dict[str, str] = Field(default_factory=dict)  # timed truths: label -> shell command
    buckets: list[float] = Field(default_factory=list)  # ratio_bucket: the ratio's bounds, ascending
    timed_repeats: int = Field(default=5, ge=1)  # timed truths: runs of each command (the median counts)
    truth: Truth = "stdout"
    scorer: Scorer = "exact"
    rtol: float = Field(default=1e-6, gt=0)  # numeric: a number within this relative error scores full credit
    question: str = ""  # what to predict, in words (a default per truth)
    answer_format: str = ""  # how to write the answer (a default per truth)
    shown: list[str] = Field(default_factory=list)  # files the prompt shows (default: every file)
    timeout_s: float = Field(default=20.0, gt=0)  # each build command and each run
    cores: int = Field(default=1, ge=1)  # cores the item's runs need (parallel programs)
    baseline: str | None = None  # the `baseline` agent's constant guess (default: the pack's for the category)

    @model_validator(mode="after")
    def _consistent(self) -> PredictProblem:
        timed = self.truth in TIMED_TRUTHS
        if timed and len(self.compare) < 2:
            raise ValueError(f"truth {self.truth} times commands against each other: give two or more in compare")
        if not timed and not self.run:
            raise ValueError(f"truth {self.truth} needs the command to run: add run")
        if self.truth == "ratio_bucket" and (len(self.compare) != 2 or not self.buckets
                                            or self.buckets != sorted(self.buckets)):
            raise ValueError("ratio_bucket needs exactly two compare commands and ascending buckets")
        if self.count > 1 and not self.params:
            raise ValueError("count > 1 needs params to vary (a family without params is one curated item)")
        if not self.files:
            raise ValueError("files: name at least one template file")
        return self

    def labels(self) -> list[str]:
        """The answers a timed truth can have (its bucket names, or compare's labels)."""
        if self.truth == "ratio_bucket":
            return bucket_names(self.buckets)
        return list(self.compare)


def bucket_names(bounds: list[float]) -> list[str]:
    """`[1.5, 3]` -> `<1.5`, `1.5-3`, `>=3`."""
    def fmt(x: float) -> str:
        return f"{x:g}"

    names = [f"<{fmt(bounds[0])}"]
    names += [f"{fmt(lo)}-{fmt(hi)}" for lo, hi in zip(bounds, bounds[1:], strict=False)]
    return [*names, f">={fmt(bounds[-1])}"]


def bucket_of(ratio: float, bounds: list[float]) -> str:
    names = bucket_names(bounds)
    for name, bound in zip(names, bounds, strict=False):
        if ratio < bound:
            return name
    return names[-1]
