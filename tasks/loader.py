"""Load task packs from disk and expand their problems into tasks."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from hpceval.tasks.errors import PackError
from hpceval.tasks.inherit import load_inherited
from hpceval.tasks.schema import ModelBuild, PackSpec, ProblemBase, Timing

if TYPE_CHECKING:
    from hpceval.tasks.kinds.base import Evaluator


class Task(BaseModel):
    """One evaluable unit: a problem in one execution model (and mode). The fields after `kind` describe code
    answers; kinds without them leave their defaults."""

    task_id: str
    suite: str
    pack: str
    problem: str
    title: str
    problem_type: str
    kind: str = "kernel"
    execution_model: str = "serial"
    mode: str = "generate"
    source_model: str | None = None  # translate tasks: the execution model of the code given to port
    language: str = ""
    entry_point: str = ""
    signature: str = ""
    source_index: int | None = None  # the problem's row in the dataset it was read from (sample files use it)


def model_file_stem(execution_model: str) -> str:
    """File name used for an execution model: `mpi+omp` -> `mpi_omp`."""
    return execution_model.replace("+", "_")


@dataclass
class Problem:
    spec: ProblemBase  # the pack kind's schema (Evaluator.problem_spec)
    path: Path

    def read(self, rel: str) -> str:
        file = self.path / rel
        if not file.is_file():
            raise PackError(f"{file}: missing; every problem of this pack needs it (see the pack README)")
        return file.read_text()


@dataclass
class Pack:
    spec: PackSpec
    path: Path
    problems: dict[str, Problem] = field(default_factory=dict)
    dataset: str | None = None  # the --dataset its problems were read from (packs with `dataset:` in pack.yaml)
    dataset_hash: str = ""
    timing_override: Timing | None = None  # every task's timing, over the problem's and the pack's (validate's)
    seed: int = 0  # the instance set of kinds that generate items from a seed (`predict`; `--seed`)

    @property
    def name(self) -> str:
        return self.spec.name

    @cached_property
    def content_hash(self) -> str:
        """sha256 over every file of the pack (relative path and bytes), in sorted order."""
        digest = hashlib.sha256()
        for file in sorted(p for p in self.path.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(file.relative_to(self.path)).encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
        digest.update(self.dataset_hash.encode())
        return digest.hexdigest()

    @cached_property
    def evaluator(self) -> Evaluator:
        from hpceval.tasks.kinds import evaluator_for

        return evaluator_for(self.spec.kind, self.path / "pack.yaml")

    @cached_property
    def tasks(self) -> list[Task]:
        return [task for problem in self.problems.values() for task in self.evaluator.expand(self, problem)]

    def problem_of(self, task: Task) -> Problem:
        return self.problems[task.problem]

    def model_build(self, execution_model: str) -> ModelBuild:
        try:
            return self.spec.defaults.models[execution_model]
        except KeyError:
            raise PackError(
                f"{self.path / 'pack.yaml'}: no build settings for execution model {execution_model!r}; "
                "add it under defaults.models"
            ) from None

    def timing(self, task: Task) -> Timing:
        if self.timing_override is not None:
            return self.timing_override
        return getattr(self.problems[task.problem].spec, "timing", None) or self.spec.defaults.timing

    def common_files(self) -> dict[str, str]:
        common = self.path / "common"
        if not common.is_dir():
            return {}
        return {p.name: p.read_text() for p in sorted(common.iterdir()) if p.is_file()}


def load_yaml(path: Path, model: type[BaseModel], defaults: Mapping[str, Any] | None = None,
              files: Mapping[str, str | tuple[str, ...]] | None = None) -> BaseModel:
    """`path` (with its `include:`s, over `defaults`) as `model`; each field of `files` it leaves out is read from
    that file beside it (the first of its names that is there), where there is one."""
    data = load_inherited(path, defaults)
    for key, names in (files or {}).items():
        present = [path.parent / n for n in ((names,) if isinstance(names, str) else names)
                   if (path.parent / n).is_file()]
        if key not in data and present:
            data[key] = present[0].read_text(encoding="utf-8")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        schema = f"{model.__module__}.{model.__name__}"
        raise PackError(f"{path}: field {where}: {first['msg']}; fix it to match {schema}") from None


def load_pack(path: Path, dataset: str | None = None) -> Pack:
    """Load `path/pack.yaml` and every `path/problems/*/problem.yaml`; a pack that reads a dataset (`dataset:` in
    pack.yaml) reads its problems from `dataset` instead, and has none without it."""
    path = Path(path)
    spec = load_yaml(path / "pack.yaml", PackSpec)
    assert isinstance(spec, PackSpec)
    pack = Pack(spec=spec, path=path)
    if spec.dataset is not None:
        if dataset is not None:
            from hpceval.tasks.datasets import read_dataset

            problems, pack.dataset_hash = read_dataset(spec.dataset, dataset)
            pack.dataset = dataset
            pack.problems = {p.name: Problem(spec=p, path=path) for p in problems}
            pack.evaluator.check_pack(pack)
        return pack
    if dataset is not None:
        raise PackError(f"pack {spec.name!r} has its own problems; --dataset applies to packs that read one "
                        "(`hpceval list` shows them)")
    schema = pack.evaluator.problem_spec
    problems_dir = path / "problems"
    if not problems_dir.is_dir():
        raise PackError(f"{problems_dir}: missing; a pack keeps one folder per problem there")
    for problem_dir in sorted(p for p in problems_dir.iterdir() if p.is_dir()):
        problem_spec = load_yaml(problem_dir / "problem.yaml", schema, spec.problem_defaults,
                                 getattr(schema, "FILE_FIELDS", {}))
        assert isinstance(problem_spec, ProblemBase)
        if problem_spec.name != problem_dir.name:
            raise PackError(
                f"{problem_dir / 'problem.yaml'}: name {problem_spec.name!r} differs from its folder "
                f"{problem_dir.name!r}; make them equal"
            )
        pack.problems[problem_spec.name] = Problem(spec=problem_spec, path=problem_dir)
    if not pack.problems:
        raise PackError(f"{problems_dir}: no problems; add a folder with problem.yaml")
    pack.evaluator.check_pack(pack)
    return pack
