"""Pack-level defaults that problems inherit and override (`problem_defaults`), and lm-eval style `include:`
of shared YAML, on a copy of the real hpc pack."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hpceval.tasks import PackError, load_pack, load_packs
from hpceval.tasks.kinds.kernel.schema import ProblemSpec
from tests.conftest import REPO


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "hpc"
    shutil.copytree(REPO / "tasks" / "packs" / "hpc", target)
    return target


def spec(pack_dir: Path, problem: str) -> ProblemSpec:
    found = load_pack(pack_dir).problems[problem].spec
    assert isinstance(found, ProblemSpec)
    return found


def test_the_hpc_pack_writes_shared_fields_once():
    pack = load_packs(["hpc"])[0]
    assert pack.spec.problem_defaults["includes"] == ["<vector>", "<cstddef>"]
    gemv, axpy, cg = (pack.problems[n].spec for n in ("gemv", "axpy", "cg"))
    assert isinstance(gemv, ProblemSpec) and isinstance(axpy, ProblemSpec) and isinstance(cg, ProblemSpec)
    assert gemv.includes == ["<vector>", "<cstddef>"] and gemv.tolerance.rtol == 1e-8  # inherited
    assert axpy.includes == ["<vector>"] and axpy.tolerance.rtol == 1e-12  # overridden
    assert cg.tolerance.rtol == 1e-6 and cg.tolerance.atol == 1e-9


def test_include_merges_mappings_and_the_problem_wins(pack_copy: Path):
    (pack_copy / "problems" / "shared.yaml").write_text(
        "tolerance: {atol: 1.0e-3}\nlimits: {run_wall_s: 7}\nmodels: [serial, omp]\nmetadata: {origin: shared}\n")
    problem = pack_copy / "problems" / "gemv" / "problem.yaml"
    problem.write_text("include: ../shared.yaml\n" + problem.read_text() + "metadata: {origin: gemv, level: 2}\n")
    gemv = spec(pack_copy, "gemv")
    assert gemv.tolerance.rtol == 1e-8 and gemv.tolerance.atol == 1e-3  # pack default, then the include
    assert gemv.limits is not None and gemv.limits.run_wall_s == 7
    assert gemv.models == ["serial", "omp"] and gemv.metadata == {"origin": "gemv", "level": 2}
    assert [t.task_id for t in load_pack(pack_copy).tasks if t.problem == "gemv"] == [
        "hpc/gemv/serial/generate", "hpc/gemv/omp/generate", "hpc/gemv/omp/translate",  # translate: from serial
        "hpc/gemv/serial/optimize", "hpc/gemv/omp/optimize"]


def test_a_pack_default_reaches_every_problem_that_does_not_set_it(pack_copy: Path):
    pack_yaml = pack_copy / "pack.yaml"
    text = pack_yaml.read_text()
    assert "  models: [serial, omp, mpi, mpi+omp, kokkos, cuda]\n" in text
    pack_yaml.write_text(text.replace("  models: [serial, omp, mpi, mpi+omp, kokkos, cuda]\n", "  models: [serial]\n"))
    assert {t.execution_model for t in load_pack(pack_copy).tasks} == {"serial"}


def test_include_cycles_and_missing_files_name_the_fix(pack_copy: Path):
    problem = pack_copy / "problems" / "gemv" / "problem.yaml"
    text = problem.read_text()
    (pack_copy / "problems" / "a.yaml").write_text("include: b.yaml\n")
    (pack_copy / "problems" / "b.yaml").write_text("include: a.yaml\n")
    problem.write_text("include: ../a.yaml\n" + text)
    with pytest.raises(PackError, match="includes itself"):
        load_pack(pack_copy)
    problem.write_text("include: ../nowhere.yaml\n" + text)
    with pytest.raises(PackError, match="nowhere.yaml: not found"):
        load_pack(pack_copy)
