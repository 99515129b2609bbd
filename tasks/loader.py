"""Load task packs from disk and expand their problems into tasks."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from hpceval.tasks.schema import ModelBuild, Mutants, PackSpec, ProblemSpec, Timing


class PackError(Exception):
    """A pack on disk is malformed; the message names the file and the fix."""


class Task(BaseModel):
    """One evaluable unit: a problem in one execution model (and mode)."""

    task_id: str
    suite: str
    pack: str
    problem: str
    title: str
    problem_type: str
    execution_model: str
    mode: str = "generate"
    language: str
    entry_point: str
    signature: str


def model_file_stem(execution_model: str) -> str:
    """File name used for an execution model: `mpi+omp` -> `mpi_omp`."""
    return execution_model.replace("+", "_")


@dataclass
class Problem:
    spec: ProblemSpec
    path: Path

    def read(self, rel: str) -> str:
        file = self.path / rel
        if not file.is_file():
            raise PackError(f"{file}: missing; every problem needs it (see the pack README)")
        return file.read_text()

    def mutants(self) -> dict[str, str]:
        """Near misses that the checks must reject (`mutants.yaml`: edits of baseline.cpp), by name."""
        path = self.path / "mutants.yaml"
        if not path.is_file():
            return {}
        spec = _load_yaml(path, Mutants)
        assert isinstance(spec, Mutants)
        baseline = self.read("baseline.cpp")
        out: dict[str, str] = {}
        for name, mutant in spec.root.items():
            code = baseline
            for edit in mutant.edits:
                if code.count(edit.replace) != 1:
                    raise PackError(f"{path}: {name}: {edit.replace!r} occurs {code.count(edit.replace)} times in "
                                    "baseline.cpp; make it match exactly once")
                code = code.replace(edit.replace, edit.with_)
            out[name] = f"// Near miss ({mutant.what}) of baseline.cpp: the check must reject it.\n{code}"
        return out

    def reference(self, execution_model: str) -> str:
        return self.read(f"reference/{model_file_stem(execution_model)}.cpp")


@dataclass
class Pack:
    spec: PackSpec
    path: Path
    problems: dict[str, Problem] = field(default_factory=dict)

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
        return digest.hexdigest()

    @cached_property
    def tasks(self) -> list[Task]:
        out: list[Task] = []
        for problem in self.problems.values():
            for model in problem.spec.models:
                out.append(
                    Task(
                        task_id=f"{self.name}/{problem.spec.name}/{model}",
                        suite=self.spec.suite,
                        pack=self.name,
                        problem=problem.spec.name,
                        title=problem.spec.title,
                        problem_type=problem.spec.problem_type,
                        execution_model=model,
                        language=self.spec.defaults.language,
                        entry_point=problem.spec.entry_point,
                        signature=problem.spec.signature,
                    )
                )
        return out

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

    def speedup_bound(self, task: Task, cores: int) -> float:
        """The largest plausible speedup of a task on `cores` cores (see PackDefaults)."""
        per_core = self.problems[task.problem].spec.plausible_speedup_per_core
        return (per_core or self.spec.defaults.plausible_speedup_per_core) * cores

    def timing(self, task: Task) -> Timing:
        return self.problems[task.problem].spec.timing or self.spec.defaults.timing

    def common_files(self) -> dict[str, str]:
        common = self.path / "common"
        if not common.is_dir():
            return {}
        return {p.name: p.read_text() for p in sorted(common.iterdir()) if p.is_file()}


def _load_yaml(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        data = yaml.safe_load(path.read_text())
    except FileNotFoundError:
        raise PackError(f"{path}: not found") from None
    except yaml.YAMLError as exc:
        raise PackError(f"{path}: invalid YAML ({exc.__class__.__name__}); fix the syntax") from None
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise PackError(f"{path}: field {where}: {first['msg']}; fix it to match tasks/schema.py") from None


def load_pack(path: Path) -> Pack:
    """Load `path/pack.yaml` and every `path/problems/*/problem.yaml`."""
    path = Path(path)
    spec = _load_yaml(path / "pack.yaml", PackSpec)
    assert isinstance(spec, PackSpec)
    pack = Pack(spec=spec, path=path)
    problems_dir = path / "problems"
    if not problems_dir.is_dir():
        raise PackError(f"{problems_dir}: missing; a pack keeps one folder per problem there")
    for problem_dir in sorted(p for p in problems_dir.iterdir() if p.is_dir()):
        problem_spec = _load_yaml(problem_dir / "problem.yaml", ProblemSpec)
        assert isinstance(problem_spec, ProblemSpec)
        if problem_spec.name != problem_dir.name:
            raise PackError(
                f"{problem_dir / 'problem.yaml'}: name {problem_spec.name!r} differs from its folder "
                f"{problem_dir.name!r}; make them equal"
            )
        for model in problem_spec.models:
            pack.model_build(model)
        pack.problems[problem_spec.name] = Problem(spec=problem_spec, path=problem_dir)
    if not pack.problems:
        raise PackError(f"{problems_dir}: no problems; add a folder with problem.yaml")
    return pack
